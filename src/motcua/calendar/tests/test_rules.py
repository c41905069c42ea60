"""The working-time rules: days, office hours, deadlines and their explanation."""

import datetime as dt
import json
from decimal import Decimal
from types import SimpleNamespace

import holidays
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from motcua.agencies.models import Agency
from motcua.calendar.rules import (
    VN_TZ,
    DayKind,
    Deadline,
    OfficeHours,
    WorkCalendar,
    add_calendar_days,
    add_working_time,
    compute_deadline,
    effective_start,
    extend_by_working_time,
    working_time_between,
)

CAL = WorkCalendar.build(years=range(2023, 2027))
HOURS = OfficeHours()
UTC = dt.UTC


def at(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=VN_TZ)


def h(hours: float) -> dt.timedelta:
    return dt.timedelta(hours=hours)


@pytest.mark.parametrize(
    ("day", "working", "kind", "reason"),
    [
        # Tết 2024: Thursday 8 to Wednesday 14 February.
        (dt.date(2024, 2, 7), True, DayKind.WORKDAY, ""),
        (dt.date(2024, 2, 8), False, DayKind.HOLIDAY, "29 Tết"),
        (dt.date(2024, 2, 9), False, DayKind.HOLIDAY, "Giao thừa Tết Nguyên Đán"),
        (dt.date(2024, 2, 10), False, DayKind.HOLIDAY, "Tết Nguyên Đán"),
        (dt.date(2024, 2, 12), False, DayKind.HOLIDAY, "Mùng ba Tết Nguyên Đán"),
        (dt.date(2024, 2, 14), False, DayKind.HOLIDAY, "Mùng năm Tết Nguyên Đán"),
        (dt.date(2024, 2, 15), True, DayKind.WORKDAY, ""),
        # Tết 2025: Monday 27 January to Saturday 1 February.
        (dt.date(2025, 1, 24), True, DayKind.WORKDAY, ""),
        (dt.date(2025, 1, 27), False, DayKind.HOLIDAY, "29 Tết"),
        (dt.date(2025, 1, 29), False, DayKind.HOLIDAY, "Tết Nguyên Đán"),
        (dt.date(2025, 1, 31), False, DayKind.HOLIDAY, "Mùng ba Tết Nguyên Đán"),
        (dt.date(2025, 2, 1), False, DayKind.HOLIDAY, "Mùng bốn Tết Nguyên Đán"),
        (dt.date(2025, 2, 3), True, DayKind.WORKDAY, ""),
        # Hùng Kings (10th day of the 3rd lunar month).
        (dt.date(2024, 4, 18), False, DayKind.HOLIDAY, "Ngày Giỗ Tổ Hùng Vương"),
        (dt.date(2025, 4, 7), False, DayKind.HOLIDAY, "Ngày Giỗ Tổ Hùng Vương"),
        # 30/4 - 1/5 2024: Monday 29/4 off, swapped with Saturday 4/5.
        (dt.date(2024, 4, 29), False, DayKind.HOLIDAY, "Ngày nghỉ (thay cho ngày 04/05/2024)"),
        (dt.date(2024, 4, 30), False, DayKind.HOLIDAY, "Ngày Chiến thắng"),
        (dt.date(2024, 5, 1), False, DayKind.HOLIDAY, "Ngày Quốc tế Lao động"),
        (dt.date(2024, 5, 2), True, DayKind.WORKDAY, ""),
        (
            dt.date(2024, 5, 4),
            True,
            DayKind.MAKEUP_DAY,
            "Ngày làm việc bù (cho ngày nghỉ 29/04/2024)",
        ),
        # 2025: Friday 2/5 off, swapped with Saturday 26/4.
        (dt.date(2025, 4, 30), False, DayKind.HOLIDAY, "Ngày Chiến thắng"),
        (dt.date(2025, 5, 2), False, DayKind.HOLIDAY, "Ngày nghỉ (thay cho ngày 26/04/2025)"),
        (
            dt.date(2025, 4, 26),
            True,
            DayKind.MAKEUP_DAY,
            "Ngày làm việc bù (cho ngày nghỉ 02/05/2025)",
        ),
        # National Day plus one adjacent day.
        (dt.date(2024, 9, 2), False, DayKind.HOLIDAY, "Quốc khánh"),
        (dt.date(2024, 9, 3), False, DayKind.HOLIDAY, "Quốc khánh"),
        (dt.date(2024, 9, 4), True, DayKind.WORKDAY, ""),
        (dt.date(2025, 9, 1), False, DayKind.HOLIDAY, "Quốc khánh"),
        (dt.date(2025, 9, 2), False, DayKind.HOLIDAY, "Quốc khánh"),
        (dt.date(2025, 9, 3), True, DayKind.WORKDAY, ""),
        (dt.date(2024, 1, 1), False, DayKind.HOLIDAY, "Tết Dương lịch"),
        # Plain weekends.
        (dt.date(2024, 3, 9), False, DayKind.WEEKEND, "Thứ bảy"),
        (dt.date(2024, 3, 10), False, DayKind.WEEKEND, "Chủ nhật"),
    ],
)
def test_day_classification(day, working, kind, reason):
    info = CAL.day(day)
    assert (info.is_working, info.kind, info.reason) == (working, kind, reason)
    assert CAL.is_working(day) is working


@pytest.mark.parametrize(
    ("start", "expected"),
    [
        (at(2024, 3, 4, 8, 15), at(2024, 3, 4, 8, 15)),  # inside office time
        (at(2024, 3, 4, 6, 0), at(2024, 3, 4, 7, 0)),  # before opening
        (at(2024, 3, 4, 12, 0), at(2024, 3, 4, 13, 30)),  # lunch break
        (at(2024, 3, 4, 11, 30), at(2024, 3, 4, 13, 30)),  # the morning just closed
        (at(2024, 3, 4, 17, 30), at(2024, 3, 5, 7, 0)),  # after closing
        (at(2024, 3, 4, 17, 0), at(2024, 3, 5, 7, 0)),  # at closing
        (at(2024, 3, 8, 17, 30), at(2024, 3, 11, 7, 0)),  # Friday evening -> Monday
        (at(2024, 3, 9, 10, 0), at(2024, 3, 11, 7, 0)),  # Saturday
        (at(2024, 2, 7, 17, 30), at(2024, 2, 15, 7, 0)),  # eve of Tết 2024
        (at(2024, 4, 26, 17, 30), at(2024, 5, 2, 7, 0)),  # before 29/4 - 1/5 2024
        (at(2024, 5, 4, 6, 0), at(2024, 5, 4, 7, 0)),  # make-up Saturday is worked
        (dt.datetime(2024, 3, 4, 10, 30, tzinfo=UTC), at(2024, 3, 5, 7, 0)),  # 17:30 local
        (dt.datetime(2024, 3, 3, 23, 30, tzinfo=UTC), at(2024, 3, 4, 7, 0)),  # 06:30 local
    ],
)
def test_effective_start(start, expected):
    result = effective_start(start, calendar=CAL, hours=HOURS)
    assert result == expected
    assert result.tzinfo == VN_TZ


@pytest.mark.parametrize(
    ("start", "days", "expected"),
    [
        (at(2024, 3, 4, 8, 15), 1, at(2024, 3, 5, 8, 15)),  # same time next working day
        (at(2024, 3, 4, 8, 15), 3, at(2024, 3, 7, 8, 15)),
        (at(2024, 3, 7, 8, 15), 2, at(2024, 3, 11, 8, 15)),  # crosses a weekend
        (at(2024, 3, 8, 14, 0), 1, at(2024, 3, 11, 14, 0)),
        (at(2024, 3, 4, 7, 0), 1, at(2024, 3, 4, 17, 0)),  # ends at closing, not next morning
        (at(2024, 3, 4, 7, 0), 2, at(2024, 3, 5, 17, 0)),
        (at(2024, 3, 4, 8, 0), 0.5, at(2024, 3, 4, 14, 0)),  # 4 hours across lunch
        (at(2024, 3, 4, 13, 0), Decimal("0.5"), at(2024, 3, 5, 7, 30)),  # from 13:30
        (at(2024, 3, 4, 12, 30), Decimal("0.4375"), at(2024, 3, 4, 17, 0)),  # exactly 3.5 h
        (at(2024, 3, 4, 15, 0), 0.5, at(2024, 3, 5, 9, 0)),  # across the night
        (at(2024, 3, 4, 8, 0), 0.25, at(2024, 3, 4, 10, 0)),
        (at(2024, 3, 4, 8, 0), 0, at(2024, 3, 4, 8, 0)),
        (at(2024, 3, 4, 17, 30), 1, at(2024, 3, 5, 17, 0)),  # after closing
        (at(2024, 3, 4, 6, 0), 1, at(2024, 3, 4, 17, 0)),  # before opening
        (at(2024, 3, 4, 12, 0), 1, at(2024, 3, 5, 11, 30)),  # lunch break: from 13:30
        (at(2024, 3, 8, 17, 30), 1, at(2024, 3, 11, 17, 0)),  # Friday evening
        # Tết 2024 and 2025.
        (at(2024, 2, 7, 10, 0), 2, at(2024, 2, 16, 10, 0)),
        (at(2025, 1, 24, 9, 0), 1, at(2025, 2, 3, 9, 0)),
        # Hùng Kings 2024 (Thursday) and 2025 (Monday).
        (at(2024, 4, 17, 9, 0), 1, at(2024, 4, 19, 9, 0)),
        (at(2025, 4, 4, 9, 0), 1, at(2025, 4, 8, 9, 0)),
        # 30/4 - 1/5 2024: 29/4 off, Saturday 4/5 worked.
        (at(2024, 4, 26, 9, 0), 1, at(2024, 5, 2, 9, 0)),
        (at(2024, 4, 26, 9, 0), 2, at(2024, 5, 3, 9, 0)),
        (at(2024, 4, 26, 9, 0), 3, at(2024, 5, 4, 9, 0)),
        (at(2024, 4, 26, 9, 0), 4, at(2024, 5, 6, 9, 0)),
        # 2025: Saturday 26/4 worked, 2/5 off.
        (at(2025, 4, 25, 9, 0), 1, at(2025, 4, 26, 9, 0)),
        (at(2025, 4, 25, 9, 0), 2, at(2025, 4, 28, 9, 0)),
        (at(2025, 4, 25, 9, 0), 4, at(2025, 5, 5, 9, 0)),
        # National Day 2024 (2-3/9) and 2025 (1-2/9).
        (at(2024, 8, 30, 9, 0), 1, at(2024, 9, 4, 9, 0)),
        (at(2025, 8, 29, 9, 0), 1, at(2025, 9, 3, 9, 0)),
        # New Year: the holiday of the next year is found lazily.
        (at(2026, 12, 31, 9, 0), 1, at(2027, 1, 4, 9, 0)),
    ],
)
def test_add_working_time(start, days, expected):
    assert add_working_time(start, days, calendar=CAL, hours=HOURS) == expected


def test_instants_in_utc_convert_to_local():
    start = dt.datetime(2024, 3, 4, 1, 15, tzinfo=UTC)  # 08:15 in Hà Nội
    due = add_working_time(start, 1, calendar=CAL, hours=HOURS)
    assert due == at(2024, 3, 5, 8, 15)
    assert due == dt.datetime(2024, 3, 5, 1, 15, tzinfo=UTC)
    assert due.tzinfo == VN_TZ
    # 23:00 UTC on Sunday is 06:00 Monday in Hà Nội: before opening, not a weekend.
    late_sunday = dt.datetime(2024, 3, 3, 23, 0, tzinfo=UTC)
    assert add_working_time(late_sunday, 1, calendar=CAL, hours=HOURS) == at(2024, 3, 4, 17, 0)


def test_naive_datetimes_are_refused():
    with pytest.raises(ValueError, match="timezone-aware"):
        add_working_time(dt.datetime(2024, 3, 4, 8, 0), 1, calendar=CAL, hours=HOURS)


def test_negative_limit_is_refused():
    with pytest.raises(ValueError, match="negative"):
        add_working_time(at(2024, 3, 4, 8), -1, calendar=CAL, hours=HOURS)


@pytest.mark.parametrize(
    ("start", "days", "expected"),
    [
        (at(2024, 3, 4, 8, 15), 4, at(2024, 3, 8, 17, 0)),  # ends on a Friday
        (at(2024, 3, 4, 8, 15), 5, at(2024, 3, 11, 17, 0)),  # Saturday -> Monday
        (at(2024, 3, 4, 8, 15), 0, at(2024, 3, 4, 17, 0)),
        (at(2024, 2, 1, 9, 0), 10, at(2024, 2, 15, 17, 0)),  # ends in Tết 2024
        (at(2024, 4, 22, 9, 0), 8, at(2024, 5, 2, 17, 0)),  # ends on 30/4/2024
        (at(2025, 8, 25, 9, 0), 7, at(2025, 9, 3, 17, 0)),  # ends on 1/9/2025
        (at(2025, 4, 21, 9, 0), 5, at(2025, 4, 26, 17, 0)),  # make-up Saturday is worked
        # Civil Code art. 147: counted from the day after receipt, whatever the hour.
        (at(2024, 3, 8, 17, 30), 1, at(2024, 3, 11, 17, 0)),  # Saturday 9/3 -> Monday
        (at(2024, 3, 4, 23, 59), 1, at(2024, 3, 5, 17, 0)),  # 23:59: the next day is day 1
        (at(2024, 3, 4, 23, 59), 3, at(2024, 3, 7, 17, 0)),  # not from Tuesday's opening
        (at(2024, 3, 5, 0, 1), 1, at(2024, 3, 6, 17, 0)),  # 00:01: the receipt day not counted
        (at(2024, 3, 5, 6, 30), 1, at(2024, 3, 6, 17, 0)),  # before opening: same
        (at(2024, 3, 8, 18, 0), 5, at(2024, 3, 13, 17, 0)),  # Friday evening: weekend counts
        (at(2024, 3, 9, 10, 0), 2, at(2024, 3, 11, 17, 0)),  # online on a Saturday
        (at(2024, 2, 7, 23, 59), 1, at(2024, 2, 15, 17, 0)),  # eve of Tết: ends after it
        (at(2024, 2, 7, 23, 59), 10, at(2024, 2, 19, 17, 0)),  # 17/2 Saturday -> Monday
        (at(2024, 2, 10, 9, 0), 3, at(2024, 2, 15, 17, 0)),  # received during Tết (online)
    ],
)
def test_add_calendar_days(start, days, expected):
    assert add_calendar_days(start, days, calendar=CAL, hours=HOURS) == expected


def test_calendar_days_must_be_whole():
    with pytest.raises(ValueError, match="whole number"):
        add_calendar_days(at(2024, 3, 4, 8), 1.5, calendar=CAL, hours=HOURS)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (at(2024, 3, 4, 8, 0), at(2024, 3, 4, 12, 0), h(3.5)),  # lunch excluded
        (at(2024, 3, 4, 11, 0), at(2024, 3, 4, 14, 0), h(1)),
        (at(2024, 3, 4, 16, 0), at(2024, 3, 5, 8, 0), h(2)),  # night excluded
        (at(2024, 3, 8, 16, 0), at(2024, 3, 11, 8, 0), h(2)),  # weekend excluded
        (at(2024, 2, 7, 16, 0), at(2024, 2, 15, 8, 0), h(2)),  # Tết excluded
        (at(2024, 4, 26, 7, 0), at(2024, 5, 6, 7, 0), h(32)),  # 2/5, 3/5 and Saturday 4/5
        (at(2024, 3, 4, 7, 0), at(2024, 3, 8, 17, 0), h(40)),  # a full week
        (at(2024, 3, 9, 10, 0), at(2024, 3, 10, 10, 0), h(0)),  # all weekend
        (at(2024, 3, 4, 12, 0), at(2024, 3, 4, 13, 0), h(0)),  # all lunch
        (at(2024, 3, 5, 8, 0), at(2024, 3, 4, 8, 0), h(0)),  # reversed
        (at(2024, 3, 4, 8, 0), at(2024, 3, 4, 8, 0), h(0)),
        (dt.datetime(2024, 3, 4, 1, 0, tzinfo=UTC), at(2024, 3, 4, 9, 0), h(1)),
    ],
)
def test_working_time_between(a, b, expected):
    assert working_time_between(a, b, calendar=CAL, hours=HOURS) == expected


@pytest.mark.parametrize(
    ("due", "paused", "expected"),
    [
        (at(2024, 3, 4, 10, 0), h(8), at(2024, 3, 5, 10, 0)),
        (at(2024, 3, 8, 16, 0), h(2), at(2024, 3, 11, 8, 0)),  # over the weekend
        (at(2024, 3, 8, 17, 0), h(0), at(2024, 3, 8, 17, 0)),  # no pause, no move
        (at(2024, 3, 8, 17, 0), h(1), at(2024, 3, 11, 8, 0)),
        (at(2024, 2, 7, 16, 0), h(3), at(2024, 2, 15, 9, 0)),  # over Tết
        (at(2024, 3, 4, 11, 0), h(1), at(2024, 3, 4, 14, 0)),  # over lunch
    ],
)
def test_extend_by_working_time(due, paused, expected):
    assert extend_by_working_time(due, paused, calendar=CAL, hours=HOURS) == expected


def test_supplement_pause_moves_the_due_date_by_the_paused_working_time():
    due = at(2024, 3, 11, 17, 0)
    # Requested Tuesday 15:00, supplied Thursday 09:00: 2 h + 8 h + 2 h of office time.
    paused = working_time_between(
        at(2024, 3, 5, 15, 0), at(2024, 3, 7, 9, 0), calendar=CAL, hours=HOURS
    )
    assert paused == h(12)
    assert extend_by_working_time(due, paused, calendar=CAL, hours=HOURS) == at(2024, 3, 13, 11)


def test_negative_pause_is_refused():
    with pytest.raises(ValueError, match="negative"):
        extend_by_working_time(at(2024, 3, 4, 8), h(-1), calendar=CAL, hours=HOURS)


@pytest.mark.parametrize(
    ("exceptions", "start", "days", "expected"),
    [
        ({}, at(2024, 3, 4, 8, 15), 3, at(2024, 3, 7, 8, 15)),
        # A storm day off on Wednesday pushes the deadline by one day.
        (
            {dt.date(2024, 3, 6): ("day_off", "Bão số 3")},
            at(2024, 3, 4, 8, 15),
            3,
            at(2024, 3, 8, 8, 15),
        ),
        # A make-up Saturday pulls it in.
        ({}, at(2024, 3, 7, 8, 15), 2, at(2024, 3, 11, 8, 15)),
        (
            {dt.date(2024, 3, 9): ("working_day", "Làm bù")},
            at(2024, 3, 7, 8, 15),
            2,
            at(2024, 3, 9, 8, 15),
        ),
        # The government cancels the 2025 swap after the package release: the administrator
        # overrides both package days.
        (
            {
                dt.date(2025, 4, 26): ("day_off", "Hủy làm bù"),
                dt.date(2025, 5, 2): ("working_day", "Hủy nghỉ bù"),
            },
            at(2025, 4, 25, 9, 0),
            1,
            at(2025, 4, 28, 9, 0),
        ),
    ],
)
def test_administrator_exceptions_change_deadlines(exceptions, start, days, expected):
    calendar = WorkCalendar.build(exceptions=exceptions)
    assert add_working_time(start, days, calendar=calendar, hours=HOURS) == expected


def test_administrator_exceptions_explain_themselves():
    calendar = WorkCalendar.build(
        exceptions={
            dt.date(2024, 3, 6): ("day_off", "Bão số 3"),
            dt.date(2024, 3, 9): ("working_day", ""),
        }
    )
    assert (
        calendar.day(dt.date(2024, 3, 6)).reason == "Ngày nghỉ do quản trị viên khai báo: Bão số 3"
    )
    assert calendar.day(dt.date(2024, 3, 6)).kind == DayKind.ADMIN_DAY_OFF
    assert calendar.day(dt.date(2024, 3, 9)).reason == "Ngày làm việc do quản trị viên khai báo"
    assert calendar.day(dt.date(2024, 3, 9)).kind == DayKind.ADMIN_WORKING_DAY
    deadline = compute_deadline(at(2024, 3, 4, 8, 15), 3, "working", calendar=calendar, hours=HOURS)
    assert [(d.date, d.reason) for d in deadline.skipped] == [
        (dt.date(2024, 3, 6), "Ngày nghỉ do quản trị viên khai báo: Bão số 3")
    ]


def test_invalid_exception_kind_is_refused():
    with pytest.raises(ValueError, match="kind"):
        WorkCalendar.build(exceptions={dt.date(2024, 3, 6): ("holiday", "")})


def test_version_is_a_stable_fingerprint_of_exceptions_and_package():
    a = {dt.date(2024, 3, 6): ("day_off", "Bão"), dt.date(2024, 3, 9): ("working_day", "")}
    b = dict(reversed(a.items()))
    assert WorkCalendar.build(exceptions=a).version == WorkCalendar.build(exceptions=b).version
    assert WorkCalendar.build(exceptions=a) == WorkCalendar.build(exceptions=b, years=[2024])
    assert WorkCalendar.build(exceptions=a).version != WorkCalendar.build().version
    changed_note = {**a, dt.date(2024, 3, 6): ("day_off", "Lũ")}
    assert (
        WorkCalendar.build(exceptions=changed_note).version
        != WorkCalendar.build(exceptions=a).version
    )
    assert WorkCalendar.build().version.startswith(f"{holidays.__version__}-")
    # Stable across processes: a fixed text hashed, not Python's randomised hash().
    assert WorkCalendar.build().version == WorkCalendar().version


def test_explanation_lists_skipped_days_with_reasons():
    deadline = compute_deadline(at(2024, 2, 7, 17, 30), 3, "working", calendar=CAL, hours=HOURS)
    assert deadline.effective_start == at(2024, 2, 15, 7, 0)
    assert deadline.due == at(2024, 2, 19, 17, 0)
    assert [(d.date.day, d.reason) for d in deadline.skipped] == [
        (8, "29 Tết"),
        (9, "Giao thừa Tết Nguyên Đán"),
        (10, "Tết Nguyên Đán"),
        (11, "Mùng hai Tết Nguyên Đán"),
        (12, "Mùng ba Tết Nguyên Đán"),
        (13, "Mùng bốn Tết Nguyên Đán"),
        (14, "Mùng năm Tết Nguyên Đán"),
        (17, "Thứ bảy"),
        (18, "Chủ nhật"),
    ]
    assert deadline.as_text() == (
        "Tiếp nhận 17:30 thứ Tư 07/02/2024, ngoài giờ làm việc: tính từ 07:00 thứ Năm 15/02/2024. "
        "Thời hạn: 3 ngày làm việc (8 giờ làm việc mỗi ngày). "
        "Bỏ qua: 08/02/2024 (29 Tết), 09/02/2024 (Giao thừa Tết Nguyên Đán), "
        "10/02/2024 (Tết Nguyên Đán), 11/02/2024 (Mùng hai Tết Nguyên Đán), "
        "12/02/2024 (Mùng ba Tết Nguyên Đán), 13/02/2024 (Mùng bốn Tết Nguyên Đán), "
        "14/02/2024 (Mùng năm Tết Nguyên Đán), 17/02/2024 (Thứ bảy), 18/02/2024 (Chủ nhật). "
        "Hạn giải quyết: 17:00 thứ Hai 19/02/2024."
    )


def test_explanation_in_english_has_no_vietnamese():
    deadline = compute_deadline(at(2024, 2, 7, 17, 30), 3, "working", calendar=CAL, hours=HOURS)
    text = deadline.as_text("en")
    assert text.startswith(
        "Received 17:30 Wednesday 07/02/2024, outside office hours: counted from 07:00 "
        "Thursday 15/02/2024. Time limit: 3 working days (8 working hours a day). Days skipped: "
    )
    assert "10/02/2024 (public holiday)" in text and "17/02/2024 (Saturday)" in text
    assert text.endswith("Deadline: 17:00 Monday 19/02/2024.")
    assert text.isascii()
    calendar_days = compute_deadline(
        at(2024, 3, 8, 18, 0), 5, "calendar", calendar=CAL, hours=HOURS
    )
    assert "counted from the next day, 09/03/2024 (Civil Code, art. 147). Time limit: 5 " in (
        calendar_days.as_text("en")
    )
    assert (
        compute_deadline(at(2024, 3, 4, 12, 0), None, "working", calendar=CAL, hours=HOURS)
        .as_text("en")
        .endswith("The procedure sets no time limit, so the dossier has no deadline.")
    )


@pytest.mark.parametrize(
    ("start", "limit", "unit", "fragments"),
    [
        (
            at(2024, 3, 4, 8, 15),
            Decimal("0.5"),
            "working",
            [
                "Tiếp nhận 08:15 thứ Hai 04/03/2024. Thời hạn: 0,5 ngày làm việc",
                "Hạn giải quyết: 14:15 thứ Hai 04/03/2024.",
            ],
        ),
        (
            at(2024, 3, 4, 12, 0),
            1,
            "working",
            ["trong giờ nghỉ trưa: tính từ 13:30 thứ Hai 04/03/2024"],
        ),
        (
            at(2024, 3, 9, 9, 0),
            1,
            "working",
            [
                "Tiếp nhận 09:00 thứ Bảy 09/03/2024, vào ngày nghỉ: tính từ 07:00 thứ Hai",
                "Bỏ qua: 09/03/2024 (Thứ bảy), 10/03/2024 (Chủ nhật).",
            ],
        ),
        (
            at(2024, 4, 22, 9, 0),
            8,
            "calendar",
            [
                "Thời hạn: 8 ngày theo lịch",
                "Bỏ qua: 30/04/2024 (Ngày Chiến thắng), 01/05/2024 (Ngày Quốc tế Lao động). "
                "Hạn giải quyết: 17:00 thứ Năm 02/05/2024.",
            ],
        ),
        (
            at(2024, 3, 4, 8, 15),
            None,
            "working",
            ["Thủ tục không quy định thời hạn giải quyết nên hồ sơ không có hạn."],
        ),
    ],
)
def test_explanation_text(start, limit, unit, fragments):
    text = compute_deadline(start, limit, unit, calendar=CAL, hours=HOURS).as_text()
    for fragment in fragments:
        assert fragment in text


@pytest.mark.parametrize(
    ("start", "limit", "due", "fragment"),
    [
        (
            at(2024, 3, 8, 18, 0),
            5,
            at(2024, 3, 13, 17, 0),
            "Tiếp nhận 18:00 thứ Sáu 08/03/2024, tính từ ngày hôm sau 09/03/2024 "
            "(Điều 147 Bộ luật Dân sự). Thời hạn: 5 ngày theo lịch",
        ),
        (
            at(2024, 3, 4, 23, 59),
            1,
            at(2024, 3, 5, 17, 0),
            "Tiếp nhận 23:59 thứ Hai 04/03/2024, tính từ ngày hôm sau 05/03/2024",
        ),
    ],
)
def test_calendar_day_deadline_counts_from_the_next_day(start, limit, due, fragment):
    deadline = compute_deadline(start, limit, "calendar", calendar=CAL, hours=HOURS)
    assert deadline.due == due
    # The weekend after a Friday-evening receipt is inside the limit: counted, not skipped.
    assert deadline.skipped == ()
    assert fragment in deadline.as_text()
    assert "ngoài giờ làm việc" not in deadline.as_text()


def test_calendar_day_limit_skips_only_the_days_it_was_moved_over():
    deadline = compute_deadline(at(2024, 4, 22, 9, 0), 8, "calendar", calendar=CAL, hours=HOURS)
    assert deadline.due == at(2024, 5, 2, 17, 0)
    # The weekend of 27-28/4 and Monday 29/4 are inside the 8 calendar days: counted, not skipped.
    assert [d.date for d in deadline.skipped] == [dt.date(2024, 4, 30), dt.date(2024, 5, 1)]


def test_no_time_limit_means_no_due_date():
    deadline = compute_deadline(at(2024, 3, 4, 8, 15), None, "working", calendar=CAL, hours=HOURS)
    assert deadline.due is None
    assert deadline.limit is None
    assert deadline.as_dict()["due"] is None


def test_deadline_dict_is_json_and_round_trips():
    deadline = compute_deadline(
        dt.datetime(2024, 4, 26, 10, 30, tzinfo=UTC),
        Decimal("2.5"),
        "working",
        calendar=WorkCalendar.build(exceptions={dt.date(2024, 5, 2): ("day_off", "Bão")}),
        hours=OfficeHours(dt.time(7, 30), dt.time(11, 30), dt.time(13, 0), dt.time(17, 0)),
    )
    data = json.loads(json.dumps(deadline.as_dict()))
    assert data["start"] == "2024-04-26T17:30:00+07:00"
    assert data["limit"] == "2.5"
    assert data["unit"] == "working"
    assert data["office_hours"]["morning_start"] == "07:30"
    assert data["skipped"][0] == {"date": "2024-04-27", "kind": "weekend", "reason": "Thứ bảy"}
    assert {
        "date": "2024-05-02",
        "kind": "admin_day_off",
        "reason": "Ngày nghỉ do quản trị viên khai báo: Bão",
    } in data["skipped"]
    restored = Deadline.from_dict(data)
    assert restored == deadline
    assert restored.as_text() == deadline.as_text()


def test_invalid_unit_is_refused():
    with pytest.raises(ValueError, match="unit"):
        compute_deadline(at(2024, 3, 4, 8), 1, "hours", calendar=CAL, hours=HOURS)


def test_office_hours_of_an_agency():
    assert OfficeHours.of(Agency()) == OfficeHours()
    assert OfficeHours().day_length == h(8)
    custom = OfficeHours.of(
        SimpleNamespace(
            morning_start=dt.time(7, 30),
            morning_end=dt.time(11, 30),
            afternoon_start=dt.time(13, 0),
            afternoon_end=dt.time(17, 0),
        )
    )
    assert custom.day_length == h(8)
    assert effective_start(at(2024, 3, 4, 7, 10), calendar=CAL, hours=custom) == at(
        2024, 3, 4, 7, 30
    )
    assert effective_start(at(2024, 3, 4, 12, 0), calendar=CAL, hours=custom) == at(2024, 3, 4, 13)
    assert add_working_time(at(2024, 3, 4, 7, 30), 0.5, calendar=CAL, hours=custom) == at(
        2024, 3, 4, 11, 30
    )
    assert add_working_time(at(2024, 3, 4, 17, 10), 1, calendar=CAL, hours=custom) == at(
        2024, 3, 5, 17, 0
    )


@pytest.mark.parametrize(
    ("hours", "day_length", "per_day_text"),
    [
        (OfficeHours(dt.time(7), dt.time(11), dt.time(13), dt.time(16)), h(7), "7 giờ"),
        (OfficeHours(dt.time(7), dt.time(11), dt.time(13), dt.time(16, 30)), h(7.5), "7,5 giờ"),
        # No lunch break: the periods touch.
        (OfficeHours(dt.time(8), dt.time(12), dt.time(12), dt.time(16)), h(8), "8 giờ"),
    ],
)
def test_a_working_day_is_the_agency_s_office_day(hours, day_length, per_day_text):
    assert hours.day_length == day_length
    start = at(2024, 3, 4, hours.morning_start.hour)
    assert add_working_time(start, 1, calendar=CAL, hours=hours) == at(
        2024, 3, 4, hours.afternoon_end.hour, hours.afternoon_end.minute
    )
    assert (
        working_time_between(
            start, at(2024, 3, 5, hours.morning_start.hour), calendar=CAL, hours=hours
        )
        == day_length
    )
    text = compute_deadline(start, 1, "working", calendar=CAL, hours=hours).as_text()
    assert f"({per_day_text} làm việc mỗi ngày)" in text


def test_office_hours_must_be_ordered():
    with pytest.raises(ValueError, match="ordered"):
        OfficeHours(dt.time(7), dt.time(12), dt.time(11), dt.time(17))


def _office_instant(day: dt.date, minute: int, hours: OfficeHours) -> dt.datetime:
    morning = int(
        (
            dt.datetime.combine(day, hours.morning_end)
            - dt.datetime.combine(day, hours.morning_start)
        )
        / dt.timedelta(minutes=1)
    )
    opens = hours.morning_start if minute < morning else hours.afternoon_start
    offset = minute if minute < morning else minute - morning
    return dt.datetime.combine(day, opens, tzinfo=VN_TZ) + dt.timedelta(minutes=offset)


def _day_share(days: Decimal) -> dt.timedelta:
    return dt.timedelta(seconds=int(days * 8 * 3600))


@settings(max_examples=300, deadline=None)
@given(
    day=st.dates(dt.date(2023, 1, 1), dt.date(2026, 12, 31)),
    minute=st.integers(0, 8 * 60 - 1),
    days=st.decimals(min_value=0, max_value=40, places=2, allow_nan=False, allow_infinity=False),
)
def test_working_time_between_inverts_add_working_time_inside_office_time(day, minute, days):
    start = _office_instant(CAL.next_working_day(day), minute, HOURS)
    due = add_working_time(start, days, calendar=CAL, hours=HOURS)
    assert working_time_between(start, due, calendar=CAL, hours=HOURS) == _day_share(days)


@settings(max_examples=200, deadline=None)
@given(
    start=st.datetimes(
        min_value=dt.datetime(2023, 1, 1),
        max_value=dt.datetime(2026, 12, 31),
        timezones=st.just(UTC),
    ),
    days=st.decimals(min_value=0, max_value=40, places=2, allow_nan=False, allow_infinity=False),
)
def test_working_time_between_inverts_add_working_time_from_any_instant(start, days):
    due = add_working_time(start, days, calendar=CAL, hours=HOURS)
    assert due >= start
    assert working_time_between(start, due, calendar=CAL, hours=HOURS) == _day_share(days)
