"""Who may do what with inspections: the one authorisation module of the app.

Built on the role→action table of ``accounts/roles.py``: ``inspection.manage`` (the provincial
office: plan, record, attach, recommend, accept or reopen a report) and ``inspection.respond``
(the officers of an inspected agency: report on the recommendations owned by their agency or an
agency below it, ``agencies_visible_to``). Services call :func:`check` inside their transaction
on the locked row; pages call :func:`allowed` for the buttons, so a button is shown exactly when
the service would accept it. Nothing else compares role names.
"""

from __future__ import annotations

from enum import StrEnum

from django.db.models import QuerySet

from motcua.accounts.roles import can
from motcua.agencies.selectors import agencies_visible_to
from motcua.inspections.models import Inspection, Recommendation, RecommendationState
from motcua.utils.errors import DomainError


class Act(StrEnum):
    PLAN = "plan"  # approve a year's plan, add an agency to it, record a surprise inspection
    HOLD = "hold"  # record that a planned inspection took place, with its findings
    ATTACH = "attach"
    RECOMMEND = "recommend"
    REPORT = "report"  # the owner reports what was done
    ACCEPT = "accept"
    REOPEN = "reopen"


OFFICE_ACTS = frozenset({Act.PLAN, Act.HOLD, Act.ATTACH, Act.RECOMMEND, Act.ACCEPT, Act.REOPEN})

DENIED = DomainError(
    "Bạn không có quyền thực hiện thao tác này.",
    "You may not perform this action.",
    code="permission_denied",
    status_code=403,
)


def _refused_state() -> DomainError:
    return DomainError(
        "Thao tác không thực hiện được ở trạng thái hiện tại.",
        "The action is not possible in the current state.",
        code="invalid_state",
    )


def manages(user) -> bool:
    return can(user, "inspection.manage")


def recommendations_visible_to(user) -> QuerySet[Recommendation]:
    """The office sees every recommendation; an agency's officers those their agency or an
    agency below it owns; everyone else none."""
    if manages(user):
        return Recommendation.objects.all()
    if can(user, "inspection.respond"):
        return Recommendation.objects.filter(owner__in=agencies_visible_to(user))
    return Recommendation.objects.none()


def _owner_visible(user, recommendation: Recommendation) -> bool:
    return agencies_visible_to(user).filter(pk=recommendation.owner_id).exists()


def _refusal(user, act: Act, target: Inspection | Recommendation | None) -> DomainError | None:
    if act in OFFICE_ACTS:
        if not manages(user):
            return DENIED
    elif not (
        isinstance(target, Recommendation)
        and can(user, "inspection.respond")
        and _owner_visible(user, target)
    ):
        return DENIED
    if target is None:
        return None
    if isinstance(target, Recommendation):
        needed = RecommendationState.OPEN if act == Act.REPORT else RecommendationState.REPORTED
        if act in (Act.REPORT, Act.ACCEPT, Act.REOPEN) and target.state != needed:
            return _refused_state()
        return None
    if act == Act.HOLD and (not target.planned or target.inspected_on is not None):
        return _refused_state()
    if act == Act.RECOMMEND and target.inspected_on is None:
        return DomainError(
            "Chỉ ghi kiến nghị sau khi cuộc kiểm tra đã diễn ra.",
            "Recommendations are recorded once the inspection has taken place.",
            code="not_held",
        )
    return None


def check(user, act: Act, target: Inspection | Recommendation | None = None) -> None:
    """Raise the refusal of ``act`` on ``target`` by ``user`` (403 role/scope, 409 state)."""
    refusal = _refusal(user, act, target)
    if refusal is not None:
        raise refusal


def allowed(user, target: Inspection | Recommendation) -> set[str]:
    """The acts ``user`` may take on ``target`` now (the buttons a page shows)."""
    acts = (
        (Act.REPORT, Act.ACCEPT, Act.REOPEN)
        if isinstance(target, Recommendation)
        else (Act.HOLD, Act.ATTACH, Act.RECOMMEND)
    )
    return {str(act) for act in acts if _refusal(user, act, target) is None}
