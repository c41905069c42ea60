"""Pure rules of the follow-up of inspection recommendations: no database, no clock.

A recommendation is **late** when it is still open past its due date, or when the work it asks
for was reported done after that date (``completed_on``, the day the owner reports). A report
waiting for the provincial office's acceptance counts by its date, not by today: the owner
is not late for the office's delay. It is **closed** once the office accepted the report
(done). An inspection is closed once it took place and every recommendation is closed.
``selectors.late_q`` is the same rule as a query; a test holds the two together.
"""

import datetime as dt
from collections.abc import Iterable

OPEN, REPORTED, DONE = "open", "reported", "done"


def recommendation_late(
    *, state: str, due_on: dt.date, completed_on: dt.date | None, today: dt.date
) -> bool:
    if state == OPEN:
        return today > due_on
    return completed_on is not None and completed_on > due_on


def recommendation_closed(*, state: str) -> bool:
    return state == DONE


def inspection_closed(*, held: bool, states: Iterable[str]) -> bool:
    """Took place, and nothing it recommended is still open or waiting for acceptance."""
    return held and all(recommendation_closed(state=state) for state in states)


def quarter_of(day: dt.date) -> int:
    return (day.month - 1) // 3 + 1
