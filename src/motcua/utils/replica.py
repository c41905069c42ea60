"""Reports on a read replica (``DATABASE_REPLICA_URL``, docs/scaling.md).

Dashboards, drill-downs, the statistics pages and exports read a great deal and write nothing
the reader must see at once, so with a replica configured their reads go to it, and the primary
keeps its capacity for the desks. Only reads made inside ``replica_reads()`` (or a view wrapped
by ``on_replica``) are sent there: everything else, and every write anywhere, stays on the
primary, so a page that shows what an officer has just done never reads a replica that lags.
Without a replica this module changes nothing."""

from __future__ import annotations

import contextvars
import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from django.conf import settings

REPLICA = "replica"

_reports: contextvars.ContextVar[bool] = contextvars.ContextVar("replica_reads", default=False)


def replica_configured() -> bool:
    return REPLICA in settings.DATABASES


@contextmanager
def replica_reads() -> Iterator[None]:
    """Reads inside this block go to the replica, when there is one."""
    token = _reports.set(True)
    try:
        yield
    finally:
        _reports.reset(token)


def on_replica(view: Callable[..., Any]) -> Callable[..., Any]:
    """A report view: its reads go to the replica, when there is one."""

    @functools.wraps(view)
    def wrapped(*args: Any, **kwargs: Any) -> Any:
        with replica_reads():
            return view(*args, **kwargs)

    return wrapped


class ReplicaRouter:
    """Reads inside ``replica_reads`` to the replica; writes and migrations to the primary."""

    def db_for_read(self, model: type, **hints: Any) -> str | None:
        if _reports.get() and replica_configured():
            return REPLICA
        return None

    def db_for_write(self, model: type, **hints: Any) -> str:
        return "default"

    def allow_relation(self, obj1: Any, obj2: Any, **hints: Any) -> bool:
        # One database, two copies of it: any two rows may be related.
        return True

    def allow_migrate(self, db: str, app_label: str, **hints: Any) -> bool:
        return db == "default"
