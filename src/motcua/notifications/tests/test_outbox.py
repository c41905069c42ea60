"""The outbox delivers through a fake SMS gateway on loopback that speaks the HTTP/JSON
protocol of ``HttpJsonBackend``; failures are retried with backoff and nothing is sent twice."""

import datetime as dt
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core import mail
from django.utils import timezone

from motcua.jobs.models import Job, JobStatus
from motcua.jobs.services import job_claim, job_run, worker_run
from motcua.notifications.models import OutboxMessage, OutboxStatus
from motcua.notifications.services import outbox_deliver
from motcua.notifications.tasks import notification_deliver


class FakeGateway:
    def __init__(self):
        self.received: list[dict] = []
        self.fail_next = 0
        gateway = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                if gateway.fail_next:
                    gateway.fail_next -= 1
                    self.send_response(503)
                else:
                    gateway.received.append({**body, "header": self.headers["Idempotency-Key"]})
                    self.send_response(200)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/sms"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()


@pytest.fixture
def gateway(settings):
    fake = FakeGateway()
    settings.MOTCUA_SMS_BACKEND = "motcua.integrations.sms.HttpJsonBackend"
    settings.MOTCUA_SMS_URL = fake.url
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    yield fake
    fake.close()


def queue(key, channel="sms", recipient="0912345678"):
    message = OutboxMessage.objects.create(
        key=key,
        channel=channel,
        recipient=recipient,
        subject="Hồ sơ",
        body="Nội dung",
        event="received",
    )
    notification_deliver.enqueue(message_id=message.pk, key=f"outbox:{message.pk}")
    return message


def run_due(now):
    """One worker round at ``now``: (jobs done, jobs failed)."""
    done = failed = 0
    while (claimed := job_claim(worker="test", now=now)) is not None:
        if job_run(claimed, worker="test"):
            done += 1
        else:
            failed += 1
    return done, failed


@pytest.mark.django_db
def test_delivers_sms_and_email_once(gateway):
    queue("sms:1:received:1")
    queue("email:1:received:1", channel="email", recipient="an@example.vn")
    assert worker_run(once=True) == 2
    assert worker_run(once=True) == 0
    assert [m["to"] for m in gateway.received] == ["0912345678"]
    assert gateway.received[0]["header"] == "sms:1:received:1"
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["an@example.vn"]
    assert set(OutboxMessage.objects.values_list("status", flat=True)) == {OutboxStatus.SENT}


@pytest.mark.django_db
def test_a_message_already_sent_is_not_sent_again(gateway):
    message = queue("sms:4:received:1")
    outbox_deliver(message_id=message.pk)
    # A worker killed after sending, before recording the job as done, runs it again.
    assert outbox_deliver(message_id=message.pk) is False
    assert len(gateway.received) == 1


@pytest.mark.django_db
def test_gateway_down_is_retried_with_backoff_and_nothing_is_lost(gateway):
    message = queue("sms:2:received:1")
    gateway.fail_next = 2
    now = timezone.now()
    assert run_due(now) == (0, 1)
    message.refresh_from_db()
    assert message.status == OutboxStatus.PENDING and message.attempts == 1
    job = Job.objects.get(key=f"outbox:{message.pk}")
    assert job.status == JobStatus.QUEUED and job.run_after >= now + dt.timedelta(seconds=30)
    assert run_due(now) == (0, 0)  # not due yet
    assert run_due(now + dt.timedelta(minutes=1)) == (0, 1)
    assert run_due(now + dt.timedelta(hours=1)) == (1, 0)
    message.refresh_from_db()
    assert message.status == OutboxStatus.SENT and message.attempts == 3
    assert len(gateway.received) == 1


@pytest.mark.django_db
def test_gives_up_after_max_attempts(gateway, settings):
    settings.MOTCUA_SMS_URL = "http://127.0.0.1:9/unreachable"
    message = queue("sms:3:received:1")
    now = timezone.now()
    for attempt in range(12):
        run_due(now + dt.timedelta(days=attempt))
    message.refresh_from_db()
    assert message.status == OutboxStatus.FAILED and message.attempts == 10
    assert message.last_error
    assert Job.objects.get(key=f"outbox:{message.pk}").status == JobStatus.DEAD


def test_the_demo_console_shows_no_phone_number(capsys):
    from motcua.integrations.sms import SummaryBackend

    SummaryBackend().send(to="0912345678", text="Hồ sơ đã được tiếp nhận", key="sms:1:received:1")
    out = capsys.readouterr().out
    assert "*******678" in out and "0912345678" not in out


def test_the_demo_console_shows_no_email_address(capsys):
    from django.core.mail import EmailMessage

    from motcua.notifications.summary_email import SummaryEmailBackend

    SummaryEmailBackend().send_messages([EmailMessage("Hồ sơ", "…", to=["lienhe507@example.vn"])])
    out = capsys.readouterr().out
    assert "l********@example.vn: Hồ sơ" in out and "lienhe507" not in out
