"""statistics.md §3 on items made through the handling services, at the edges of the period:
carried over, processed exactly at its end (23:58 local time on its last day, 14 March),
published after it, closed as not feedback, merged as a duplicate, still in process."""

import pytest

from motcua.feedback import services
from motcua.feedback.models import ClosedReason
from motcua.feedback.selectors import feedback_figures, feedback_records
from motcua.feedback.tests.conftest import answered, at, submit
from motcua.utils.periods import Period

pytestmark = pytest.mark.django_db

Q1 = Period.for_quarter(2025, 1)  # 15/12/2024 – 14/3/2025 (statistics.md §1)


def test_figures_at_the_edges_of_the_period(world):
    # Received before the period, answered in it: carried over, processed, published.
    carried = answered(world, now=at(2024, 12, 12, 16, 0), handled=at(2025, 1, 6, 9, 0))
    carried_late = submit(world, now=at(2024, 12, 10, 9, 0)).feedback  # still in process
    # Approved at 23:58 on the period's last day, published the next morning.
    edge = answered(world, now=at(2025, 3, 14, 23, 55), publish=False)
    texts = services.masked_texts(edge)
    services.feedback_publish_answer(
        actor=world.controller, feedback=edge, now=at(2025, 3, 15, 8, 0), **texts
    )
    # Closed as a complaint; a duplicate merged: both processed, neither published.
    complaint = submit(world, now=at(2025, 2, 10, 9, 0)).feedback
    services.feedback_close(
        actor=world.controller,
        feedback=complaint,
        reason=ClosedReason.COMPLAINT,
        now=at(2025, 2, 11, 9, 0),
    )
    duplicate = submit(world, now=at(2025, 2, 10, 10, 0), kind="behaviour").feedback
    services.feedback_merge(
        actor=world.controller, feedback=duplicate, into=carried_late, now=at(2025, 2, 11, 9, 0)
    )
    # Received after the period: not counted.
    submit(world, now=at(2025, 3, 15, 0, 0))

    assert edge.processed_at == at(2025, 3, 14, 23, 58)
    figures = feedback_figures(Q1)
    assert figures == {
        "received": {
            "total": 5,
            "new": 3,
            "carried_over": 2,
            "regulation": 4,
            "behaviour": 1,
        },
        "processed": {"total": 4, "published": 1},
        "in_process": 1,
    }
    assert {f.code for f in feedback_records("processed.published", Q1)} == {carried.code}
    assert {f.code for f in feedback_records("in_process", Q1)} == {carried_late.code}
    # The next quarter: the edge item was processed before it, published in it.
    q2 = feedback_figures(Period.for_quarter(2025, 2))
    assert q2["received"]["carried_over"] == 1  # the one still in process
    assert q2["processed"]["total"] == 0
