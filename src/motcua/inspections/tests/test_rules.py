"""The follow-up rules: "late" as a pure function and as the selectors' query agree at the
edges; closed is derived; services refuse with bilingual errors."""

import datetime as dt

import pytest

from motcua.accounts.models import User
from motcua.accounts.roles import Role
from motcua.inspections import services as s
from motcua.inspections.models import Inspection, Recommendation
from motcua.inspections.rules import inspection_closed, quarter_of, recommendation_late
from motcua.inspections.selectors import late_q
from motcua.testing.factories import AgencyFactory
from motcua.utils.errors import DomainError

D = dt.date
DUE = D(2025, 6, 30)

CASES = [
    # state, completed_on, today, late
    ("open", None, D(2025, 6, 30), False),  # on the due date
    ("open", None, D(2025, 7, 1), True),  # the day after
    ("reported", D(2025, 6, 30), D(2025, 9, 1), False),  # reported on time, not yet accepted
    ("reported", D(2025, 7, 1), D(2025, 7, 2), True),
    ("done", D(2025, 6, 30), D(2026, 1, 1), False),
    ("done", D(2025, 7, 1), D(2026, 1, 1), True),  # done after the due date
    ("done", D(2025, 5, 1), D(2025, 5, 2), False),
]


@pytest.mark.parametrize(("state", "completed_on", "today", "late"), CASES)
def test_late_is_derived(state, completed_on, today, late):
    assert (
        recommendation_late(state=state, due_on=DUE, completed_on=completed_on, today=today) is late
    )


@pytest.mark.django_db
@pytest.mark.parametrize(("state", "completed_on", "today", "late"), CASES)
def test_the_query_agrees_with_the_rule(state, completed_on, today, late):
    agency = AgencyFactory()
    inspection = Inspection.objects.create(
        agency=agency, planned=True, plan_year=2025, inspected_on=D(2025, 3, 1)
    )
    Recommendation.objects.create(
        inspection=inspection,
        text="x",
        owner=agency,
        due_on=DUE,
        state=state,
        completed_on=completed_on,
    )
    assert Recommendation.objects.filter(late_q(today)).exists() is late


def test_closed_is_derived():
    assert inspection_closed(held=True, states=[]) is True
    assert inspection_closed(held=False, states=[]) is False
    assert inspection_closed(held=True, states=["done", "reported"]) is False
    assert inspection_closed(held=True, states=["done", "done"]) is True
    assert [quarter_of(D(2025, m, 1)) for m in (1, 3, 4, 6, 7, 9, 10, 12)] == [
        1, 1, 2, 2, 3, 3, 4, 4,
    ]  # fmt: skip


@pytest.mark.django_db
def test_services_refuse_bilingually_and_check_permission():
    agency = AgencyFactory()
    controller = User.objects.create_user(username="c", password="x", role=Role.CONTROLLER)
    handler = User.objects.create_user(username="h", password="x", role=Role.HANDLER, agency=agency)
    today = D(2025, 6, 1)
    with pytest.raises(DomainError) as refused:
        s.inspection_plan_create(
            year=2025,
            decision_number="1/QĐ",
            decision_date=D(2025, 1, 2),
            decision_signer="Nguyễn Văn A, Chủ tịch",
            today=today,
            actor=handler,
        )
    assert refused.value.status_code == 403
    plan = s.inspection_plan_create(
        year=2025,
        decision_number="1/QĐ",
        decision_date=D(2025, 1, 2),
        decision_signer="Nguyễn Văn A, Chủ tịch",
        today=today,
        actor=controller,
    )
    with pytest.raises(DomainError) as refused:
        s.inspection_plan_add(plan=plan, agency=agency, quarter=2, team=[], actor=controller)
    assert refused.value.message_vi == "Đoàn kiểm tra cần ít nhất trưởng đoàn."
    assert refused.value.message_en == "The team needs at least its head."
    two_heads = [s.Member("A", "T", True), s.Member("B", "T", True)]
    with pytest.raises(DomainError, match="exactly one head"):
        s.inspection_plan_add(plan=plan, agency=agency, quarter=2, team=two_heads, actor=controller)
    inspection = s.inspection_plan_add(
        plan=plan, agency=agency, quarter=2, team=[s.Member("A", "T", True)], actor=controller
    )
    with pytest.raises(DomainError, match="Recommendations are recorded once"):
        s.recommendation_add(
            inspection=inspection,
            text="x",
            owner=agency,
            due_on=D(2025, 9, 1),
            today=today,
            actor=controller,
        )
    with pytest.raises(DomainError, match="cannot be later than today"):
        s.inspection_hold(
            inspection=inspection, inspected_on=D(2025, 6, 2), findings="", today=today,
            actor=controller,
        )  # fmt: skip
