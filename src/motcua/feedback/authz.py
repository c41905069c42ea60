"""Who may do what on a feedback item: the one authorisation module of feedback handling.

Built on the role→action table of ``accounts/roles.py`` (``feedback.work``,
``feedback.view_all``) and on the transition table of ``workflow.py``. The guards, in order:

1. the **role**: the transition table names the roles that may trigger the action (403);
2. the **state**: the item must be in one of the action's source states (409);
3. the **scope**: the provincial office (``feedback.view_all``) acts on every item; an agency's
   handler and leader only on items assigned to their agency or one below it (403); imported
   history (feedback.csv) is read-only (409);
4. **publication**: an answer is published once; the sender rates a published answer once.

Services call :func:`check` inside their transaction, on the locked item; pages and the API call
:func:`allowed_actions_for` for the forms they show, and :func:`visible_feedback` to limit every
list. Nothing else compares role names.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from motcua.accounts.roles import Role, can
from motcua.agencies.selectors import agencies_visible_to
from motcua.feedback.models import Feedback
from motcua.feedback.workflow import (
    SENDER,
    TRANSITIONS,
    Action,
    Scope,
)
from motcua.feedback.workflow import check as check_transition
from motcua.utils.errors import DomainError
from motcua.utils.transitions import TransitionRefused

__all__ = ["allowed_actions_for", "check", "may_see_contact", "role_of", "visible_feedback"]

# Offered on the officer pages (the sender's actions are the public pages').
OFFICER_ACTIONS = tuple(a for a in Action if SENDER not in TRANSITIONS[a].roles)


def role_of(actor) -> str:
    """The role the transition table knows ``actor`` by; the sender is ``SENDER``."""
    if actor is None or actor == SENDER:
        return SENDER
    if getattr(actor, "is_superuser", False) and not getattr(actor, "role", ""):
        return Role.ADMINISTRATOR
    return getattr(actor, "role", "") or ""


def visible_feedback(user) -> QuerySet[Feedback]:
    """The items ``user`` may see: every one for the provincial office, those assigned to the
    agencies ``agencies_visible_to`` gives for an agency's officers, none for anyone else."""
    items = Feedback.objects.all()
    if not can(user, "feedback.work"):
        return items.none()
    if can(user, "feedback.view_all"):
        return items
    # An agency's: the items assigned to it, and the imported history about it (read-only).
    return items.filter(
        Q(assigned_at__isnull=False) | Q(imported=True), agency__in=agencies_visible_to(user)
    )


def _in_scope(actor, feedback: Feedback, scope: Scope) -> bool:
    if scope == Scope.SENDER:
        return actor is None or actor == SENDER
    if scope == Scope.PROVINCE:
        return can(actor, "feedback.view_all")
    return (
        feedback.agency_id is not None
        and feedback.assigned_at is not None
        and agencies_visible_to(actor).filter(pk=feedback.agency_id).exists()
    )


def _refusal(action: Action, actor, feedback: Feedback | None) -> DomainError | None:
    state = feedback.state if feedback is not None else None
    role = role_of(actor)
    try:
        transition = check_transition(action, state=state, role=role)
    except TransitionRefused as exc:
        status = 403 if exc.code == "role_not_allowed" else 409
        return DomainError(exc.message_vi, exc.message_en, code=exc.code, status_code=status)
    if feedback is not None and feedback.imported:
        return DomainError(
            "Phản ánh nhập từ hệ thống cũ chỉ để tra cứu, không xử lý tiếp.",
            "Imported feedback is history: it is not handled here.",
            code="imported",
        )
    if role != SENDER and not can(actor, "feedback.work"):
        return DomainError(
            "Tài khoản không có quyền xử lý phản ánh, kiến nghị.",
            "This account may not handle feedback.",
            code="role_not_allowed",
            status_code=403,
        )
    if feedback is not None and not _in_scope(actor, feedback, transition.scope):
        return DomainError(
            "Phản ánh, kiến nghị không thuộc cơ quan của bạn.",
            "The feedback is not your agency's.",
            code="agency_not_allowed",
            status_code=403,
        )
    if action == Action.PUBLISH and feedback is not None and feedback.published_at:
        return DomainError(
            "Kết quả đã được công khai.",
            "The answer is already published.",
            code="already_published",
        )
    if action == Action.RATE and feedback is not None:
        if feedback.published_at is None:
            return DomainError(
                "Kết quả chưa được công khai.", "The answer is not published yet.", "not_published"
            )
        if feedback.satisfaction:
            return DomainError(
                "Bạn đã đánh giá kết quả này.", "You have already rated this answer.", "rated"
            )
    return None


def check(action: Action, *, actor, feedback: Feedback | None) -> None:
    """Raise DomainError (403/409) unless ``actor`` (a user; None for the sender) may take
    ``action`` on ``feedback`` now."""
    refusal = _refusal(action, actor, feedback)
    if refusal is not None:
        raise refusal


def allowed_actions_for(actor, feedback: Feedback) -> list[Action]:
    """The officer actions ``actor`` may take on ``feedback`` now, in the table's order."""
    return [a for a in OFFICER_ACTIONS if _refusal(a, actor, feedback) is None]


def may_see_contact(user, feedback: Feedback) -> bool:
    """The sender's full contact: to those handling the item (its page logs every read)."""
    return visible_feedback(user).filter(pk=feedback.pk).exists()
