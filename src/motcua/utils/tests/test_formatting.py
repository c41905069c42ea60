import datetime as dt
from decimal import Decimal

import pytest

from motcua.utils.formatting import round_half_up, vn_date, vn_number, vn_percent
from motcua.utils.text import fold


@pytest.mark.parametrize(
    ("value", "places", "expected"),
    [
        (660557, 0, "660.557"),
        (1970, 0, "1.970"),
        (980_000_000, 0, "980.000.000"),
        (0, 0, "0"),
        (999, 0, "999"),
        (1000, 0, "1.000"),
        (-1234567, 0, "-1.234.567"),
        (86.15, 2, "86,15"),
        (73.05, 1, "73,1"),  # half up, not banker's rounding
        (Decimal("0.5"), 0, "1"),
        (Decimal("2.5"), 0, "3"),
        (12345.678, 1, "12.345,7"),
    ],
)
def test_vn_number(value, places, expected):
    assert vn_number(value, places) == expected


def test_vn_percent_and_date():
    assert vn_percent(740 / 859 * 100) == "86,15%"
    assert vn_percent(73.1, 1) == "73,1%"
    assert vn_date(dt.date(2024, 12, 14)) == "14/12/2024"
    assert vn_date(dt.date(2025, 1, 5)) == "05/01/2025"


def test_round_half_up_differs_from_bankers():
    assert round(2.5) == 2
    assert round_half_up(2.5) == 3
    assert round_half_up(Decimal("86.145"), 2) == Decimal("86.15")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Cấp giấy chứng nhận quyền sử dụng đất", "cap giay chung nhan quyen su dung dat"),
        ("ĐĂNG KÝ KHAI SINH", "dang ky khai sinh"),
        ("  Thủ   tục  ", "thu tuc"),
        ("Hộ tịch", "ho tich"),
    ],
)
def test_fold(text, expected):
    assert fold(text) == expected
