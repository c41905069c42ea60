"""Working-day deadlines of each step across public holidays (Tết 2025, 30/4–1/5, 2/9) and the
province's own calendar exceptions; the overdue flag is derived from them and the clock."""

import datetime as dt

import pytest

from motcua.accounts.roles import Role
from motcua.calendar.rules import DAY_OFF
from motcua.calendar.selectors import invalidate_work_calendar
from motcua.calendar.services import calendar_exception_set
from motcua.feedback import services
from motcua.feedback.authz import visible_feedback
from motcua.feedback.selectors import current_deadline, feedback_queue, is_overdue
from motcua.feedback.tests.conftest import at, submit

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("received", "classify_due", "info_due"),
    [
        # Thursday before Tết (25/1–2/2/2025): Friday, then Monday 3/2.
        (at(2025, 1, 23, 9, 0), at(2025, 2, 3, 9, 0), at(2025, 2, 6, 9, 0)),
        # 30/4, 1/5 and 2/5 (moved from Saturday 26/4) are off.
        (at(2025, 4, 28, 9, 0), at(2025, 5, 5, 9, 0), at(2025, 5, 8, 9, 0)),
        # 1/9 and 2/9 are off.
        (at(2025, 8, 29, 9, 0), at(2025, 9, 4, 9, 0), at(2025, 9, 9, 9, 0)),
        # Received on a Saturday: counted from Monday's opening.
        (at(2025, 3, 8, 10, 0), at(2025, 3, 11, 17, 0), at(2025, 3, 14, 17, 0)),
    ],
)
def test_deadlines_of_classification_and_request_for_more(world, received, classify_due, info_due):
    item = submit(world, now=received).feedback
    assert item.classify_due_at == classify_due
    assert item.info_due_at == info_due


def test_answer_within_15_working_days_of_assignment_across_tet(world):
    item = submit(world, now=at(2025, 1, 17, 9, 0)).feedback
    item = services.feedback_classify(actor=world.controller, feedback=item, kind="regulation")
    item = services.feedback_assign(
        actor=world.controller, feedback=item, agency=world.dept, now=at(2025, 1, 20, 9, 0)
    )
    # 21–24/1 (4), 3–7/2 (9), 10–14/2 (14), 17/2 (15).
    assert item.answer_due_at == at(2025, 2, 17, 9, 0)


def test_publish_within_2_working_days_of_the_approval_across_2_9(world):
    item = submit(world, now=at(2025, 8, 25, 9, 0)).feedback
    item = services.feedback_classify(actor=world.controller, feedback=item, kind="regulation")
    item = services.feedback_assign(actor=world.controller, feedback=item, agency=world.dept)
    item = services.feedback_draft(actor=world.user(Role.HANDLER), feedback=item, answer="Đáp")
    item = services.feedback_approve(
        actor=world.user(Role.APPROVER), feedback=item, now=at(2025, 8, 29, 15, 0)
    )
    assert item.publish_due_at == at(2025, 9, 4, 15, 0)
    assert current_deadline(item) == item.publish_due_at


def test_a_day_off_the_province_declares_moves_the_deadline(world):
    calendar_exception_set(date=dt.date(2025, 3, 4), kind=DAY_OFF, note="Nghỉ bù")
    invalidate_work_calendar()
    item = submit(world, now=at(2025, 3, 3, 9, 0)).feedback
    assert item.classify_due_at == at(2025, 3, 6, 9, 0)


def test_overdue_is_derived_and_comes_first_in_the_queue(world):
    late = submit(world, now=at(2025, 1, 23, 9, 0)).feedback
    fresh = submit(world, now=at(2025, 2, 3, 9, 0)).feedback
    now = at(2025, 2, 3, 10, 0)
    assert is_overdue(late, now) and not is_overdue(fresh, now)
    assert not is_overdue(late, at(2025, 2, 3, 8, 59))
    queue = list(feedback_queue(visible_feedback(world.controller), now=now))
    assert queue == [late, fresh]
    assert list(feedback_queue(visible_feedback(world.controller), now=now, overdue=True)) == [late]
