"""Reporting periods (kỳ báo cáo, chốt số liệu): statistics.md §1.

The national reporting regime cuts periods on the 14th/15th, not at month ends: a period runs
from the 15th of one month to the 14th of a later one, both ends inclusive. Pure: no database,
no clock.
"""

import datetime as dt
import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from motcua.utils.formatting import vn_date

# statistics.md: "Date of X" always means the local calendar date of instant X in this zone.
REPORTING_TZ = ZoneInfo("Asia/Ho_Chi_Minh")

# Day of month on which a period starts; it ends the day before, one or more months later.
CUT_DAY = 15

MIN_YEAR = 2  # the year before must exist: year periods start on 15 Dec of Y−1
MAX_YEAR = 9999

PERIOD_CHOICES = ("year", "h1", "9m", "q1", "q2", "q3", "q4") + tuple(f"m{m}" for m in range(1, 13))


class PeriodError(ValueError):
    """An impossible period or unusable period options; the message is bilingual."""


@dataclass(frozen=True)
class Period:
    """A reporting period [start, end], both ends inclusive local dates (statistics.md §1)."""

    start: dt.date
    end: dt.date

    def __post_init__(self) -> None:
        if self.start > self.end:
            raise PeriodError(
                f"Ngày bắt đầu ({vn_date(self.start)}) sau ngày kết thúc ({vn_date(self.end)}) / "
                f"Start date ({self.start.isoformat()}) is after end date "
                f"({self.end.isoformat()})"
            )

    @property
    def label(self) -> str:
        """How a report names its period on its face (statistics.md §1)."""
        return f"Kỳ báo cáo: từ {vn_date(self.start)} đến {vn_date(self.end)}"

    def instant_bounds(self, tz: dt.tzinfo = REPORTING_TZ) -> tuple[dt.datetime, dt.datetime]:
        """``(00:00 of start, 00:00 of the day after end)`` in local time, as aware datetimes.

        An instant ``x`` has its local date in the period exactly when ``lower <= x < upper``;
        statistics compare local dates, never UTC ones.
        """
        lower = dt.datetime.combine(self.start, dt.time.min, tzinfo=tz)
        upper = dt.datetime.combine(self.end + dt.timedelta(days=1), dt.time.min, tzinfo=tz)
        return lower, upper

    def as_json(self) -> dict[str, str]:
        """The ``period`` object of the JSON reports (statistics.md §9)."""
        return {"from": self.start.isoformat(), "to": self.end.isoformat()}

    @classmethod
    def between(cls, start: dt.date, end: dt.date) -> "Period":
        """An arbitrary period from ``start`` to ``end`` (both inclusive)."""
        return cls(start, end)

    @classmethod
    def for_month(cls, year: int, month: int) -> "Period":
        """Month M of year Y: 15th of M−1 to 14th of M (January starts on 15 Dec of Y−1)."""
        _check_year(year)
        if not 1 <= month <= 12:
            raise PeriodError(f"Tháng không hợp lệ: {month} / Invalid month: {month}")
        return cls(_cut_start(year, month - 1), _cut_end(year, month))

    @classmethod
    def for_quarter(cls, year: int, quarter: int) -> "Period":
        """Quarter Q: 15th of the month before the quarter to 14th of its last month."""
        _check_year(year)
        if not 1 <= quarter <= 4:
            raise PeriodError(f"Quý không hợp lệ: {quarter} / Invalid quarter: {quarter}")
        last_month = quarter * 3
        return cls(_cut_start(year, last_month - 3), _cut_end(year, last_month))

    @classmethod
    def for_first_half(cls, year: int) -> "Period":
        """6 months: 15 Dec of Y−1 to 14 Jun of Y."""
        _check_year(year)
        return cls(_cut_start(year, 0), _cut_end(year, 6))

    @classmethod
    def for_nine_months(cls, year: int) -> "Period":
        """9 months: 15 Dec of Y−1 to 14 Sep of Y."""
        _check_year(year)
        return cls(_cut_start(year, 0), _cut_end(year, 9))

    @classmethod
    def for_year(cls, year: int) -> "Period":
        """Year Y: 15 Dec of Y−1 to 14 Dec of Y."""
        _check_year(year)
        return cls(_cut_start(year, 0), _cut_end(year, 12))


def period_from_options(
    year: int | None,
    period: str | None,
    date_from: dt.date | str | None,
    date_to: dt.date | str | None,
) -> Period:
    """The period that report options name.

    Either ``date_from`` and ``date_to`` together (an arbitrary period; ``year`` and ``period``
    must then be absent), or ``year`` with ``period`` in ``year|h1|9m|q1..q4|m1..m12``
    (default ``year``). Dates are ``date`` objects or text ``YYYY-MM-DD`` / ``DD/MM/YYYY``.
    Raises ``PeriodError`` with a bilingual message.
    """
    if date_from is not None or date_to is not None:
        if date_from is None or date_to is None:
            raise PeriodError(
                "Cần cả ngày bắt đầu (--from) và ngày kết thúc (--to) / "
                "Both --from and --to are required"
            )
        if period is not None or year is not None:
            raise PeriodError(
                "Không dùng --year/--period cùng với --from/--to / "
                "--year/--period cannot be combined with --from/--to"
            )
        return Period.between(parse_date(date_from), parse_date(date_to))
    if year is None:
        raise PeriodError("Thiếu năm báo cáo (--year) / Missing report year (--year)")
    name = (period or "year").strip().lower()
    if name == "year":
        return Period.for_year(year)
    if name == "h1":
        return Period.for_first_half(year)
    if name == "9m":
        return Period.for_nine_months(year)
    if match := re.fullmatch(r"q([1-4])", name):
        return Period.for_quarter(year, int(match[1]))
    if match := re.fullmatch(r"m(1[0-2]|[1-9])", name):
        return Period.for_month(year, int(match[1]))
    raise PeriodError(
        f"Kỳ báo cáo không hợp lệ: {period!r} (chọn một trong {', '.join(PERIOD_CHOICES)}) / "
        f"Invalid period: {period!r} (choose one of {', '.join(PERIOD_CHOICES)})"
    )


def parse_date(value: dt.date | str) -> dt.date:
    """``date`` as is; text as ``YYYY-MM-DD`` or ``DD/MM/YYYY``. Bilingual ``PeriodError``."""
    if isinstance(value, dt.date):
        return value
    text = value.strip()
    try:
        if match := re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", text):
            return dt.date(int(match[3]), int(match[2]), int(match[1]))
        return dt.date.fromisoformat(text)
    except ValueError:
        raise PeriodError(
            f"Ngày không hợp lệ: {value!r} (dạng YYYY-MM-DD hoặc DD/MM/YYYY) / "
            f"Invalid date: {value!r} (use YYYY-MM-DD or DD/MM/YYYY)"
        ) from None


def _check_year(year: int) -> None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise PeriodError(f"Năm không hợp lệ: {year} / Invalid year: {year}")


def _cut_start(year: int, month: int) -> dt.date:
    """The 15th of ``month`` of ``year``; month 0 is December of the year before."""
    if month == 0:
        return dt.date(year - 1, 12, CUT_DAY)
    return dt.date(year, month, CUT_DAY)


def _cut_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, CUT_DAY - 1)
