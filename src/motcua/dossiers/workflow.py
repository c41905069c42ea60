"""The dossier state machine: states, actions, and who may trigger each, in one table.

State codes are those exchanged with the National Public Service Portal (lifecycle.md, "States").
Every service checks its action here (``check``) before changing anything; nothing else decides
whether a transition is allowed.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db import models
from django.utils.translation import gettext_lazy as _

from motcua.accounts.roles import Role
from motcua.utils.transitions import transition_check

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


class State(models.IntegerChoices):
    SUBMITTED = 1, _("Mới đăng ký")
    RECEIVED = 2, _("Được tiếp nhận")
    REJECTED = 3, _("Không được tiếp nhận")
    PROCESSING = 4, _("Đang xử lý")
    AWAITING_SUPPLEMENT = 5, _("Yêu cầu bổ sung")
    AWAITING_PAYMENT = 6, _("Yêu cầu thực hiện nghĩa vụ tài chính")
    WITHDRAWN = 7, _("Công dân yêu cầu rút hồ sơ")
    STOPPED = 8, _("Dừng xử lý")
    RESOLVED = 9, _("Đã xử lý xong")
    RETURNED = 10, _("Đã trả kết quả")


class Outcome(models.TextChoices):
    APPROVED = "approved", _("Giải quyết (cấp kết quả)")
    REFUSED = "refused", _("Từ chối giải quyết")
    STOPPED = "stopped", _("Dừng xử lý")
    WITHDRAWN = "withdrawn", _("Rút hồ sơ")


class Channel(models.TextChoices):
    DIRECT = "direct", _("Trực tiếp")
    ONLINE = "online", _("Trực tuyến")
    POSTAL = "postal", _("Qua dịch vụ bưu chính")


# The portal's channel codes: 1 direct, 2 online, 3 postal.
PORTAL_CHANNEL = {Channel.DIRECT: 1, Channel.ONLINE: 2, Channel.POSTAL: 3}


class Action(enum.StrEnum):
    SUBMIT = "submit"
    RECEIVE = "receive"  # counter or postal intake: the dossier is created accepted
    ACCEPT = "accept"  # an online submission accepted at the desk
    REFUSE_INTAKE = "refuse_intake"
    TRANSFER = "transfer"
    ASSIGN = "assign"
    FORWARD = "forward"
    REQUEST_SUPPLEMENT = "request_supplement"
    RECORD_SUPPLEMENT = "record_supplement"
    REQUEST_PAYMENT = "request_payment"
    RECORD_PAYMENT = "record_payment"
    APPROVE = "approve"
    REFUSE = "refuse"
    STOP = "stop"
    WITHDRAW = "withdraw"
    APOLOGISE = "apologise"
    RETURN_RESULT = "return_result"
    EVALUATE = "evaluate"


class Scope(enum.StrEnum):
    """Which agency an officer must belong to (their agency or a parent of it) to act."""

    RECEIVING = "receiving"  # the desk that received the dossier
    CURRENT = "current"  # the agency of the dossier's current processing step
    ANY = "any"  # the receiving desk or the agency of the current step
    APPLICANT = "applicant"  # the applicant (public pages, proven by the lookup secret)


APPLICANT = "applicant"

S = State
OPEN_STATES = frozenset({S.RECEIVED, S.PROCESSING, S.AWAITING_SUPPLEMENT, S.AWAITING_PAYMENT})
ENDED_STATES = frozenset({S.WITHDRAWN, S.STOPPED, S.RESOLVED, S.RETURNED})


@dataclass(frozen=True)
class Transition:
    sources: frozenset[State | None]  # None: the dossier does not exist yet
    target: State | None  # None: the state does not change
    roles: frozenset[str]
    scope: Scope


def _t(sources, target, roles, scope) -> Transition:
    return Transition(frozenset(sources), target, frozenset(roles), scope)


R = Role
DESK = {R.INTAKE_OFFICER}
PROCESSORS = {R.HANDLER, R.APPROVER}
TRANSITIONS: dict[Action, Transition] = {
    Action.SUBMIT: _t({None}, S.SUBMITTED, {APPLICANT}, Scope.APPLICANT),
    Action.RECEIVE: _t({None}, S.RECEIVED, DESK, Scope.RECEIVING),
    Action.ACCEPT: _t({S.SUBMITTED}, S.RECEIVED, DESK, Scope.RECEIVING),
    Action.REFUSE_INTAKE: _t({S.SUBMITTED}, S.REJECTED, DESK, Scope.RECEIVING),
    Action.TRANSFER: _t({S.RECEIVED}, S.PROCESSING, DESK, Scope.RECEIVING),
    Action.ASSIGN: _t({S.PROCESSING}, None, {R.APPROVER, R.HANDLER}, Scope.CURRENT),
    Action.FORWARD: _t({S.PROCESSING}, None, PROCESSORS, Scope.CURRENT),
    Action.REQUEST_SUPPLEMENT: _t(
        {S.SUBMITTED, S.RECEIVED, S.PROCESSING},
        S.AWAITING_SUPPLEMENT,
        DESK | PROCESSORS,
        Scope.ANY,
    ),
    # The state it returns to is the one the request paused (kept on the request).
    Action.RECORD_SUPPLEMENT: _t(
        {S.AWAITING_SUPPLEMENT},
        None,
        DESK | {APPLICANT},
        Scope.RECEIVING,
    ),
    Action.REQUEST_PAYMENT: _t({S.PROCESSING}, S.AWAITING_PAYMENT, PROCESSORS, Scope.CURRENT),
    Action.RECORD_PAYMENT: _t(
        {S.AWAITING_PAYMENT},
        S.PROCESSING,
        DESK | PROCESSORS | {APPLICANT},
        Scope.ANY,
    ),
    Action.APPROVE: _t({S.PROCESSING}, S.RESOLVED, {R.APPROVER}, Scope.CURRENT),
    Action.REFUSE: _t({S.PROCESSING}, S.RESOLVED, {R.APPROVER}, Scope.CURRENT),
    Action.STOP: _t(
        {S.RECEIVED, S.PROCESSING, S.AWAITING_SUPPLEMENT, S.AWAITING_PAYMENT},
        S.STOPPED,
        {R.APPROVER},
        Scope.ANY,
    ),
    Action.WITHDRAW: _t(
        {S.SUBMITTED, S.RECEIVED, S.PROCESSING, S.AWAITING_SUPPLEMENT, S.AWAITING_PAYMENT},
        S.WITHDRAWN,
        DESK | {APPLICANT},
        Scope.RECEIVING,
    ),
    Action.APOLOGISE: _t(
        {S.RECEIVED, S.PROCESSING, S.AWAITING_SUPPLEMENT, S.AWAITING_PAYMENT},
        None,
        DESK | PROCESSORS,
        Scope.ANY,
    ),
    Action.RETURN_RESULT: _t({S.RESOLVED}, S.RETURNED, DESK, Scope.RECEIVING),
    Action.EVALUATE: _t({S.RETURNED}, None, DESK | {APPLICANT}, Scope.RECEIVING),
}

ACTION_LABELS: dict[Action, StrOrPromise] = {
    Action.SUBMIT: _("Nộp hồ sơ trực tuyến"),
    Action.RECEIVE: _("Tiếp nhận hồ sơ"),
    Action.ACCEPT: _("Tiếp nhận hồ sơ trực tuyến"),
    Action.REFUSE_INTAKE: _("Từ chối tiếp nhận"),
    Action.TRANSFER: _("Chuyển xử lý"),
    Action.ASSIGN: _("Phân công xử lý"),
    Action.FORWARD: _("Chuyển bước tiếp theo"),
    Action.REQUEST_SUPPLEMENT: _("Yêu cầu bổ sung hồ sơ"),
    Action.RECORD_SUPPLEMENT: _("Nhận hồ sơ bổ sung"),
    Action.REQUEST_PAYMENT: _("Yêu cầu thực hiện nghĩa vụ tài chính"),
    Action.RECORD_PAYMENT: _("Xác nhận đã nộp phí, lệ phí"),
    Action.APPROVE: _("Phê duyệt kết quả"),
    Action.REFUSE: _("Từ chối giải quyết"),
    Action.STOP: _("Dừng xử lý"),
    Action.WITHDRAW: _("Rút hồ sơ"),
    Action.APOLOGISE: _("Xin lỗi và hẹn lại ngày trả kết quả"),
    Action.RETURN_RESULT: _("Trả kết quả"),
    Action.EVALUATE: _("Đánh giá"),
}


def check(action: Action, *, state: State | None, role: str) -> Transition:
    """The transition for ``action`` from ``state`` by ``role``, or TransitionRefused (the
    agency scope is checked by ``authz``: it needs the database)."""
    return transition_check(
        TRANSITIONS,
        ACTION_LABELS,
        action,
        state=state,
        role=role,
        state_label=lambda value: str(State(value).label),
        thing="hồ sơ",
    )
