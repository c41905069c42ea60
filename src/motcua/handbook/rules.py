"""Pure rules of the handbook: a target's status on a given day, ranks from scores. No
database, no clock: ``today`` is passed in."""

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal

DONE, ON_TRACK, LATE, DONE_LATE = "done", "on_track", "late", "done_late"


def target_status(*, deadline: dt.date, done_on: dt.date | None, today: dt.date) -> str:
    """``done`` (met by its deadline), ``done_late`` (met after it), ``late`` (not met and the
    deadline has passed: the day after it, not on it) or ``on_track``. A target met after
    ``today`` (looked at in the past) is not yet met on ``today``."""
    if done_on is not None and done_on <= today:
        return DONE if done_on <= deadline else DONE_LATE
    return LATE if deadline < today else ON_TRACK


def ranks(scores: Sequence[Decimal]) -> list[int]:
    """Competition ranks of ``scores`` (highest first; equal scores share a rank: 1, 2, 2, 4),
    in the order given."""
    ordered = sorted(scores, reverse=True)
    first: dict[Decimal, int] = {}
    for position, score in enumerate(ordered, start=1):
        first.setdefault(score, position)
    return [first[score] for score in scores]
