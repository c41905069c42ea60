"""Working time: which days are worked, office hours, and deadlines counted in them.

Pure functions (no database, no clock). Every instant is a timezone-aware ``datetime``; results
are in Asia/Ho_Chi_Minh, where office hours are defined. Vietnam has no daylight saving time, so
wall-clock arithmetic in that zone is exact.

Public holidays and the government's day swaps come from the maintained ``holidays`` package
(Vietnam, lunar dates included); administrator exceptions override it, because the yearly notice
often comes after the package release.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import hashlib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from typing import Any, Literal, Protocol
from zoneinfo import ZoneInfo

from motcua.utils.formatting import vn_date, vn_number

VN_TZ = ZoneInfo("Asia/Ho_Chi_Minh")
ONE_DAY = dt.timedelta(days=1)

Number = int | float | Decimal
Unit = Literal["working", "calendar"]
UNITS: tuple[Unit, ...] = ("working", "calendar")

DAY_OFF = "day_off"
WORKING_DAY = "working_day"

# Reasons as a person reads them (Mon..Sun); "Thứ bảy"/"Chủ nhật" name a skipped weekend day,
# the capitalised forms name a day inside a sentence ("17:30 thứ Sáu 09/02/2024").
_WEEKEND_REASON = {5: "Thứ bảy", 6: "Chủ nhật"}
_WEEKDAY_NAMES = ("thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật")


class DayKind(enum.StrEnum):
    WORKDAY = "workday"
    WEEKEND = "weekend"
    HOLIDAY = "holiday"
    ADMIN_DAY_OFF = "admin_day_off"
    MAKEUP_DAY = "makeup_day"
    ADMIN_WORKING_DAY = "admin_working_day"


_WORKING_KINDS = frozenset({DayKind.WORKDAY, DayKind.MAKEUP_DAY, DayKind.ADMIN_WORKING_DAY})


@dataclass(frozen=True)
class DayInfo:
    """One date of the calendar: whether it is worked, and why (empty for a plain weekday)."""

    date: dt.date
    kind: DayKind
    reason: str = ""

    @property
    def is_working(self) -> bool:
        return self.kind in _WORKING_KINDS

    def as_dict(self) -> dict[str, str]:
        return {"date": self.date.isoformat(), "kind": str(self.kind), "reason": self.reason}

    @classmethod
    def from_dict(cls, data: Mapping[str, str]) -> DayInfo:
        return cls(dt.date.fromisoformat(data["date"]), DayKind(data["kind"]), data["reason"])


class HasOfficeHours(Protocol):
    morning_start: dt.time
    morning_end: dt.time
    afternoon_start: dt.time
    afternoon_end: dt.time


@dataclass(frozen=True)
class OfficeHours:
    """An agency's office hours: a morning and an afternoon period."""

    morning_start: dt.time = dt.time(7, 0)
    morning_end: dt.time = dt.time(11, 30)
    afternoon_start: dt.time = dt.time(13, 30)
    afternoon_end: dt.time = dt.time(17, 0)

    def __post_init__(self) -> None:
        if not (self.morning_start < self.morning_end <= self.afternoon_start < self.afternoon_end):
            raise ValueError(
                "Giờ làm việc không hợp lệ / Office hours must be ordered: "
                f"{self.morning_start}-{self.morning_end}, "
                f"{self.afternoon_start}-{self.afternoon_end}"
            )

    @classmethod
    def of(cls, agency: HasOfficeHours) -> OfficeHours:
        return cls(
            agency.morning_start, agency.morning_end, agency.afternoon_start, agency.afternoon_end
        )

    @property
    def periods(self) -> tuple[tuple[dt.time, dt.time], tuple[dt.time, dt.time]]:
        return (
            (self.morning_start, self.morning_end),
            (self.afternoon_start, self.afternoon_end),
        )

    @property
    def day_length(self) -> dt.timedelta:
        """Office time in one working day: what "one working day" of a time limit means."""
        day = dt.date(2000, 1, 1)
        return sum(
            (
                dt.datetime.combine(day, end) - dt.datetime.combine(day, start)
                for start, end in self.periods
            ),
            dt.timedelta(),
        )

    def as_dict(self) -> dict[str, str]:
        return {
            name: f"{getattr(self, name):%H:%M}"
            for name in ("morning_start", "morning_end", "afternoon_start", "afternoon_end")
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, str]) -> OfficeHours:
        return cls(**{name: dt.time.fromisoformat(value) for name, value in data.items()})


@functools.cache
def _package_year(year: int) -> tuple[tuple[DayInfo, ...], tuple[DayInfo, ...]]:
    """Public holidays and make-up working days of ``year`` from the ``holidays`` package.

    Shared by every calendar (it does not depend on administrator exceptions). The neighbouring
    years are loaded too, so that a swap across New Year finds its counterpart.
    """
    import holidays  # a fifth of a command's start-up: loaded when a calendar needs it

    package = holidays.country_holidays("VN", years=range(year - 1, year + 2), language="vi")
    days_off = tuple(
        DayInfo(day, DayKind.HOLIDAY, name)
        for day, name in sorted(package.items())
        if day.year == year
    )
    makeup = tuple(
        DayInfo(day, DayKind.MAKEUP_DAY, _makeup_reason(day, package))
        for day in sorted(package.weekend_workdays)
        if day.year == year
    )
    return days_off, makeup


@functools.cache
def _package_version() -> str:
    import holidays

    return holidays.__version__


def _makeup_reason(day: dt.date, package: Mapping[dt.date, str]) -> str:
    # The package names the swapped day off "Ngày nghỉ (thay cho ngày 04/05/2024)".
    swapped = [other for other, name in package.items() if vn_date(day) in name]
    if swapped:
        return f"Ngày làm việc bù (cho ngày nghỉ {vn_date(min(swapped))})"
    return "Ngày làm việc bù"


def _exception_day(day: dt.date, kind: str, note: str) -> DayInfo:
    suffix = f": {note}" if note else ""
    if kind == DAY_OFF:
        return DayInfo(day, DayKind.ADMIN_DAY_OFF, f"Ngày nghỉ do quản trị viên khai báo{suffix}")
    return DayInfo(
        day, DayKind.ADMIN_WORKING_DAY, f"Ngày làm việc do quản trị viên khai báo{suffix}"
    )


@dataclass(frozen=True)
class WorkCalendar:
    """Which dates are worked: Monday to Friday, minus public holidays, plus make-up days,
    with administrator exceptions (date, kind, note) taking precedence over the package.

    Years are resolved lazily and cached, so the calendar is cheap to query repeatedly.
    """

    exceptions: tuple[tuple[dt.date, str, str], ...] = ()
    version: str = field(init=False)
    _special: dict[int, dict[dt.date, DayInfo]] = field(
        init=False, default_factory=dict, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        for day, kind, _note in self.exceptions:
            if kind not in (DAY_OFF, WORKING_DAY):
                raise ValueError(
                    f"Loại ngày không hợp lệ / Invalid exception kind {kind!r} ({day})"
                )
        package_version = _package_version()
        text = "\n".join(
            [f"holidays {package_version}"]
            + [f"{day.isoformat()} {kind} {note}" for day, kind, note in sorted(self.exceptions)]
        )
        digest = hashlib.sha256(text.encode()).hexdigest()
        object.__setattr__(self, "version", f"{package_version}-{digest[:12]}")

    @classmethod
    def build(
        cls,
        *,
        exceptions: Mapping[dt.date, tuple[str, str]] | None = None,
        years: Iterable[int] = (),
    ) -> WorkCalendar:
        """A calendar with administrator ``exceptions`` (date -> (kind, note)); ``years`` are
        resolved at once, any other year on first use."""
        calendar = cls(
            exceptions=tuple(
                sorted((day, kind, note) for day, (kind, note) in (exceptions or {}).items())
            )
        )
        for year in years:
            calendar._year(year)
        return calendar

    def _year(self, year: int) -> dict[dt.date, DayInfo]:
        special = self._special.get(year)
        if special is None:
            days_off, makeup = _package_year(year)
            special = {info.date: info for info in (*days_off, *makeup)}
            special.update(
                (day, _exception_day(day, kind, note))
                for day, kind, note in self.exceptions
                if day.year == year
            )
            self._special[year] = special
        return special

    def day(self, day: dt.date) -> DayInfo:
        info = self._year(day.year).get(day)
        if info is not None:
            return info
        if day.weekday() in _WEEKEND_REASON:
            return DayInfo(day, DayKind.WEEKEND, _WEEKEND_REASON[day.weekday()])
        return DayInfo(day, DayKind.WORKDAY)

    def is_working(self, day: dt.date) -> bool:
        # Hot path of every deadline computation: no DayInfo for plain days.
        info = self._year(day.year).get(day)
        return info.is_working if info is not None else day.weekday() not in _WEEKEND_REASON

    def next_working_day(self, day: dt.date) -> dt.date:
        """``day`` itself when it is worked, else the first working day after it."""
        while not self.is_working(day):
            day += ONE_DAY
        return day

    def non_working_days(self, first: dt.date, last: dt.date) -> list[DayInfo]:
        """Non-working dates from ``first`` to ``last`` inclusive, with their reasons."""
        days = []
        day = first
        while day <= last:
            info = self.day(day)
            if not info.is_working:
                days.append(info)
            day += ONE_DAY
        return days


def to_local(instant: dt.datetime) -> dt.datetime:
    if instant.tzinfo is None or instant.utcoffset() is None:
        raise ValueError(
            f"Thời điểm phải có múi giờ / Datetime must be timezone-aware: {instant!r}"
        )
    return instant.astimezone(VN_TZ)


def _office_intervals(
    start: dt.datetime, calendar: WorkCalendar, hours: OfficeHours
) -> Iterator[tuple[dt.datetime, dt.datetime]]:
    """Office periods from ``start`` on, the first one clipped to begin at ``start``."""
    start = to_local(start)
    day = start.date()
    while True:
        if calendar.is_working(day):
            for opens, closes in hours.periods:
                begin = dt.datetime.combine(day, opens, tzinfo=VN_TZ)
                end = dt.datetime.combine(day, closes, tzinfo=VN_TZ)
                if end > start:
                    yield max(begin, start), end
        day += ONE_DAY


def effective_start(
    start: dt.datetime, *, calendar: WorkCalendar, hours: OfficeHours
) -> dt.datetime:
    """When counting starts: ``start`` itself inside office time; otherwise the next opening
    (before opening: that opening; lunch break: the afternoon; after closing or on a day off:
    the next working morning)."""
    return next(_office_intervals(start, calendar, hours))[0]


def _scale(length: dt.timedelta, days: Number) -> dt.timedelta:
    amount = Fraction(days)
    if amount < 0:
        raise ValueError(f"Thời hạn không được âm / Time limit must not be negative: {days}")
    return dt.timedelta(microseconds=round(length // dt.timedelta(microseconds=1) * amount))


def _add_office_time(
    start: dt.datetime, amount: dt.timedelta, calendar: WorkCalendar, hours: OfficeHours
) -> dt.datetime:
    remaining = amount
    for begin, end in _office_intervals(start, calendar, hours):
        # "<=": a limit that uses up a period exactly ends at its closing time, not at the next
        # opening.
        if remaining <= end - begin:
            return begin + remaining
        remaining -= end - begin
    raise AssertionError("unreachable: office intervals never run out")


def add_working_time(
    start: dt.datetime, days: Number, *, calendar: WorkCalendar, hours: OfficeHours
) -> dt.datetime:
    """The instant ``days`` working days (``days * hours.day_length`` of office time) after
    ``start``, counted from its effective start.

    A whole number of days from 08:15 ends at 08:15 that many working days later; from opening
    time it ends at closing time of the last day.
    """
    return _add_office_time(start, _scale(hours.day_length, days), calendar, hours)


def add_calendar_days(
    start: dt.datetime, days: Number, *, calendar: WorkCalendar, hours: OfficeHours
) -> dt.datetime:
    """Closing time of the ``days``-th calendar day after the day of ``start``, moved to the
    next working day when that day is not worked.

    Civil Code 2015 art. 147: a limit in days starts on the day after the event, whatever its
    hour, so a dossier received at 23:59 and one received at 07:00 the same day have the same
    deadline; the day of receipt itself is never counted. The limit ends with its last day, and
    the applicant can act until the office closes, so the deadline is that day's closing time.
    """
    amount = Fraction(days)
    if amount < 0 or amount.denominator != 1:
        raise ValueError(
            "Số ngày lịch phải là số nguyên không âm / "
            f"Calendar days must be a whole number: {days}"
        )
    last = calendar.next_working_day(to_local(start).date() + dt.timedelta(days=int(amount)))
    return dt.datetime.combine(last, hours.afternoon_end, tzinfo=VN_TZ)


def working_time_between(
    a: dt.datetime, b: dt.datetime, *, calendar: WorkCalendar, hours: OfficeHours
) -> dt.timedelta:
    """Office time between ``a`` and ``b`` (zero when ``b`` is not after ``a``)."""
    total = dt.timedelta()
    if to_local(b) <= to_local(a):
        return total
    for begin, end in _office_intervals(a, calendar, hours):
        if begin >= b:
            break
        total += min(end, b) - begin
    return total


def extend_by_working_time(
    due: dt.datetime, paused: dt.timedelta, *, calendar: WorkCalendar, hours: OfficeHours
) -> dt.datetime:
    """``due`` moved later by ``paused`` office time (a supplement pause). No pause, no move."""
    if paused < dt.timedelta():
        raise ValueError(f"Thời gian tạm dừng không được âm / Pause must not be negative: {paused}")
    if not paused:
        return to_local(due)
    return _add_office_time(due, paused, calendar, hours)


_WEEKDAY_NAMES_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# Why a day is not worked, in English (the stored reasons are the calendar's Vietnamese names).
_DAY_KIND_EN = {
    DayKind.HOLIDAY: "public holiday",
    DayKind.ADMIN_DAY_OFF: "day off by decision",
}


def _when(instant: dt.datetime, english: bool = False) -> str:
    local = to_local(instant)
    names = _WEEKDAY_NAMES_EN if english else _WEEKDAY_NAMES
    return f"{local:%H:%M} {names[local.weekday()]} {vn_date(local)}"


def _skipped_reason_en(info: DayInfo) -> str:
    return _DAY_KIND_EN.get(info.kind) or _WEEKDAY_NAMES_EN[info.date.weekday()]


def _decimal_text(value: Decimal) -> str:
    exponent = value.normalize().as_tuple().exponent
    assert isinstance(exponent, int)  # a finite number of days
    places = max(0, -exponent)
    return vn_number(value, places)


@dataclass(frozen=True)
class Deadline:
    """A due date and how it was computed, to store with a dossier and show to people."""

    start: dt.datetime
    effective_start: dt.datetime
    limit: Decimal | None
    unit: Unit
    due: dt.datetime | None
    calendar_version: str
    hours: OfficeHours
    skipped: tuple[DayInfo, ...] = ()

    def _moved_because(self) -> str:
        start = to_local(self.start)
        if any(info.date == start.date() for info in self.skipped):
            return "vào ngày nghỉ"
        if self.hours.morning_end <= start.time() < self.hours.afternoon_start:
            return "trong giờ nghỉ trưa"
        return "ngoài giờ làm việc"

    def _moved_because_en(self) -> str:
        return {
            "vào ngày nghỉ": "on a day off",
            "trong giờ nghỉ trưa": "during the lunch break",
        }.get(self._moved_because(), "outside office hours")

    def as_text(self, language: str = "vi") -> str:
        """How the due date was computed, in Vietnamese, or in English for ``language="en"``."""
        if language.startswith("en"):
            return self._as_text_en()
        parts = [f"Tiếp nhận {_when(self.start)}"]
        if self.unit == "calendar" and self.limit is not None:
            parts[0] += (
                ", tính từ ngày hôm sau "
                f"{vn_date(to_local(self.start).date() + ONE_DAY)} (Điều 147 Bộ luật Dân sự)"
            )
        elif self.effective_start != to_local(self.start):
            parts[0] += f", {self._moved_because()}: tính từ {_when(self.effective_start)}"
        if self.limit is None or self.due is None:
            parts.append("Thủ tục không quy định thời hạn giải quyết nên hồ sơ không có hạn")
            return ". ".join(parts) + "."
        if self.unit == "working":
            per_day = Decimal(self.hours.day_length // dt.timedelta(minutes=1)) / 60
            parts.append(
                f"Thời hạn: {_decimal_text(self.limit)} ngày làm việc "
                f"({_decimal_text(per_day)} giờ làm việc mỗi ngày)"
            )
        else:
            parts.append(
                f"Thời hạn: {_decimal_text(self.limit)} ngày theo lịch, hết ngày cuối "
                "(ngày cuối là ngày nghỉ thì chuyển sang ngày làm việc tiếp theo)"
            )
        if self.skipped:
            parts.append(
                "Bỏ qua: "
                + ", ".join(f"{vn_date(info.date)} ({info.reason})" for info in self.skipped)
            )
        parts.append(f"Hạn giải quyết: {_when(self.due)}")
        return ". ".join(parts) + "."

    def _as_text_en(self) -> str:
        parts = [f"Received {_when(self.start, True)}"]
        if self.unit == "calendar" and self.limit is not None:
            parts[0] += (
                ", counted from the next day, "
                f"{vn_date(to_local(self.start).date() + ONE_DAY)} (Civil Code, art. 147)"
            )
        elif self.effective_start != to_local(self.start):
            parts[0] += (
                f", {self._moved_because_en()}: counted from {_when(self.effective_start, True)}"
            )
        if self.limit is None or self.due is None:
            parts.append("The procedure sets no time limit, so the dossier has no deadline")
            return ". ".join(parts) + "."
        if self.unit == "working":
            per_day = Decimal(self.hours.day_length // dt.timedelta(minutes=1)) / 60
            parts.append(
                f"Time limit: {_decimal_text(self.limit)} working days "
                f"({_decimal_text(per_day)} working hours a day)"
            )
        else:
            parts.append(
                f"Time limit: {_decimal_text(self.limit)} calendar days, to the end of the last "
                "day (moved to the next working day when that day is a day off)"
            )
        if self.skipped:
            parts.append(
                "Days skipped: "
                + ", ".join(
                    f"{vn_date(info.date)} ({_skipped_reason_en(info)})" for info in self.skipped
                )
            )
        parts.append(f"Deadline: {_when(self.due, True)}")
        return ". ".join(parts) + "."

    def as_dict(self) -> dict[str, Any]:
        return {
            "start": self.start.isoformat(),
            "effective_start": self.effective_start.isoformat(),
            "limit": None if self.limit is None else str(self.limit),
            "unit": self.unit,
            "due": None if self.due is None else self.due.isoformat(),
            "calendar_version": self.calendar_version,
            "office_hours": self.hours.as_dict(),
            "skipped": [info.as_dict() for info in self.skipped],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Deadline:
        return cls(
            start=dt.datetime.fromisoformat(data["start"]),
            effective_start=dt.datetime.fromisoformat(data["effective_start"]),
            limit=None if data["limit"] is None else Decimal(data["limit"]),
            unit=data["unit"],
            due=None if data["due"] is None else dt.datetime.fromisoformat(data["due"]),
            calendar_version=data["calendar_version"],
            hours=OfficeHours.from_dict(data["office_hours"]),
            skipped=tuple(DayInfo.from_dict(item) for item in data["skipped"]),
        )


def compute_deadline(
    start: dt.datetime,
    limit: Number | None,
    unit: Unit,
    *,
    calendar: WorkCalendar,
    hours: OfficeHours,
) -> Deadline:
    """The due date of a time limit of ``limit`` ``unit`` days from ``start`` (no due date when
    ``limit`` is None), with the explanation: effective start and the days skipped and why."""
    if unit not in UNITS:
        raise ValueError(f"Đơn vị thời hạn không hợp lệ / Invalid time limit unit: {unit!r}")
    local_start = to_local(start)
    begin = effective_start(local_start, calendar=calendar, hours=hours)
    amount = None if limit is None else Decimal(str(limit))
    due: dt.datetime | None = None
    skipped: list[DayInfo] = []
    if unit == "working" or amount is None:
        # Days between intake and the effective start are skipped.
        skipped = calendar.non_working_days(local_start.date(), begin.date() - ONE_DAY)
    if amount is not None and unit == "working":
        due = add_working_time(begin, amount, calendar=calendar, hours=hours)
        skipped += calendar.non_working_days(begin.date(), due.date())
    elif amount is not None:
        # Civil Code art. 147: counted from the day after receipt, whatever the hour; weekends
        # and holidays count, only the days the end was moved over are skipped.
        due = add_calendar_days(local_start, amount, calendar=calendar, hours=hours)
        last = local_start.date() + dt.timedelta(days=int(amount))
        skipped += calendar.non_working_days(last, due.date())
    return Deadline(
        start=local_start,
        effective_start=begin,
        limit=amount,
        unit=unit,
        due=due,
        calendar_version=calendar.version,
        hours=hours,
        skipped=tuple(skipped),
    )
