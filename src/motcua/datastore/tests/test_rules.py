import datetime as dt

import pytest

from motcua.datastore.rules import is_valid

D = dt.date(2026, 12, 6)


@pytest.mark.parametrize(
    ("valid_until", "on", "valid"),
    [
        (None, D, True),  # no expiry
        (D, D, True),  # the last day still counts
        (D - dt.timedelta(days=1), D, False),  # expired yesterday
        (D + dt.timedelta(days=1), D, True),
        (dt.date(2024, 2, 29), dt.date(2024, 3, 1), False),
    ],
)
def test_valid_on_a_date(valid_until, on, valid):
    assert is_valid(valid_until, on) is valid
