"""Who may do what on a dossier: the one authorisation module of the dossier lifecycle.

Built on the role→action table of ``accounts/roles.py`` (``can``: coarse actions such as
``dossier.work``) and on the transition table of ``workflow.py``. Every guard of a dossier action
is here, in this order:

1. the **role**: the transition table names the roles that may trigger the action (403);
2. the **state**: the dossier must be in one of the action's source states (409);
3. the **agency scope**: the officer's agency (or one above it) is the receiving desk, the agency
   of the current step, or either (``Scope``); a desk officer's is always the receiving desk (403);
4. the **step's role**: the processors (handler, approver) work on the step the dossier is at,
   each on a step of their own role: a handler forwards, assigns, asks for a supplement or the
   fee only at a handler's step; the approval step is the approver's. The approver, the agency's
   leader, also assigns and asks for a supplement or the fee at any step of their agency. Before
   the transfer there is no step: a supplement is then the desk's intake check (403/409);
5. the **step order**: forwarding needs a following step; approving or refusing happens only at
   the approval step, the last one, after the handler's steps (409); one evaluation per dossier;
6. the **law's limits** (Decree 61/2018 art. 19): an apology (form 04) only before the deadline
   has passed, and at most once per dossier (409).

Services call :func:`check` (inside their transaction, on the locked dossier) and raise what it
raises; pages and the API call :func:`allowed_actions_for` for the buttons and the
``allowed_actions`` field, so a button is shown exactly when the service would accept it. Nothing
else compares role names.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils import timezone

from motcua.accounts.roles import Role, can
from motcua.agencies.selectors import agency_descendant_ids
from motcua.dossiers.workflow import (
    APPLICANT,
    TRANSITIONS,
    Action,
    Scope,
    State,
)
from motcua.dossiers.workflow import check as check_transition
from motcua.utils.errors import DomainError
from motcua.utils.transitions import TransitionRefused

__all__ = [
    "allowed_actions_for",
    "can",
    "check",
    "eligible_assignees",
    "may",
    "role_of",
    "shows_personal_numbers",
]

# The processing roles (lifecycle.md: the handler examines, the approver, the agency's leader,
# approves); the desk's work is intake and return.
PROCESSORS = frozenset({Role.HANDLER, Role.APPROVER})
DESK = Role.INTAKE_OFFICER
LEADER = Role.APPROVER
# The processors' work on the step the dossier is at, done by the step's role. The leader also
# assigns, and asks for a supplement or the fee, at any step of their agency.
STEP_ACTIONS = frozenset(
    {
        Action.ASSIGN,
        Action.FORWARD,
        Action.APPROVE,
        Action.REFUSE,
        Action.REQUEST_PAYMENT,
        Action.REQUEST_SUPPLEMENT,
    }
)
LEADER_AT_ANY_STEP = frozenset({Action.ASSIGN, Action.REQUEST_PAYMENT, Action.REQUEST_SUPPLEMENT})
# Actions that end processing with a result: only at the approval step.
APPROVAL_ACTIONS = frozenset({Action.APPROVE, Action.REFUSE})


@dataclass(frozen=True)
class Facts:
    """What the guards need to know about a dossier, read once from the database."""

    state: State | None
    receiving_id: int | None
    current_id: int | None
    step_role: str | None = None  # the role of the open step (None: no open step)
    step_is_last: bool = False
    evaluated: frozenset[str] = frozenset()  # the sources of the dossier's evaluations
    overdue: bool = False  # the deadline has passed (at ``now``)
    apologised: bool = False

    @classmethod
    def of(cls, dossier, *, receiving=None, now: dt.datetime | None = None) -> Facts:
        """Facts of ``dossier`` at ``now`` (default: the current time; None: a dossier about to
        be received at ``receiving``)."""
        if dossier is None:
            receiving_id = receiving.pk if receiving else None
            return cls(state=None, receiving_id=receiving_id, current_id=None)
        state = State(dossier.state)
        # Only processing dossiers have an open step; only returned ones can be evaluated.
        step = _open_step(dossier) if state == State.PROCESSING else None
        return cls(
            state=state,
            receiving_id=receiving.pk if receiving else dossier.receiving_agency_id,
            current_id=dossier.current_agency_id,
            step_role=step.role if step else None,
            step_is_last=step is not None
            and not dossier.steps.filter(order__gt=step.order).exists(),
            evaluated=_evaluated(dossier) if state == State.RETURNED else frozenset(),
            overdue=dossier.due_at is not None and dossier.due_at <= (now or timezone.now()),
            apologised=dossier.apologies.exists(),
        )


def _open_step(dossier):
    return dossier.steps.filter(finished_at__isnull=True).order_by("order").first()


def _evaluated(dossier) -> frozenset[str]:
    from motcua.dossiers.models import Evaluation

    return frozenset(
        Evaluation.objects.filter(dossier_id=dossier.pk).values_list("source", flat=True)
    )


def role_of(actor) -> str:
    """The role the transition table knows ``actor`` by (a superuser without a role acts as an
    administrator, who has no dossier action)."""
    if getattr(actor, "is_superuser", False) and not getattr(actor, "role", ""):
        return Role.ADMINISTRATOR
    return getattr(actor, "role", "") or ""


def _agencies_of(actor) -> set[int]:
    if not getattr(actor, "agency_id", None):
        return set()
    return agency_descendant_ids(actor.agency)


def _refusal(action: Action, role: str, mine: set[int], facts: Facts) -> DomainError | None:
    """Why ``role`` (of the agencies ``mine``) may not take ``action`` now, or None."""
    try:
        transition = check_transition(action, state=facts.state, role=role)
    except TransitionRefused as exc:
        status = 403 if exc.code == "role_not_allowed" else 409
        return DomainError(exc.message_vi, exc.message_en, code=exc.code, status_code=status)
    if role != APPLICANT:
        receiving, current = facts.receiving_id in mine, facts.current_id in mine
        in_scope = {
            Scope.RECEIVING: receiving,
            Scope.CURRENT: current,
            # The desk's work is the receiving desk's, whichever agency the dossier is at.
            Scope.ANY: receiving if role == DESK else receiving or current,
            Scope.APPLICANT: False,
        }[transition.scope]
        if not in_scope:
            return DomainError(
                "Hồ sơ không thuộc cơ quan của bạn.",
                "The dossier is not your agency's.",
                code="agency_not_allowed",
                status_code=403,
            )
    if action in STEP_ACTIONS and role in PROCESSORS:
        # A processor works on a step: a supplement asked before the transfer is the desk's
        # (intake check, lifecycle step 2), during processing the step's (step 5).
        if facts.step_role is None:
            return DomainError("Hồ sơ không có bước đang xử lý.", "No open step.", "no_open_step")
        if facts.current_id not in mine:  # the step is another agency's (inter-agency)
            return DomainError(
                "Bước hiện tại thuộc cơ quan khác.",
                "The current step is another agency's.",
                code="agency_not_allowed",
                status_code=403,
            )
        if role != facts.step_role and not (role == LEADER and action in LEADER_AT_ANY_STEP):
            return DomainError(
                "Bước hiện tại không thuộc vai trò của bạn.",
                "The current step is not your role's.",
                code="role_not_allowed",
                status_code=403,
            )
    if action == Action.FORWARD and facts.step_is_last:
        return DomainError(
            "Đây là bước cuối: hãy phê duyệt hoặc từ chối.",
            "This is the last step: approve or refuse.",
            code="last_step",
        )
    if action in APPROVAL_ACTIONS and not facts.step_is_last:
        return DomainError(
            "Chỉ phê duyệt hoặc từ chối ở bước phê duyệt, sau các bước thẩm định.",
            "Approve or refuse only at the approval step, after the examining steps.",
            code="not_approval_step",
        )
    if action == Action.APOLOGISE and facts.apologised:
        return DomainError(
            "Hồ sơ đã có văn bản xin lỗi; mỗi hồ sơ chỉ xin lỗi một lần.",
            "An apology was already issued for this dossier; only one is allowed.",
            code="already_apologised",
        )
    if action == Action.APOLOGISE and facts.overdue:
        return DomainError(
            "Đã quá hạn giải quyết: văn bản xin lỗi phải gửi trước khi hết hạn.",
            "The deadline has passed: the apology must be sent before it.",
            code="apology_too_late",
        )
    # The applicant's evaluation and the desk's on their behalf are kept apart: one of each;
    # once the applicant has evaluated, the desk no longer records one for them.
    if action == Action.EVALUATE and (
        "applicant" in facts.evaluated
        or (role != APPLICANT and "desk_on_behalf" in facts.evaluated)
    ):
        return DomainError("Hồ sơ đã được đánh giá.", "Already evaluated.", "already_evaluated")
    return None


def check(
    action: Action, dossier, actor, *, receiving=None, now: dt.datetime | None = None
) -> None:
    """Raise ``DomainError`` (403 or 409) unless ``actor`` may take ``action`` on ``dossier`` now.

    ``dossier`` is None for a counter intake at ``receiving``. The applicant (role
    ``applicant``, proven by the lookup secret) has no agency scope.
    """
    role = role_of(actor)
    mine = set() if role == APPLICANT else _agencies_of(actor)
    refusal = _refusal(action, role, mine, Facts.of(dossier, receiving=receiving, now=now))
    if refusal is not None:
        raise refusal


def may(user, action: Action, dossier) -> bool:
    """Whether ``user`` may take ``action`` on ``dossier`` now (the answer of :func:`check`)."""
    try:
        check(action, dossier, user)
    except DomainError:
        return False
    return True


def allowed_actions_for(user, dossier) -> list[Action]:
    """The actions ``user`` may take on ``dossier`` now, in the order of the transition table:
    the buttons of the dossier page and the ``allowed_actions`` of the API."""
    if not can(user, "dossier.work"):
        return []
    role, mine, facts = role_of(user), _agencies_of(user), Facts.of(dossier)
    return [action for action in TRANSITIONS if _refusal(action, role, mine, facts) is None]


def eligible_assignees(dossier) -> QuerySet:
    """Active officers of the current step's agency with the step's role: the only ones a step
    may be assigned to (none when no step is open)."""
    from motcua.accounts.models import User

    step = _open_step(dossier) if dossier is not None else None
    if step is None:
        return User.objects.none()
    return User.objects.filter(agency_id=step.agency_id, role=step.role, is_active=True)


def shows_personal_numbers(user, dossier) -> bool:
    """Full ID and phone numbers only for officers of the receiving desk and of the competent
    agency (they need them to contact the applicant); everyone else sees them masked."""
    return getattr(user, "agency_id", None) is not None and user.agency_id in (
        dossier.receiving_agency_id,
        dossier.agency_id,
    )
