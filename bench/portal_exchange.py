"""Exchange with the national portal (issue #9 §2): throughput against a fake portal answering
in 200 ms, and how long 10.000 changes queued during a two-hour outage take to drain.

    python bench/portal_exchange.py [--database-url postgres://postgres@127.0.0.1:5432/]
        [--latency-ms 200] [--workers 1,4,16] [--per-run 300]
        [--changes 10000] [--dossiers 5000] [--drain-workers 16] [--keep]

Creates a fresh database (as ``import_bench.py`` does), writes dossiers with a short history in
bulk, and runs ``motcua fakeportal`` and ``motcua worker`` processes against it:

1. throughput: for each number of workers, ``--per-run`` changes of as many dossiers are queued
   at once (workers already polling) and timed until the portal has them all;
2. outage: the fake portal fails (503) while ``--changes`` changes of ``--dossiers`` dossiers are
   queued; every job fails once and waits for its backoff. The retry schedule decides when each
   job tries again once the portal is back (printed); the drain is then timed from the moment
   the jobs are due (``motcua portal resend --failing``, or their backoff elapsed).

Both check at the end that the portal received no older snapshot of a dossier after a newer one.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from import_bench import MOTCUA, Database  # noqa: E402

TOKEN = "bench-portal-token"
OUTAGE = dt.timedelta(hours=2)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Fake:
    """``motcua fakeportal`` in a subprocess."""

    def __init__(self, env: dict[str, str], latency_ms: int):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process = subprocess.Popen(
            [str(MOTCUA), "fakeportal", "--port", str(self.port), "--token", TOKEN]
            + ["--mode", "slow", "--delay-ms", str(latency_ms)],
            env=env,
            stdout=subprocess.DEVNULL,
        )
        for _attempt in range(100):
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("the fake portal did not start")

    def _call(self, method: str, body: dict | None = None) -> dict:
        request = urllib.request.Request(
            f"{self.url}/_control",
            method=method,
            data=json.dumps(body).encode() if body is not None else None,
            headers={"Authorization": f"Bearer {TOKEN}"},
        )
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
            return json.loads(response.read())

    def control(self, **options) -> dict:
        return self._call("POST", options)

    def state(self) -> dict:
        return self._call("GET")

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


class Workers:
    """``count`` ``motcua worker`` processes, returned once every one of them is polling (on a
    small machine, starting 16 Django processes takes longer than the runs measured)."""

    def __init__(self, count: int, env: dict[str, str]):
        self.processes = [
            subprocess.Popen(
                [str(MOTCUA), "worker", "--queue", "portal", "--interval", "0.1"],
                env=dict(env, PYTHONUNBUFFERED="1"),
                stdout=subprocess.PIPE,
                text=True,
            )
            for _ in range(count)
        ]
        for process in self.processes:
            assert process.stdout is not None
            process.stdout.readline()  # "Worker …: đang chạy / running"
            threading.Thread(target=process.stdout.read, daemon=True).start()

    def stop(self) -> None:
        for process in self.processes:
            process.terminate()
        for process in self.processes:
            process.wait(timeout=30)


def make_dossiers(count: int) -> list[int]:
    """``count`` received dossiers, each with three history entries, written in bulk."""
    from django.utils import timezone

    from motcua.accounts.models import User
    from motcua.accounts.roles import Role
    from motcua.agencies.models import Agency, AgencyKind
    from motcua.dossiers.models import Dossier, DossierEvent
    from motcua.dossiers.workflow import Channel, State
    from motcua.procedures.models import Procedure

    agency, _ = Agency.objects.get_or_create(
        code="000.00.05.H99", defaults={"name": "Sở Tư pháp", "kind": AgencyKind.DEPARTMENT}
    )
    procedure, _ = Procedure.objects.get_or_create(
        code="1.000001.H99",
        defaults={"name": "Cấp phiếu lý lịch tư pháp", "level": "province", "agency": agency},
    )
    officer, _ = User.objects.get_or_create(
        username="bench-desk",
        defaults={"role": Role.INTAKE_OFFICER, "agency": agency, "full_name": "Trần Thị Mai"},
    )
    start = Dossier.objects.count()
    now = timezone.now()
    dossiers = Dossier.objects.bulk_create(
        [
            Dossier(
                code=f"000.00.05.H99-240305-{start + i:06d}",
                procedure=procedure,
                agency=agency,
                receiving_agency=agency,
                current_agency=agency,
                channel=Channel.DIRECT,
                state=State.PROCESSING,
                applicant_name="Nguyễn Văn An",
                applicant_id_number="060123456789",
                received_at=now - dt.timedelta(days=3),
                due_at=now + dt.timedelta(days=7),
            )
            for i in range(count)
        ],
        batch_size=2000,
    )
    events = []
    for dossier in dossiers:
        for hours, action, before, after in (
            (72, "receive", None, State.RECEIVED),
            (70, "transfer", State.RECEIVED, State.PROCESSING),
            (50, "assign", State.PROCESSING, State.PROCESSING),
        ):
            events.append(
                DossierEvent(
                    dossier=dossier,
                    at=now - dt.timedelta(hours=hours),
                    actor=officer,
                    action=action,
                    from_state=before,
                    to_state=after,
                )
            )
    DossierEvent.objects.bulk_create(events, batch_size=5000)
    return [d.pk for d in dossiers]


def queue_changes(dossier_ids: list[int]) -> None:
    """One change each (the same dossier may come several times): its version goes up and its
    synchronisation is queued, as the dossier services do, 500 changes a transaction."""
    from django.db import transaction

    from motcua.dossiers.models import Dossier
    from motcua.portal.services import portal_sync_schedule

    for start in range(0, len(dossier_ids), 500):
        with transaction.atomic():
            for pk in dossier_ids[start : start + 500]:
                portal_sync_schedule(Dossier(pk=pk))


def wait_until(condition, *, timeout: float, poll: float = 0.2) -> float:
    began = time.perf_counter()
    while not condition():
        if time.perf_counter() - began > timeout:
            raise TimeoutError("the queue did not drain in time")
        time.sleep(poll)
    return time.perf_counter() - began


def portal_jobs(*statuses: str) -> int:
    from motcua.jobs.models import Job

    return Job.objects.filter(queue="portal", status__in=statuses).count()


def drained() -> bool:
    from django.db.models import F

    from motcua.portal.models import PortalSync

    return (
        portal_jobs("queued", "running") == 0
        and not PortalSync.objects.filter(sent_version__lt=F("version")).exists()
    )


def retry_schedule(backoff_base: float = 30.0, cap: float = 3600.0) -> tuple[float, float]:
    """For jobs whose first attempt falls uniformly over a two-hour outage: the mean and the
    longest wait, after the portal is back, until their next retry (minutes)."""
    waits = []
    end = OUTAGE.total_seconds()
    for first in range(0, int(end), 10):
        at, attempt = float(first), 1
        while at < end:
            at += min(backoff_base * 2 ** (attempt - 1), cap)
            attempt += 1
        waits.append(at - end)
    return sum(waits) / len(waits) / 60, max(waits) / 60


def vn(value: float, digits: int = 0) -> str:
    from motcua.utils.formatting import vn_number

    return (
        vn_number(round(value, digits)) if digits == 0 else f"{value:.{digits}f}".replace(".", ",")
    )


def bench(args: argparse.Namespace) -> None:
    database = Database(args.database_url, args.keep)
    database.create()
    env = dict(os.environ, DATABASE_URL=database.url)
    fake = Fake(env, args.latency_ms)
    env.update(MOTCUA_PORTAL_URL=fake.url, MOTCUA_PORTAL_TOKEN=TOKEN)
    os.environ.update(env)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "motcua.settings")
    import django

    django.setup()
    from motcua.jobs.models import Job
    from motcua.jobs.services import job_retry

    try:
        print(
            f"Cổng giả lập / fake portal: {fake.url}, trả lời sau / answers in {args.latency_ms} ms"
        )
        print("\n1. Thông lượng / throughput")
        for count in [int(w) for w in args.workers.split(",")]:
            ids = make_dossiers(args.per_run)
            workers = Workers(count, env)
            began = time.perf_counter()
            queue_changes(ids)
            seconds = time.perf_counter() - began + wait_until(drained, timeout=3600)
            workers.stop()
            print(
                f"  {count:>2} worker(s): {vn(args.per_run)} hồ sơ / dossiers in "
                f"{vn(seconds, 1)} s = {vn(args.per_run / seconds, 1)} lần gửi/s / sends/s"
            )

        print(
            f"\n2. Sau sự cố 2 giờ / after a two-hour outage: {vn(args.changes)} thay đổi / changes"
        )
        ids = make_dossiers(args.dossiers)
        fake.control(mode="fail", status=503)
        workers = Workers(args.drain_workers, env)
        import random

        rng = random.Random(2024)
        changes = [rng.choice(ids) for _ in range(args.changes)]
        began = time.perf_counter()
        queue_changes(changes)
        queued_in = time.perf_counter() - began
        # Every job tried once during the outage, failed, and waits for its backoff.
        wait_until(
            lambda: (
                Job.objects.filter(queue="portal", status="queued", attempts=0).count() == 0
                and portal_jobs("running") == 0
            ),
            timeout=3600,
        )
        jobs = portal_jobs("queued")
        touched = len(set(changes))
        print(
            f"  {vn(args.changes)} thay đổi của / changes to {vn(touched)} hồ sơ / dossiers "
            f"queued in {vn(queued_in, 1)} s → {vn(jobs)} công việc / jobs (coalesced)"
        )
        mean, longest = retry_schedule()
        print(
            f"  lịch thử lại / retry schedule (30 s doubling, at most 1 h): after a 2 h outage "
            f"a job retries {vn(mean, 1)} min on average, at most {vn(longest, 1)} min after "
            f"the portal is back; `motcua portal resend --failing` makes them due at once"
        )
        fake.control(mode="slow", delay_ms=args.latency_ms)
        began = time.perf_counter()
        job_retry(
            ids=list(
                Job.objects.filter(queue="portal", status="queued").values_list("pk", flat=True)
            )
        )
        seconds = time.perf_counter() - began + wait_until(drained, timeout=7200)
        workers.stop()
        state = fake.state()
        print(
            f"  {args.drain_workers} workers: drained in {vn(seconds, 1)} s "
            f"({vn(jobs / seconds, 1)} lần gửi/s / sends/s)"
        )
        print(
            f"  Cổng giả lập / fake portal: {vn(state['stored'])} hồ sơ / dossiers stored, "
            f"{vn(state['received'])} lần nhận / received, {state['regressions']} "
            f"lần nhận bản cũ hơn / older-after-newer"
        )
    finally:
        from django.db import connections

        connections.close_all()
        fake.stop()
        database.drop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/")
    parser.add_argument("--latency-ms", type=int, default=200)
    parser.add_argument("--workers", default="1,4,16")
    parser.add_argument("--per-run", type=int, default=300)
    parser.add_argument("--changes", type=int, default=10_000)
    parser.add_argument("--dossiers", type=int, default=5_000)
    parser.add_argument("--drain-workers", type=int, default=16)
    parser.add_argument("--keep", action="store_true")
    bench(parser.parse_args())


if __name__ == "__main__":
    main()
