"""The job queue: written with the change, coalesced by key, claimed once, retried with
backoff, taken again after a killed worker's lease, dead after its attempts, retried by an
operator."""

import datetime as dt
import threading
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection, transaction
from django.utils import timezone

from motcua.jobs.models import Job, JobStatus
from motcua.jobs.services import (
    PermanentJobError,
    job,
    job_claim,
    job_retry,
    job_run,
    jobs_summary,
    worker_run,
)

RAN: list[int] = []
LOCK = threading.Lock()


@job(name="test.record", max_attempts=3, lease=dt.timedelta(minutes=5))
def record(*, n: int) -> None:
    with LOCK:
        RAN.append(n)


@job(name="test.fail", max_attempts=3)
def fail(*, permanent: bool = False) -> None:
    if permanent:
        raise PermanentJobError("422: the payload is wrong")
    raise ConnectionError("portal down")


@pytest.fixture(autouse=True)
def _clear():
    RAN.clear()


def test_a_job_exists_only_if_its_transaction_commits(db):
    with pytest.raises(RuntimeError), transaction.atomic():
        record.enqueue(n=1)
        raise RuntimeError("the change failed")
    assert Job.objects.count() == 0
    with transaction.atomic():
        record.enqueue(n=2)
    assert Job.objects.get().kwargs == {"n": 2}


def test_a_burst_under_one_key_is_one_job_until_it_starts(db):
    first = record.enqueue(n=1, key="dossier:7")
    assert record.enqueue(n=2, key="dossier:7") == first
    assert Job.objects.count() == 1
    claimed = job_claim(worker="w1")
    assert claimed.pk == first.pk
    # Running: the next change needs a new job (the running one may have read an older state).
    second = record.enqueue(n=3, key="dossier:7")
    assert second.pk != first.pk and Job.objects.count() == 2


def test_done_failed_with_backoff_then_dead(db):
    record.enqueue(n=5)
    assert worker_run(once=True) == 1 and RAN == [5]
    assert Job.objects.get().status == JobStatus.DONE
    failing = fail.enqueue()
    now = timezone.now()
    claimed = job_claim(worker="w", now=now)
    assert not job_run(claimed, worker="w")
    failing.refresh_from_db()
    assert failing.status == JobStatus.QUEUED and failing.attempts == 1
    assert "ConnectionError: portal down" in failing.last_error
    assert failing.run_after >= now + dt.timedelta(seconds=30)
    assert job_claim(worker="w", now=now) is None  # not due before its backoff
    for attempt in (2, 3):
        later = failing.run_after + dt.timedelta(seconds=1)
        job_run(job_claim(worker="w", now=later), worker="w")
        failing.refresh_from_db()
        assert failing.attempts == attempt
    assert failing.status == JobStatus.DEAD
    assert jobs_summary() == {"queued": 0, "failing": 0, "running": 0, "dead": 1}


def test_a_permanent_rejection_is_dead_at_once_and_blocks_nothing(db):
    dead = fail.enqueue(permanent=True)
    record.enqueue(n=1)
    assert worker_run(once=True) == 2
    dead.refresh_from_db()
    assert dead.status == JobStatus.DEAD and dead.attempts == 1 and "422" in dead.last_error
    assert RAN == [1]


def test_a_killed_workers_job_is_taken_again_after_its_lease(db):
    queued = record.enqueue(n=9)
    now = timezone.now()
    assert job_claim(worker="killed", now=now).pk == queued.pk
    assert job_claim(worker="other", now=now + dt.timedelta(minutes=4)) is None
    again = job_claim(worker="other", now=now + dt.timedelta(minutes=6))
    assert again.pk == queued.pk and again.attempts == 2 and again.worker == "other"
    assert job_run(again, worker="other") and RAN == [9]


def test_an_operator_retries_dead_jobs(db):
    dead = fail.enqueue(permanent=True)
    worker_run(once=True)
    out = StringIO()
    call_command("jobs", "list", "--status", "dead", stdout=out)
    assert f"#{dead.pk} test.fail (test.fail) [dead]" in out.getvalue()
    assert "422" in out.getvalue()
    call_command("jobs", "retry", "--dead", stdout=out)
    dead.refresh_from_db()
    assert dead.status == JobStatus.QUEUED and dead.attempts == 0
    assert job_retry(ids=[dead.pk + 1000]) == 0


def test_worker_command_once_runs_what_is_queued(db):
    record.enqueue(n=1)
    record.enqueue(n=2, run_after=timezone.now() + dt.timedelta(hours=1))
    out = StringIO()
    call_command("worker", once=True, stdout=out)
    assert RAN == [1] and "1 công việc đã chạy / jobs run" in out.getvalue()
    # One summary line a kind of job, not a line a job.
    assert "test.record: 1 xong / done, 0 lỗi / failed" in out.getvalue()


@pytest.mark.django_db(transaction=True)
def test_two_workers_never_run_a_job_twice():
    if connection.vendor != "postgresql":
        pytest.skip("concurrent workers need PostgreSQL (SQLite has one writer)")
    for n in range(200):
        record.enqueue(n=n)

    def work(name: str) -> None:
        try:
            worker_run(once=True, worker=name)
        finally:
            connection.close()

    threads = [threading.Thread(target=work, args=(f"w{i}",)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(RAN) == list(range(200))
    assert set(Job.objects.values_list("status", "attempts")) == {(JobStatus.DONE, 1)}
    assert len(set(Job.objects.values_list("worker", flat=True))) == 2
