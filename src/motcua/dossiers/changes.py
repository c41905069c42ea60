"""Apps above the dossiers learn of every change of a dossier through a hook they register
(the national-portal exchange schedules a synchronisation): the dossiers app never imports
them (docs/architecture.md, rule 15).

A hook is called inside the transaction of the change, after the change and its history entry
are written, so whatever it writes (a job) commits or rolls back with the change. It must be
quick: it runs in the officer's request."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from motcua.dossiers.models import Dossier

ChangeHook = Callable[["Dossier"], None]

CHANGE_HOOKS: list[ChangeHook] = []


def change_hook_register(hook: ChangeHook) -> None:
    """Call ``hook(dossier)`` on every change of a dossier (a second registration is ignored)."""
    if hook not in CHANGE_HOOKS:
        CHANGE_HOOKS.append(hook)


def dossier_changed(dossier: Dossier) -> None:
    """Tell the registered hooks that ``dossier`` changed (inside the change's transaction)."""
    for hook in CHANGE_HOOKS:
        hook(dossier)
