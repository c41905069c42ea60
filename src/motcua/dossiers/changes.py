"""Apps above the dossiers learn of every change of a dossier through a hook they register
(the national-portal exchange schedules a synchronisation): the dossiers app never imports
them (docs/architecture.md, rule 15).

A hook is called inside the transaction of the change, after the change and its history entry
are written, so whatever it writes (a job) commits or rolls back with the change. It must be
quick: it runs in the officer's request."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, ExitStack, contextmanager
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


# A bulk write of dossiers that bypasses the services (the history import): each hook is a
# context manager factory entered around it, inside its transaction.
BulkWriteHook = Callable[[], AbstractContextManager[None]]

BULK_WRITE_HOOKS: list[BulkWriteHook] = []


def bulk_write_hook_register(hook: BulkWriteHook) -> None:
    """Enter ``hook()`` around every bulk write of dossiers (a second registration is
    ignored)."""
    if hook not in BULK_WRITE_HOOKS:
        BULK_WRITE_HOOKS.append(hook)


@contextmanager
def dossiers_bulk_write() -> Iterator[None]:
    """Around a bulk write of dossiers, inside its transaction: the apps that keep something
    derived from the dossiers (the reports' rollup) set it aside and bring it up to date."""
    with ExitStack() as stack:
        for hook in BULK_WRITE_HOOKS:
            stack.enter_context(hook())
        yield
