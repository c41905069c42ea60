"""The check every transition table makes (dossiers, feedback): may ``role`` take ``action``
from ``state``? One function, so that both refuse in the same words."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Protocol, TypeVar

from django.utils import translation
from django.utils.functional import Promise


class TransitionRefused(Exception):
    """The action is not allowed: wrong state or wrong role (the agency scope is checked by the
    caller's authorisation module, which needs the database)."""

    def __init__(self, message_vi: str, message_en: str, *, code: str):
        super().__init__(f"{message_vi} / {message_en}")
        self.message_vi, self.message_en, self.code = message_vi, message_en, code


class _Transition(Protocol):
    @property
    def sources(self) -> frozenset[Any]: ...

    @property
    def roles(self) -> frozenset[str]: ...


T = TypeVar("T", bound=_Transition)


def transition_check(
    transitions: Mapping[Any, T],
    labels: Mapping[Any, str | Promise],
    action: Any,
    *,
    state: Any,
    role: str,
    state_label: Callable[[Any], str],
    thing: str,
) -> T:
    """The transition for ``action`` from ``state`` by ``role``, or TransitionRefused.

    ``thing`` names what the state belongs to in the Vietnamese message ("hồ sơ"); the message
    is bilingual and its Vietnamese half stays Vietnamese whatever the active language."""
    transition = transitions[action]
    with translation.override("vi"):
        label = str(labels[action])
        current = state_label(state) if state is not None else "chưa có"
    if role not in transition.roles:
        raise TransitionRefused(
            f"Vai trò của bạn không được phép: {label}.",
            f"Your role may not perform '{action}'.",
            code="role_not_allowed",
        )
    if state not in transition.sources:
        raise TransitionRefused(
            f"Không thể {label.lower()} khi {thing} ở trạng thái «{current}».",
            f"'{action}' is not allowed from state {state}.",
            code="invalid_transition",
        )
    return transition
