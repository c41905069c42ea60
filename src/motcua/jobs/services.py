"""The job queue (ADR 0009): ``@job`` declares a side effect, ``.enqueue()`` writes it in the
caller's transaction, ``worker_run`` runs what is due.

Delivery is at least once: a job is claimed by a conditional UPDATE (no lock is held while it
runs, so no network call ever happens under a database lock), run, then marked done. A worker
killed mid-job leaves it running with a lease that runs out; another worker takes it again.
A failure is retried with backoff until ``max_attempts``, then the job is dead and waits for an
operator (``motcua jobs retry``, the admin). Jobs must therefore be idempotent.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import socket
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Count, F, Q
from django.utils import timezone
from django.utils.functional import Promise

from motcua.jobs.models import Job, JobStatus

logger = logging.getLogger(__name__)

DEFAULT_LEASE = dt.timedelta(minutes=10)
MAX_BACKOFF = dt.timedelta(hours=1)
DONE_KEPT = dt.timedelta(days=7)


class PermanentJobError(Exception):
    """Raised by a job whose retry cannot succeed (the other side refused the request as
    wrong): the job is dead at once, for an operator to look at."""


@dataclass(frozen=True)
class JobSpec:
    """A declared job: ``enqueue(**kwargs)`` queues it, calling it runs it now."""

    name: str
    function: Callable[..., Any]
    queue: str = "default"
    max_attempts: int = 10
    lease: dt.timedelta = DEFAULT_LEASE
    backoff_base: dt.timedelta = dt.timedelta(seconds=30)
    # What an operator reads for it ("Gửi thông báo"); the name when none is given.
    label: str | Promise = ""

    def __call__(self, **kwargs: Any) -> Any:
        return self.function(**kwargs)

    def enqueue(
        self, *, key: str | None = None, run_after: dt.datetime | None = None, **kwargs: Any
    ) -> Job | None:
        return job_enqueue(self, key=key, run_after=run_after, kwargs=kwargs)

    def backoff(self, attempts: int) -> dt.timedelta:
        """30 s, 1 min, 2 min, … doubling with each attempt, at most an hour."""
        return min(self.backoff_base * 2 ** max(attempts - 1, 0), MAX_BACKOFF)


REGISTRY: dict[str, JobSpec] = {}


def job(
    *,
    name: str | None = None,
    queue: str = "default",
    max_attempts: int = 10,
    lease: dt.timedelta = DEFAULT_LEASE,
    backoff_base: dt.timedelta = dt.timedelta(seconds=30),
    label: str | Promise = "",
) -> Callable[[Callable[..., Any]], JobSpec]:
    """Declare ``function`` (keyword arguments that JSON can hold) as a job."""

    def declare(function: Callable[..., Any]) -> JobSpec:
        spec = JobSpec(
            name=name or f"{function.__module__}.{function.__qualname__}",
            function=function,
            queue=queue,
            max_attempts=max_attempts,
            lease=lease,
            backoff_base=backoff_base,
            label=label,
        )
        REGISTRY[spec.name] = spec
        return spec

    return declare


def job_enqueue(
    spec: JobSpec,
    *,
    kwargs: dict[str, Any],
    key: str | None = None,
    run_after: dt.datetime | None = None,
) -> Job | None:
    """Queue ``spec`` in the current transaction (it is queued exactly when the change that
    causes it commits). With ``key``, a job already waiting under that key stands for this one
    too (it will see the latest state when it runs) and is returned instead."""
    row = Job(
        name=spec.name,
        queue=spec.queue,
        kwargs=kwargs,
        key=key or "",
        max_attempts=spec.max_attempts,
        run_after=run_after or timezone.now(),
    )
    if not key:
        row.save()
        return row
    try:
        with transaction.atomic():  # a savepoint: a conflict leaves the caller's work intact
            row.save()
        return row
    except IntegrityError:
        return Job.objects.filter(key=key, status=JobStatus.QUEUED).first()


# ---- periodic work ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Periodic:
    """Work a worker looks for on every round (``run()`` returns how many items it did)."""

    label: str
    run: Callable[[], int]


PERIODIC: list[Periodic] = []


def periodic_register(*, label: str, run: Callable[[], int]) -> None:
    """Add work to every worker round (a second registration of ``run`` is ignored)."""
    if all(item.run is not run for item in PERIODIC):
        PERIODIC.append(Periodic(label=label, run=run))


# ---- the worker ------------------------------------------------------------------------------


def job_label(name: str) -> str:
    """What an operator reads for the job ``name``."""
    spec = REGISTRY.get(name)
    return str(spec.label) if spec and spec.label else name


def worker_id() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"[:64]


def _due(now: dt.datetime) -> Q:
    return Q(status=JobStatus.QUEUED, run_after__lte=now) | Q(
        status=JobStatus.RUNNING, lease_until__lt=now
    )


def job_claim(
    *, worker: str, queues: Iterable[str] | None = None, now: dt.datetime | None = None
) -> Job | None:
    """Take the next due job (or one whose worker's lease ran out) for ``worker``. The claim
    is one conditional UPDATE, so two workers never take the same job, and no lock is held
    once it returns."""
    now = now or timezone.now()
    candidates = Job.objects.filter(_due(now))
    if queues:
        candidates = candidates.filter(queue__in=list(queues))
    for pk, name in candidates.order_by("run_after", "id").values_list("pk", "name")[:20]:
        spec = REGISTRY.get(name)
        lease = spec.lease if spec else DEFAULT_LEASE
        taken = Job.objects.filter(_due(now), pk=pk).update(
            status=JobStatus.RUNNING,
            worker=worker,
            lease_until=now + lease,
            attempts=F("attempts") + 1,
            started_at=now,
        )
        if taken:
            return Job.objects.get(pk=pk)
    return None


def job_run(job_row: Job, *, worker: str) -> bool:
    """Run a claimed job; mark it done, queued again after a backoff, or dead. True if done."""
    spec = REGISTRY.get(job_row.name)
    try:
        if spec is None:
            raise PermanentJobError(f"unknown job {job_row.name!r}")
        spec.function(**job_row.kwargs)
    except Exception as exc:  # every failure is recorded on the job, none stops the worker
        _record_failure(job_row, spec, worker, exc)
        return False
    Job.objects.filter(pk=job_row.pk, worker=worker).update(
        status=JobStatus.DONE, finished_at=timezone.now(), lease_until=None, last_error=""
    )
    return True


def _record_failure(job_row: Job, spec: JobSpec | None, worker: str, exc: Exception) -> None:
    now = timezone.now()
    error = f"{type(exc).__name__}: {exc}"[:4000]
    mine = Job.objects.filter(pk=job_row.pk, worker=worker, status=JobStatus.RUNNING)
    permanent = isinstance(exc, PermanentJobError) or spec is None
    if permanent or job_row.attempts >= job_row.max_attempts:
        mine.update(status=JobStatus.DEAD, finished_at=now, lease_until=None, last_error=error)
        logger.error("job %s #%s is dead: %s", job_row.name, job_row.pk, error)
        return
    assert spec is not None
    try:
        with transaction.atomic():
            mine.update(
                status=JobStatus.QUEUED,
                run_after=now + spec.backoff(job_row.attempts),
                lease_until=None,
                last_error=error,
            )
    except IntegrityError:
        # A newer job with the same key is already waiting: it does this one's work.
        mine.update(status=JobStatus.DONE, finished_at=now, lease_until=None, last_error=error)
    logger.warning(
        "job %s #%s attempt %s failed: %s", job_row.name, job_row.pk, job_row.attempts, error
    )


def worker_run(
    *,
    once: bool = False,
    queues: Iterable[str] | None = None,
    interval: float = 1.0,
    worker: str | None = None,
    stopping: Callable[[], bool] = lambda: False,
    report: Callable[[str], None] = lambda line: None,
) -> int:
    """Run due jobs and the periodic work until ``stopping()`` (or, ``once``, until nothing
    queued now is left). Returns the number of jobs run."""
    worker = worker or worker_id()
    started = timezone.now()
    ran = 0
    stretch: dict[str, list[int]] = {}  # jobs run since the queue was last empty: [done, failed]
    while not stopping():
        claimed = job_claim(worker=worker, queues=queues, now=started if once else None)
        if claimed is not None:
            ok = job_run(claimed, worker=worker)
            ran += 1
            stretch.setdefault(claimed.name, [0, 0])[0 if ok else 1] += 1
            continue
        # One line a kind of job for what ran since the queue was last empty.
        for name, (done, failed) in stretch.items():
            report(f"{job_label(name)}: {done} xong / done, {failed} lỗi / failed")
        stretch.clear()
        for item in PERIODIC:
            if done := item.run():
                report(f"{item.label}: {done}")
        jobs_prune()
        if once:
            return ran
        time.sleep(interval)
    return ran


def jobs_prune(*, now: dt.datetime | None = None) -> int:
    """Forget jobs done more than a week ago (the dead ones stay for the operator)."""
    limit = (now or timezone.now()) - DONE_KEPT
    deleted, _ = Job.objects.filter(status=JobStatus.DONE, finished_at__lt=limit).delete()
    return deleted


def job_retry(*, ids: Iterable[int]) -> int:
    """An operator sends dead (or failing) jobs back to the queue, to run now."""
    count = 0
    for pk in ids:
        try:
            with transaction.atomic():
                count += Job.objects.filter(
                    pk=pk, status__in=[JobStatus.DEAD, JobStatus.QUEUED]
                ).update(
                    status=JobStatus.QUEUED,
                    run_after=timezone.now(),
                    attempts=0,
                    finished_at=None,
                )
        except IntegrityError:
            # A job with the same key is queued already: it does this one's work.
            continue
    return count


def jobs_summary() -> dict[str, int]:
    """How many jobs are waiting, running, failing (waiting to retry) and dead."""
    return Job.objects.aggregate(
        queued=Count("id", filter=Q(status=JobStatus.QUEUED, attempts=0)),
        failing=Count("id", filter=Q(status=JobStatus.QUEUED, attempts__gt=0)),
        running=Count("id", filter=Q(status=JobStatus.RUNNING)),
        dead=Count("id", filter=Q(status=JobStatus.DEAD)),
    )
