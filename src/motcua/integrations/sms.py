"""SMS gateways behind one small interface. The backend is chosen by the setting
``MOTCUA_SMS_BACKEND`` (dotted path); the default prints to the console, which is what a demo or
a province without a gateway contract wants."""

import json
import logging
import sys
import urllib.request
from typing import Protocol

from django.conf import settings
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)


class SmsBackend(Protocol):
    def send(self, *, to: str, text: str, key: str) -> None:
        """Deliver ``text`` to ``to``; raise on failure. ``key`` is the idempotency key: a
        gateway that sees it twice must send once."""


class ConsoleBackend:
    def send(self, *, to: str, text: str, key: str) -> None:
        sys.stdout.write(f"[SMS {key}] → {to}: {text}\n")
        sys.stdout.flush()


class SummaryBackend:
    """One short line per message (the demo: the console backend would print every text)."""

    def send(self, *, to: str, text: str, key: str) -> None:
        masked = "*" * max(len(to) - 3, 0) + to[-3:]  # a console is no place for phone numbers
        sys.stdout.write(f"[SMS {key}] → {masked} ({len(text)} ký tự)\n")


class HttpJsonBackend:
    """POSTs ``{"to", "text", "key"}`` as JSON to ``MOTCUA_SMS_URL`` with an
    ``Idempotency-Key`` header; any non-2xx answer is a failure to retry."""

    def send(self, *, to: str, text: str, key: str) -> None:
        body = json.dumps({"to": to, "text": text, "key": key}).encode()
        request = urllib.request.Request(
            settings.MOTCUA_SMS_URL,
            data=body,
            method="POST",
            headers={"Content-Type": "application/json", "Idempotency-Key": key},
        )
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
            if not 200 <= response.status < 300:
                raise RuntimeError(f"SMS gateway answered {response.status}")


def sms_backend() -> SmsBackend:
    return import_string(settings.MOTCUA_SMS_BACKEND)()
