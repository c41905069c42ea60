import datetime as dt
from decimal import Decimal

import pytest

from motcua.interchange.parsing import (
    LOCAL_TZ,
    CellError,
    format_decimal,
    format_instant,
    parse_bool,
    parse_choice,
    parse_date,
    parse_days,
    parse_instant,
    parse_int,
    parse_money,
    parse_text,
)

UTC = dt.UTC
PLUS7 = dt.timezone(dt.timedelta(hours=7))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1", True),
        ("0", False),
        ("true", True),
        ("FALSE", False),
        ("True", True),
        ("có", True),
        ("Có", True),
        ("CÓ", True),
        ("không", False),
        ("Không", False),
        # "có" typed with a combining acute accent (NFD) is still "có".
        ("co\u0301", True),
    ],
)
def test_parse_bool_accepts(text, expected):
    assert parse_bool(text) is expected


@pytest.mark.parametrize("text", ["yes", "2", "x", "co", "khong", "10"])
def test_parse_bool_rejects(text):
    with pytest.raises(CellError, match="boolean"):
        parse_bool(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("2024-02-29", dt.date(2024, 2, 29)), ("2024-12-31", dt.date(2024, 12, 31))],
)
def test_parse_date_accepts(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("2024-02-30", "no such date"),
        ("2023-02-29", "no such date"),
        ("2024-13-01", "no such date"),
        ("2024-1-1", "invalid date format"),
        ("02/05/2024", "invalid date format"),
        ("2024-05-02T00:00", "invalid date format"),
    ],
)
def test_parse_date_rejects(text, fragment):
    with pytest.raises(CellError, match=fragment):
        parse_date(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-03-05T08:15:00+07:00", dt.datetime(2024, 3, 5, 8, 15, tzinfo=PLUS7)),
        ("2024-03-05T01:15:00Z", dt.datetime(2024, 3, 5, 1, 15, tzinfo=UTC)),
        ("2024-03-05T01:15:00+00:00", dt.datetime(2024, 3, 5, 1, 15, tzinfo=UTC)),
        ("2024-03-05T08:15:00+0700", dt.datetime(2024, 3, 5, 8, 15, tzinfo=PLUS7)),
        (
            "2024-03-04T20:15:00-05:00",
            dt.datetime(2024, 3, 4, 20, 15, tzinfo=dt.timezone(dt.timedelta(hours=-5))),
        ),
        ("2024-03-05T08:15+07:00", dt.datetime(2024, 3, 5, 8, 15, tzinfo=PLUS7)),
        ("2024-03-05T08:15:00.250+07:00", dt.datetime(2024, 3, 5, 8, 15, 0, 250000, tzinfo=PLUS7)),
        # Without an offset: local time of the province.
        ("2024-03-05T08:15:00", dt.datetime(2024, 3, 5, 8, 15, tzinfo=LOCAL_TZ)),
        ("2024-12-31T23:59:59", dt.datetime(2024, 12, 31, 23, 59, 59, tzinfo=LOCAL_TZ)),
    ],
)
def test_parse_instant_accepts(text, expected):
    value = parse_instant(text)
    assert value == expected
    assert value.utcoffset() == expected.utcoffset()


@pytest.mark.parametrize(
    ("text", "offset_hours"),
    [
        ("2024-03-05T08:15:00+14:00", 14),
        ("2024-03-05T08:15:00-14:00", -14),
        ("2024-03-05T08:15:00+13:59", 13 + 59 / 60),
        ("2024-03-05T08:15:00Z", 0),
        ("2024-03-05T08:15:00-00:30", -0.5),
    ],
)
def test_parse_instant_common_form_at_the_offset_bounds(text, offset_hours):
    """The export's form takes a fast path; its bounds agree with the full parser's."""
    assert parse_instant(text).utcoffset() == dt.timedelta(hours=offset_hours)


def test_parse_instant_without_offset_is_utc_plus_7():
    assert parse_instant("2024-03-05T08:15:00") == dt.datetime(2024, 3, 5, 1, 15, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("2024-03-05T08:15:00+25:00", "invalid UTC offset"),
        ("2024-03-05T08:15:00+15:00", "invalid UTC offset"),
        ("2024-03-05T08:15:00+14:01", "invalid UTC offset"),
        ("2024-03-05T08:15:00-14:30", "invalid UTC offset"),
        ("2024-03-05T08:15:00+07:60", "invalid UTC offset"),
        ("2024-03-05T08:15:00+0700x", "invalid instant"),
        ("2024-03-05T08:15:00+7", "invalid instant"),
        ("2024-03-05T08:15:00 +07:00", "invalid instant"),
        ("2024-02-30T08:15:00+07:00", "invalid instant"),
        ("2024-03-05T24:00:00+07:00", "invalid instant"),
        ("2024-03-05", "invalid instant"),
        ("05/03/2024 08:15", "invalid instant"),
    ],
)
def test_parse_instant_rejects(text, fragment):
    with pytest.raises(CellError, match=fragment):
        parse_instant(text)


@pytest.mark.parametrize(("text", "expected"), [("0", 0), ("200000", 200000), ("007", 7)])
def test_parse_money_accepts(text, expected):
    assert parse_money(text) == expected


@pytest.mark.parametrize("text", ["-1", "1.000", "1,000", "1e3", "12.5", "+5", "1 000"])
def test_parse_money_rejects(text):
    with pytest.raises(CellError, match="non-negative integer"):
        parse_money(text)


def test_parse_int_bound():
    assert parse_int("100", max_value=100) == 100
    with pytest.raises(CellError, match="too large"):
        parse_int("101", max_value=100)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("15", Decimal("15.0")),
        ("0.5", Decimal("0.5")),
        ("0.50", Decimal("0.5")),
        ("15.0", Decimal("15.0")),
        ("0", Decimal("0.0")),
        ("99999.9", Decimal("99999.9")),
    ],
)
def test_parse_days_accepts(text, expected):
    value = parse_days(text)
    assert value == expected
    assert str(value) == str(expected)


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("0.25", "decimal places"),
        ("-1", "invalid number of days"),
        ("0,5", "invalid number of days"),
        ("100000", "too large"),
        (".5", "invalid number"),
    ],
)
def test_parse_days_rejects(text, fragment):
    with pytest.raises(CellError, match=fragment):
        parse_days(text)


def test_parse_choice_lists_the_valid_values():
    assert parse_choice("Province", choices=["province", "district"]) == "province"
    with pytest.raises(CellError) as error:
        parse_choice("tinh", choices=["province", "district", "commune"])
    assert error.value.message == (
        'giá trị không hợp lệ "tinh" (phải là province, district, commune) / '
        'invalid value "tinh" (expected province, district, commune)'
    )


def test_parse_text_bounds_and_nul():
    assert parse_text("abc", max_length=3) == "abc"
    with pytest.raises(CellError, match="at most 3"):
        parse_text("abcd", max_length=3)
    with pytest.raises(CellError, match="NUL"):
        parse_text("a\x00b")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (Decimal("15.0"), "15"),
        (Decimal("0.5"), "0.5"),
        (Decimal("30.0"), "30"),
        (Decimal("100"), "100"),
        (Decimal("0.0"), "0"),
        (None, ""),
    ],
)
def test_format_decimal(value, expected):
    assert format_decimal(value) == expected


def test_format_instant_round_trips():
    value = dt.datetime(2024, 3, 5, 1, 15, tzinfo=UTC)
    assert format_instant(value) == "2024-03-05T08:15:00+07:00"
    assert parse_instant(format_instant(value)) == value
