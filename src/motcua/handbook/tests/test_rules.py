import datetime as dt
from decimal import Decimal

import pytest

from motcua.handbook.rules import DONE, DONE_LATE, LATE, ON_TRACK, ranks, target_status

D = dt.date


@pytest.mark.parametrize(
    ("deadline", "done_on", "today", "expected"),
    [
        (D(2025, 6, 30), None, D(2025, 6, 29), ON_TRACK),
        (D(2025, 6, 30), None, D(2025, 6, 30), ON_TRACK),  # the deadline day itself is not late
        (D(2025, 6, 30), None, D(2025, 7, 1), LATE),
        (D(2025, 6, 30), D(2025, 6, 30), D(2025, 7, 1), DONE),
        (D(2025, 6, 30), D(2025, 7, 2), D(2025, 8, 1), DONE_LATE),
        # Looked at before it was met: it was late then (or on track).
        (D(2025, 6, 30), D(2025, 7, 2), D(2025, 7, 1), LATE),
        (D(2025, 6, 30), D(2025, 6, 1), D(2025, 5, 1), ON_TRACK),
    ],
)
def test_target_status(deadline, done_on, today, expected):
    assert target_status(deadline=deadline, done_on=done_on, today=today) == expected


def test_ranks_share_places_on_equal_scores():
    scores = [Decimal("80"), Decimal("90"), Decimal("80"), Decimal("70")]
    assert ranks(scores) == [2, 1, 2, 4]
    assert ranks([]) == []
