"""Background jobs the worker runs besides the outbox.

Apps register their own jobs (``reports`` registers its waiting exports in its ``ready()``), so
the worker of this low layer never imports the apps above it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Job:
    """``run()`` does what is due and returns how many items it handled; ``label`` names them
    in the worker's output."""

    label: str
    run: Callable[[], int]


JOBS: list[Job] = []


def job_register(*, label: str, run: Callable[[], int]) -> None:
    """Add a job to every worker loop (idempotent: a second registration of ``run`` is ignored)."""
    if all(job.run is not run for job in JOBS):
        JOBS.append(Job(label=label, run=run))
