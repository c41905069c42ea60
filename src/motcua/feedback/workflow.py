"""The feedback (PAKN) handling state machine: states, actions, who may trigger each, and the
working-day limit of each step, in one table.

Every service checks its action here (``check``, through ``authz.check``) before changing
anything; pages and the API ask ``authz.allowed_actions_for`` which actions to offer.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.utils.translation import gettext_lazy as _

from motcua.accounts.roles import Role
from motcua.feedback.models import FeedbackState
from motcua.utils.transitions import transition_check

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


class Action(enum.StrEnum):
    SUBMIT = "submit"  # the sender (public form, API, national feedback system)
    CLASSIFY = "classify"  # about regulations / about behaviour
    CLOSE = "close"  # not feedback (a complaint, a denunciation...): answered where it belongs
    MERGE = "merge"  # a duplicate: closed, pointing at the item kept
    REQUEST_INFO = "request_info"  # ask the sender for more information
    PROVIDE_INFO = "provide_info"  # the sender answers (lookup page)
    ASSIGN = "assign"  # to the agency that answers
    DRAFT = "draft"  # the agency's handler drafts the answer and sends it to the leader
    APPROVE = "approve"  # the agency's leader approves the answer: processed
    RETURN = "return"  # the leader returns the draft to the handler
    PUBLISH = "publish"  # the provincial office publishes question and answer, masked
    RATE = "rate"  # the sender says whether the answer satisfied them


class Scope(enum.StrEnum):
    PROVINCE = "province"  # the provincial office: every item
    AGENCY = "agency"  # the agency the item is assigned to (or one above it)
    SENDER = "sender"  # the sender, proven by the code and the secret


SENDER = "sender"

S = FeedbackState
R = Role


@dataclass(frozen=True)
class Transition:
    sources: frozenset[str | None]  # None: the item does not exist yet
    target: str | None  # None: the state does not change
    roles: frozenset[str]
    scope: Scope


def _t(sources, target, roles, scope) -> Transition:
    return Transition(frozenset(sources), target, frozenset(roles), scope)


BEFORE_ASSIGNMENT = {S.RECEIVED, S.AWAITING_INFO, S.CLASSIFIED}
CONTROLLER = {R.CONTROLLER}
TRANSITIONS: dict[Action, Transition] = {
    Action.SUBMIT: _t({None}, S.RECEIVED, {SENDER}, Scope.SENDER),
    Action.CLASSIFY: _t({S.RECEIVED}, S.CLASSIFIED, CONTROLLER, Scope.PROVINCE),
    Action.CLOSE: _t(BEFORE_ASSIGNMENT, S.CLOSED, CONTROLLER, Scope.PROVINCE),
    Action.MERGE: _t(BEFORE_ASSIGNMENT, S.CLOSED, CONTROLLER, Scope.PROVINCE),
    Action.REQUEST_INFO: _t({S.RECEIVED}, S.AWAITING_INFO, CONTROLLER, Scope.PROVINCE),
    Action.PROVIDE_INFO: _t({S.AWAITING_INFO}, S.RECEIVED, {SENDER}, Scope.SENDER),
    Action.ASSIGN: _t({S.CLASSIFIED}, S.PROCESSING, CONTROLLER, Scope.PROVINCE),
    Action.DRAFT: _t({S.PROCESSING}, S.AWAITING_APPROVAL, {R.HANDLER, R.APPROVER}, Scope.AGENCY),
    Action.APPROVE: _t({S.AWAITING_APPROVAL}, S.PROCESSED, {R.APPROVER}, Scope.AGENCY),
    Action.RETURN: _t({S.AWAITING_APPROVAL}, S.PROCESSING, {R.APPROVER}, Scope.AGENCY),
    Action.PUBLISH: _t({S.PROCESSED}, None, CONTROLLER, Scope.PROVINCE),
    Action.RATE: _t({S.PROCESSED}, None, {SENDER}, Scope.SENDER),
}

# Working-day limits (issue #11; Decree 20/2008 as amended): refuse (close as not feedback)
# within 2 working days of receipt, ask the sender for more within 5, answer within 15 of the
# assignment, publish within 2 of the approved answer.
CLASSIFY_DAYS = 2
REQUEST_INFO_DAYS = 5
ANSWER_DAYS = 15
PUBLISH_DAYS = 2

ACTION_LABELS: dict[Action, StrOrPromise] = {
    Action.SUBMIT: _("Gửi phản ánh, kiến nghị"),
    Action.CLASSIFY: _("Phân loại"),
    Action.CLOSE: _("Không phải phản ánh, kiến nghị: hướng dẫn và đóng"),
    Action.MERGE: _("Gộp vào phản ánh trùng"),
    Action.REQUEST_INFO: _("Yêu cầu người gửi bổ sung thông tin"),
    Action.PROVIDE_INFO: _("Bổ sung thông tin"),
    Action.ASSIGN: _("Chuyển cơ quan xử lý"),
    Action.DRAFT: _("Dự thảo trả lời, trình lãnh đạo"),
    Action.APPROVE: _("Duyệt trả lời"),
    Action.RETURN: _("Trả lại dự thảo"),
    Action.PUBLISH: _("Công khai kết quả"),
    Action.RATE: _("Đánh giá mức độ hài lòng"),
}


def check(action: Action, *, state: str | None, role: str) -> Transition:
    """The transition for ``action`` from ``state`` by ``role``, or TransitionRefused (the
    agency scope is checked by ``authz``: it needs the database)."""
    return transition_check(
        TRANSITIONS,
        ACTION_LABELS,
        action,
        state=state,
        role=role,
        state_label=lambda value: str(FeedbackState(value).label),
        thing="phản ánh",
    )
