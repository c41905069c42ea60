"""Reporting periods: statistics.md §1."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from motcua.utils.periods import Period, PeriodError, parse_date, period_from_options

D = dt.date
HCM = ZoneInfo("Asia/Ho_Chi_Minh")


@pytest.mark.parametrize(
    ("year", "period", "start", "end"),
    [
        (2024, "year", D(2023, 12, 15), D(2024, 12, 14)),
        (2024, None, D(2023, 12, 15), D(2024, 12, 14)),
        (2024, "h1", D(2023, 12, 15), D(2024, 6, 14)),
        (2024, "9m", D(2023, 12, 15), D(2024, 9, 14)),
        (2024, "q1", D(2023, 12, 15), D(2024, 3, 14)),
        (2024, "q2", D(2024, 3, 15), D(2024, 6, 14)),
        (2024, "q3", D(2024, 6, 15), D(2024, 9, 14)),
        (2024, "q4", D(2024, 9, 15), D(2024, 12, 14)),
        (2024, "m1", D(2023, 12, 15), D(2024, 1, 14)),
        (2024, "m2", D(2024, 1, 15), D(2024, 2, 14)),
        (2024, "m3", D(2024, 2, 15), D(2024, 3, 14)),  # across 29 Feb 2024
        (2023, "m3", D(2023, 2, 15), D(2023, 3, 14)),
        (2024, "m12", D(2024, 11, 15), D(2024, 12, 14)),
        (2025, "Q1", D(2024, 12, 15), D(2025, 3, 14)),
        (2000, "m3", D(2000, 2, 15), D(2000, 3, 14)),
    ],
)
def test_named_periods(year, period, start, end):
    result = period_from_options(year, period, None, None)
    assert (result.start, result.end) == (start, end)


@pytest.mark.parametrize(
    ("year", "month", "days"),
    [(2024, 3, 29), (2023, 3, 28), (1900, 3, 28), (2000, 3, 29), (2024, 1, 31), (2024, 5, 30)],
)
def test_month_length_follows_leap_years(year, month, days):
    period = Period.for_month(year, month)
    assert (period.end - period.start).days + 1 == days


def test_year_periods_tile_without_gaps():
    for year in range(2020, 2027):
        assert Period.for_year(year + 1).start == Period.for_year(year).end + dt.timedelta(days=1)
        months = [Period.for_month(year, m) for m in range(1, 13)]
        assert months[0].start == Period.for_year(year).start
        assert months[-1].end == Period.for_year(year).end
        for before, after in zip(months, months[1:], strict=False):
            assert after.start == before.end + dt.timedelta(days=1)


def test_label_is_vietnamese():
    assert Period.for_year(2024).label == "Kỳ báo cáo: từ 15/12/2023 đến 14/12/2024"
    assert Period.for_month(2024, 1).label == "Kỳ báo cáo: từ 15/12/2023 đến 14/01/2024"


@pytest.mark.parametrize(
    ("date_from", "date_to", "start", "end"),
    [
        ("2024-01-01", "2024-06-30", D(2024, 1, 1), D(2024, 6, 30)),
        ("01/01/2024", "29/02/2024", D(2024, 1, 1), D(2024, 2, 29)),
        (D(2024, 5, 5), D(2024, 5, 5), D(2024, 5, 5), D(2024, 5, 5)),  # one day
    ],
)
def test_arbitrary_periods(date_from, date_to, start, end):
    period = period_from_options(None, None, date_from, date_to)
    assert (period.start, period.end) == (start, end)


@pytest.mark.parametrize(
    ("year", "period", "date_from", "date_to", "message"),
    [
        (2024, "q5", None, None, "Kỳ báo cáo không hợp lệ"),
        (2024, "m13", None, None, "Invalid period"),
        (2024, "m0", None, None, "Invalid period"),
        (2024, "annual", None, None, "Invalid period"),
        (None, "year", None, None, "Missing report year"),
        (None, None, None, None, "Thiếu năm báo cáo"),
        (1, "year", None, None, "Invalid year"),
        (None, None, "2024-02-01", "2024-01-31", "Start date (2024-02-01) is after end date"),
        (None, None, "2024-02-01", None, "Both --from and --to are required"),
        (None, None, None, "2024-02-01", "Cần cả ngày bắt đầu"),
        (2024, None, "2024-01-01", "2024-02-01", "cannot be combined"),
        (None, None, "2023-02-29", "2024-01-01", "Ngày không hợp lệ"),
        (None, None, "yesterday", "2024-01-01", "Invalid date"),
    ],
)
def test_bad_options_raise_bilingual_errors(year, period, date_from, date_to, message):
    with pytest.raises(PeriodError) as excinfo:
        period_from_options(year, period, date_from, date_to)
    assert message in str(excinfo.value)
    assert " / " in str(excinfo.value)  # Vietnamese / English


def test_period_rejects_start_after_end():
    with pytest.raises(PeriodError, match="sau ngày kết thúc"):
        Period(D(2024, 1, 2), D(2024, 1, 1))


def test_parse_date_keeps_dates():
    assert parse_date(D(2024, 2, 29)) == D(2024, 2, 29)


@pytest.mark.parametrize(
    ("instant", "inside"),
    [
        # 00:00 local on 15/12/2023 is 17:00 UTC on 14/12/2023: inside.
        (dt.datetime(2023, 12, 14, 17, 0, tzinfo=dt.UTC), True),
        (dt.datetime(2023, 12, 14, 16, 59, 59, tzinfo=dt.UTC), False),
        # 23:59 local on 14/12/2024 is still in the year; 00:00 on 15/12 is not.
        (dt.datetime(2024, 12, 14, 23, 59, 59, 999999, tzinfo=HCM), True),
        (dt.datetime(2024, 12, 15, 0, 0, tzinfo=HCM), False),
        (dt.datetime(2024, 12, 14, 16, 59, tzinfo=dt.UTC), True),
        (dt.datetime(2024, 12, 14, 17, 0, tzinfo=dt.UTC), False),
        (dt.datetime(2024, 2, 29, 12, 0, tzinfo=HCM), True),
    ],
)
def test_instant_bounds_compare_local_dates(instant, inside):
    lower, upper = Period.for_year(2024).instant_bounds()
    assert (lower <= instant < upper) is inside


def test_instant_bounds_are_local_midnights():
    lower, upper = Period.for_month(2024, 3).instant_bounds()
    assert lower == dt.datetime(2024, 2, 15, tzinfo=HCM)
    assert upper == dt.datetime(2024, 3, 15, tzinfo=HCM)
    assert lower.utcoffset() == dt.timedelta(hours=7)


def test_as_json():
    assert Period.for_year(2024).as_json() == {"from": "2023-12-15", "to": "2024-12-14"}
