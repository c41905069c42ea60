"""Scheduling, coalescing, ordering, retries and rejections of the synchronisation, against the
fake portal (docs/portal.md)."""

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from motcua.accounts.roles import Role
from motcua.dossiers import services as s
from motcua.integrations.portal import portal_client
from motcua.jobs.models import Job, JobStatus
from motcua.jobs.services import job_retry, worker_run
from motcua.portal import services as sync
from motcua.portal.models import Outcome, PortalSync
from motcua.portal.selectors import portal_snapshot
from motcua.portal.tests.conftest import at
from motcua.testing.factories import DossierFactory


def drain() -> int:
    return worker_run(once=True, queues=["portal"])


def queued(dossier) -> list[Job]:
    return list(Job.objects.filter(key=sync.sync_key(dossier.pk), status=JobStatus.QUEUED))


def row(dossier) -> PortalSync:
    return PortalSync.objects.get(dossier=dossier)


def test_nothing_is_scheduled_while_the_exchange_is_off(world, settings):
    settings.MOTCUA_PORTAL_URL = ""
    DossierFactory.create("processing", procedure=world.procedure)
    assert not PortalSync.objects.exists() and not Job.objects.filter(queue="portal").exists()


def test_a_burst_of_changes_is_one_send_of_the_last_state(world, fake):
    d = DossierFactory.create("processing", procedure=world.procedure)  # receive, transfer, assign
    assert row(d).version == 3 and len(queued(d)) == 1
    assert Job.objects.filter(queue="portal").count() == 1
    assert drain() == 1
    assert fake.versions[d.code] == [3]
    assert fake.snapshots[d.code] == portal_snapshot(dossier=d)
    assert row(d).sent_version == 3 and row(d).outcome == Outcome.OK
    assert drain() == 0  # nothing left: sent once


def test_a_rolled_back_change_schedules_nothing(world, fake):
    with pytest.raises(RuntimeError), transaction.atomic():
        DossierFactory.create("received", procedure=world.procedure)
        raise RuntimeError("the request failed")
    assert not PortalSync.objects.exists() and not Job.objects.exists()


class ChangingClient:
    """Sends to the fake portal; during the first send an officer changes the dossier."""

    def __init__(self, change):
        self.client, self.change, self.calls = portal_client(), change, 0

    def send(self, *, payload, version):
        self.calls += 1
        if self.calls == 1:
            self.change()
        self.client.send(payload=payload, version=version)


def test_a_change_during_a_send_is_sent_next_by_the_same_sender(world, fake):
    d = DossierFactory.create("received", procedure=world.procedure)
    desk = world.user(Role.INTAKE_OFFICER)
    client = ChangingClient(lambda: s.dossier_transfer(actor=desk, dossier=d, now=at(2030, 1, 2)))
    assert sync.portal_sync_run(dossier_id=d.pk, client=client) == 2
    assert fake.versions[d.code] == [1, 2]
    assert fake.snapshots[d.code]["hoSo"]["TrangThaiHoSo"] == "4"
    # The change queued its own job too (the first was running): it finds nothing to send.
    assert len(queued(d)) == 1
    assert drain() == 1 and fake.versions[d.code] == [1, 2]


def test_a_second_sender_waits_for_the_first_and_never_sends_an_older_version(world, fake):
    d = DossierFactory.create("received", procedure=world.procedure)
    first = sync._begin(d.pk, timezone.now())  # worker A read version 1 and is sending it
    assert first.version == 1
    s.dossier_transfer(actor=world.user(Role.INTAKE_OFFICER), dossier=d, now=at(2030, 1, 2))
    Job.objects.all().delete()
    # Worker B, for the change: A holds the dossier, so B queues itself for A's mark's expiry.
    assert sync.portal_sync_run(dossier_id=d.pk) == 0
    [later] = queued(d)
    assert later.run_after == row(d).sending_until
    # A's send arrives, then A sees version 2 and sends it too, in order.
    portal_client().send(payload=first.payload, version=first.version)
    assert sync._done(d.pk, first) is True
    assert sync.portal_sync_run(dossier_id=d.pk) == 1
    assert fake.versions[d.code] == [1, 2] and row(d).in_sync


def test_a_send_that_outlived_its_mark_is_followed_by_the_newest_snapshot(world, fake):
    d = DossierFactory.create("received", procedure=world.procedure)
    Job.objects.all().delete()
    long_ago = timezone.now() - dt.timedelta(hours=1)
    stale = sync._begin(d.pk, long_ago)  # its mark expired long ago
    s.dossier_transfer(actor=world.user(Role.INTAKE_OFFICER), dossier=d, now=at(2030, 1, 2))
    assert sync.portal_sync_run(dossier_id=d.pk) == 1  # another worker took over: version 2
    assert sync._done(d.pk, stale) is False  # the stale send came back stored (maybe late)
    assert row(d).version == 3 and len(queued(d)) == 1  # the newest goes again, as version 3
    drain()
    assert fake.versions[d.code] == [2, 3] and row(d).in_sync


def test_an_outage_is_retried_with_backoff_and_changes_coalesce_meanwhile(world, fake):
    d = DossierFactory.create("received", procedure=world.procedure)
    fake.control(mode="fail", status=503)
    drain()
    [job] = queued(d)
    assert job.attempts == 1 and job.run_after > timezone.now() + dt.timedelta(seconds=25)
    assert row(d).outcome == Outcome.FAILING and "HTTP 503" in row(d).last_error
    assert row(d).sending_token == ""  # a definite answer: the dossier is free again
    s.dossier_transfer(actor=world.user(Role.INTAKE_OFFICER), dossier=d, now=at(2030, 1, 2))
    assert queued(d) == [job]  # the change waits in the same job
    assert sync.portal_summary() == {"in_sync": 0, "waiting": 0, "failing": 1, "rejected": 0}
    fake.control(mode="ok")
    out = StringIO()
    call_command("portal", "resend", "--failing", stdout=out)
    assert "1 hồ sơ" in out.getvalue()
    assert drain() == 1
    assert fake.versions[d.code] == [3] and fake.snapshots[d.code]["hoSo"]["TrangThaiHoSo"] == "4"
    assert row(d).in_sync and row(d).attempts == 0 and row(d).last_error == ""


def test_a_timed_out_send_keeps_the_dossier_until_its_mark_expires(world, fake, settings):
    settings.MOTCUA_PORTAL_TIMEOUT = 0.3
    d = DossierFactory.create("received", procedure=world.procedure)
    fake.control(mode="timeout", delay_ms=1000)
    drain()
    # The portal may still store what it got: nothing newer may overtake it on the wire.
    assert row(d).sending_token != "" and row(d).outcome == Outcome.FAILING
    fake.control(mode="ok")
    job_retry(ids=[j.pk for j in queued(d)])
    drain()
    assert not fake.versions[d.code]
    [later] = queued(d)
    assert later.run_after == row(d).sending_until


def test_a_rejected_dossier_is_set_aside_and_blocks_no_other(world, fake):
    wrong = DossierFactory.create("received", procedure=world.procedure)
    right = DossierFactory.create("received", procedure=world.procedure)
    fake.control(reject=[wrong.code])
    assert drain() == 2
    assert fake.snapshots.keys() == {right.code}
    rejected = row(wrong)
    assert rejected.outcome == Outcome.REJECTED and "HTTP 422" in rejected.last_error
    assert rejected.rejected_payload["hoSo"]["MaHoSo"] == wrong.code
    assert Job.objects.get(key=sync.sync_key(wrong.pk)).status == JobStatus.DEAD
    out = StringIO()
    call_command("portal", "status", stdout=out)
    assert "đã đồng bộ / in sync: 1" in out.getvalue()
    assert "bị Cổng từ chối / rejected: 1" in out.getvalue()
    assert f"{wrong.code}: HTTP 422" in out.getvalue()
    call_command("portal", "status", wrong.code, stdout=out)
    assert "phiên bản / version 1, đã gửi / sent 0" in out.getvalue()
    # The payload is fixed (here: the portal accepts it now); the operator sends it again.
    fake.control(reject=[])
    call_command("portal", "resend", "--rejected", stdout=out)
    drain()
    fixed = row(wrong)
    assert fixed.in_sync and fixed.outcome == Outcome.OK and fixed.rejected_payload is None
    assert fake.versions[wrong.code] == [2]


def test_resend_one_dossier_in_sync_sends_it_again(world, fake):
    d = DossierFactory.create("received", procedure=world.procedure)
    drain()
    out = StringIO()
    call_command("portal", "resend", d.code, stdout=out)
    drain()
    assert fake.versions[d.code] == [1, 2]
    call_command("portal", "status", d.code, stdout=out)
    assert "đã đồng bộ / in sync; phiên bản / version 2, đã gửi / sent 2" in out.getvalue()
