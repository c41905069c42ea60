"""Issue #9 §2, acceptance: 1.000 state changes over 200 dossiers through the real services,
the portal down for part of the run, a worker killed mid-delivery, two workers on PostgreSQL.
Afterwards the portal holds every dossier exactly as it is here, with its complete history, and
it never received an older snapshot of a dossier after a newer one."""

import datetime as dt
import threading
import time

import pytest
from django.db import connection
from django.db.models import F
from django.utils import timezone

from motcua.accounts.roles import Role
from motcua.dossiers import services as s
from motcua.dossiers.models import Dossier
from motcua.integrations.portal import portal_client
from motcua.jobs.models import Job, JobStatus
from motcua.jobs.services import job_claim, job_retry, job_run, worker_run
from motcua.portal import services as sync
from motcua.portal.models import PortalSync
from motcua.portal.selectors import portal_snapshot
from motcua.portal.tests.conftest import make_world

DOSSIERS = 200
APPLICANT = s.ApplicantData(name="Nguyễn Văn An", id_number="060123456789", phone="0912345678")


def _changes(world):
    """The four changes after receipt, in order, for the dossier number ``i`` (three paths:
    to the result; through a supplement; through a fee paid online)."""
    desk, handler = world.user(Role.INTAKE_OFFICER), world.user(Role.HANDLER)
    approver = world.user(Role.APPROVER)
    transfer = lambda d, now: s.dossier_transfer(actor=desk, dossier=d, now=now)  # noqa: E731
    assign = lambda d, now: s.dossier_assign(  # noqa: E731
        actor=approver, dossier=d, assignee=handler, now=now
    )
    paths = [
        [
            transfer,
            assign,
            lambda d, now: s.dossier_forward(actor=handler, dossier=d, now=now),
            lambda d, now: s.dossier_approve(actor=approver, dossier=d, note="Đồng ý", now=now),
        ],
        [
            transfer,
            lambda d, now: s.dossier_request_supplement(
                actor=desk, dossier=d, reason="Thiếu", items="1. CCCD", now=now
            ),
            lambda d, now: s.dossier_record_supplement(
                actor=desk, dossier=d, components=[], now=now
            ),
            assign,
        ],
        [
            transfer,
            assign,
            lambda d, now: s.dossier_request_payment(
                actor=handler, dossier=d, fee_vnd=50_000, now=now
            ),
            lambda d, now: s.dossier_record_payment(actor=desk, dossier=d, online=True, now=now),
        ],
    ]
    return lambda i: paths[i % 3]


@pytest.mark.django_db(transaction=True)
def test_the_portal_ends_with_every_dossier_as_it_is_here(fake, monkeypatch):
    if connection.vendor != "postgresql":
        pytest.skip("two concurrent workers need PostgreSQL (SQLite has one writer)")
    # The slips (DOCX) are no part of the exchange and would take half of the run.
    monkeypatch.setattr("motcua.dossiers.slips.slip_issue", lambda **kwargs: None)
    world = make_world()
    path = _changes(world)
    stop = threading.Event()
    ran: dict[str, int] = {}

    def work(name: str) -> None:
        try:
            ran[name] = worker_run(
                queues=["portal"], worker=name, interval=0.05, stopping=stop.is_set
            )
        finally:
            connection.close()

    workers = [threading.Thread(target=work, args=(f"w{i}",)) for i in range(2)]
    for worker in workers:
        worker.start()
    try:
        start = timezone.now() - dt.timedelta(days=20)
        dossiers = [
            s.dossier_receive(
                actor=world.user(Role.INTAKE_OFFICER),
                procedure=world.procedure,
                applicant=APPLICANT,
                components=[],
                now=start + dt.timedelta(seconds=i),
            )
            for i in range(DOSSIERS)
        ]
        for round_ in range(4):
            if round_ == 1:
                fake.control(mode="fail", status=503)  # the portal goes down
            if round_ == 2:
                fake.control(mode="error")  # … answers errors …
            if round_ == 3:
                fake.control(mode="ok")  # … and comes back
            for i, dossier in enumerate(dossiers):
                now = start + dt.timedelta(hours=round_ + 1, seconds=i)
                dossiers[i] = path(i)[round_](dossier, now)
        # The outage's retries wait for their backoff: time passes (made due now).
        job_retry(
            ids=Job.objects.filter(queue="portal", status=JobStatus.QUEUED).values_list(
                "pk", flat=True
            )
        )
        killed_code, killed_version = _kill_a_worker_mid_delivery()
        deadline = time.monotonic() + 40
        while time.monotonic() < deadline:
            behind = PortalSync.objects.filter(sent_version__lt=F("version")).count()
            busy = Job.objects.filter(
                queue="portal", status__in=[JobStatus.QUEUED, JobStatus.RUNNING]
            ).count()
            if not behind and not busy:
                break
            time.sleep(0.2)
    finally:
        stop.set()
        for worker in workers:
            worker.join()

    assert killed_version in fake.versions[killed_code]  # delivered by the killed worker
    assert fake.regressions == []
    assert PortalSync.objects.count() == DOSSIERS
    for dossier in Dossier.objects.all():
        sync_row = PortalSync.objects.get(dossier=dossier)
        assert sync_row.in_sync and sync_row.version == 5
        received = fake.versions[dossier.code]
        assert received == sorted(received) and received[-1] == 5
        assert fake.snapshots[dossier.code] == portal_snapshot(dossier=dossier)
        assert len(fake.snapshots[dossier.code]["tienTrinhDongBo"]) == 5
    assert not Job.objects.filter(queue="portal", status=JobStatus.DEAD).exists()
    assert all(ran.values()), ran  # both workers delivered


def _kill_a_worker_mid_delivery() -> tuple[str, int]:
    """A worker claims a job, marks the dossier as being sent, delivers the snapshot … and dies
    before recording it. Its lease and its mark then run out (time passes: moved back here),
    and another worker takes the job again."""
    while True:
        killed = job_claim(worker="killed", queues=["portal"])
        assert killed is not None
        claim = sync._begin(killed.kwargs["dossier_id"], timezone.now())
        if isinstance(claim, sync._Send):
            break
        job_run(killed, worker="killed")  # nothing to send there: the next one
    portal_client().send(payload=claim.payload, version=claim.version)
    long_ago = timezone.now() - dt.timedelta(hours=1)
    PortalSync.objects.filter(dossier_id=killed.kwargs["dossier_id"]).update(sending_until=long_ago)
    Job.objects.filter(pk=killed.pk).update(lease_until=long_ago)
    return claim.payload["hoSo"]["MaHoSo"], claim.version
