"""The service index's two feedback indicators (service-index.md §4) from items handled here:
answered on time / due, satisfied / rated; 6 when there was none; imported history (no deadline,
no rating) out of "due"."""

from decimal import Decimal

import pytest

from motcua.accounts.roles import Role
from motcua.feedback import services
from motcua.feedback.tests.conftest import answered, at, submit
from motcua.feedback.tests.factories import FeedbackFactory
from motcua.reports.selectors.service_index import service_index, service_index_records
from motcua.utils.periods import Period

pytestmark = pytest.mark.django_db

YEAR = Period.for_year(2025)  # 15/12/2024 – 14/12/2025


def score(result, key):
    return {item.key: item.score for item in result.index.indicators}[key]


def test_on_time_and_satisfied_from_handled_items(world):
    on_time = answered(world, now=at(2025, 3, 3, 9, 0))
    services.feedback_rate(feedback=on_time, satisfied=True, now=at(2025, 3, 5, 9, 0))
    # Assigned, then answered after its 15 working days.
    late = submit(world, now=at(2025, 3, 3, 9, 0)).feedback
    late = services.feedback_classify(actor=world.controller, feedback=late, kind="regulation")
    late = services.feedback_assign(
        actor=world.controller, feedback=late, agency=world.dept, now=at(2025, 3, 3, 10, 0)
    )
    late = services.feedback_draft(actor=world.user(Role.HANDLER), feedback=late, answer="Đáp")
    late = services.feedback_approve(
        actor=world.user(Role.APPROVER), feedback=late, now=at(2025, 4, 10, 9, 0)
    )
    texts = services.masked_texts(late)
    late = services.feedback_publish_answer(
        actor=world.controller, feedback=late, now=at(2025, 4, 11, 9, 0), **texts
    )
    services.feedback_rate(feedback=late, satisfied=False, now=at(2025, 4, 15, 9, 0))
    # Not yet due at the end of the year: not counted.
    running = submit(world, now=at(2025, 12, 10, 9, 0)).feedback
    running = services.feedback_classify(actor=world.controller, feedback=running, kind="behaviour")
    services.feedback_assign(
        actor=world.controller, feedback=running, agency=world.dept, now=at(2025, 12, 10, 10, 0)
    )
    # History without a deadline: received, never due.
    FeedbackFactory(imported=True, received_at=at(2025, 2, 3, 9, 0), processed=True)

    result = service_index(YEAR)
    assert result.counts["feedback.received"] == 4
    assert result.counts["feedback.with_deadline"] == 3
    assert (result.counts["feedback.on_time"], result.counts["feedback.due"]) == (1, 2)
    assert (result.counts["feedback.satisfied"], result.counts["feedback.rated"]) == (1, 2)
    assert score(result, "satisfaction.feedback_on_time") == Decimal("3")  # 6 × 1/2
    assert score(result, "satisfaction.feedback_satisfied") is not None
    assert {f.code for f in service_index_records("feedback.on_time", YEAR)} == {on_time.code}


def test_six_points_when_there_was_none(world):
    result = service_index(YEAR)
    assert score(result, "satisfaction.feedback_on_time") == Decimal("6")
    assert score(result, "satisfaction.feedback_satisfied") == Decimal("6")


def test_history_alone_cannot_be_scored(world):
    FeedbackFactory(imported=True, received_at=at(2025, 2, 3, 9, 0), processed=True)
    result = service_index(YEAR)
    assert score(result, "satisfaction.feedback_on_time") is None
    assert result.reasons["satisfaction.feedback_on_time"] == "feedback_deadline"
