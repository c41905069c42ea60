"""Jobs of the dossiers app."""

import datetime as dt

from motcua.jobs.services import job


@job(queue="dossiers", max_attempts=5)
def deadlines_recompute(*, dates: list[str]) -> None:
    """Move the due dates of open dossiers after the working calendar changed on ``dates``
    (ISO dates; empty: any date), outside the request that changed it."""
    from motcua.dossiers.services import dossier_recompute_deadlines

    changed = frozenset(dt.date.fromisoformat(day) for day in dates)
    dossier_recompute_deadlines(changed=changed or None)
