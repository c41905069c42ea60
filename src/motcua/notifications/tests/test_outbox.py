"""The outbox delivers through a fake SMS gateway on loopback that speaks the HTTP/JSON
protocol of ``HttpJsonBackend``; failures are retried with backoff and nothing is sent twice."""

import datetime as dt
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core import mail
from django.utils import timezone

from motcua.notifications.models import OutboxMessage, OutboxStatus
from motcua.notifications.services import backoff, outbox_deliver_due


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
    return OutboxMessage.objects.create(
        key=key,
        channel=channel,
        recipient=recipient,
        subject="Hồ sơ",
        body="Nội dung",
        event="received",
    )


@pytest.mark.django_db
def test_delivers_sms_and_email_once(gateway):
    queue("sms:1:received:1")
    queue("email:1:received:1", channel="email", recipient="an@example.vn")
    assert outbox_deliver_due() == (2, 0)
    assert outbox_deliver_due() == (0, 0)
    assert [m["to"] for m in gateway.received] == ["0912345678"]
    assert gateway.received[0]["header"] == "sms:1:received:1"
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["an@example.vn"]
    assert set(OutboxMessage.objects.values_list("status", flat=True)) == {OutboxStatus.SENT}


@pytest.mark.django_db
def test_gateway_down_is_retried_with_backoff_and_nothing_is_lost(gateway):
    message = queue("sms:2:received:1")
    gateway.fail_next = 2
    now = timezone.now()
    assert outbox_deliver_due(now=now) == (0, 1)
    message.refresh_from_db()
    assert message.status == OutboxStatus.PENDING and message.attempts == 1
    assert message.next_attempt_at == now + backoff(1)
    assert outbox_deliver_due(now=now) == (0, 0)  # not due yet
    assert outbox_deliver_due(now=now + dt.timedelta(seconds=30)) == (0, 1)
    assert outbox_deliver_due(now=now + dt.timedelta(hours=1)) == (1, 0)
    message.refresh_from_db()
    assert message.status == OutboxStatus.SENT and message.attempts == 3
    assert len(gateway.received) == 1


@pytest.mark.django_db
def test_gives_up_after_max_attempts(gateway, settings):
    settings.MOTCUA_SMS_URL = "http://127.0.0.1:9/unreachable"
    message = queue("sms:3:received:1")
    now = timezone.now()
    for attempt in range(10):
        outbox_deliver_due(now=now + dt.timedelta(days=attempt))
    message.refresh_from_db()
    assert message.status == OutboxStatus.FAILED and message.attempts == 10
    assert message.last_error


def test_backoff_doubles_up_to_an_hour():
    assert [backoff(n).total_seconds() for n in (1, 2, 3, 4)] == [30, 60, 120, 240]
    assert backoff(20) == dt.timedelta(hours=1)
