"""Fixtures of the payment tests: the fake payment platform (``integrations.fakepay``) on a
loopback port, in a thread, with the settings pointed at it; our site served by pytest-django's
``live_server`` so that the platform's server-to-server notifications really reach it; and a
dossier awaiting a fee of 1.250.000 đ."""

from __future__ import annotations

import http.client
import json
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from motcua.accounts.models import User
from motcua.accounts.roles import Role
from motcua.dossiers import services as s
from motcua.dossiers.models import Dossier
from motcua.integrations.fakepay import FakePay
from motcua.testing.factories import DossierFactory

SECRET = "test-payment-secret"
MERCHANT = "motcua-test"
FEE = 1_250_000


@pytest.fixture
def fresh_cache(transactional_db):
    """The lookup's rate limits live in the cache, which outlives a test's data."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def fakepay(settings, live_server, fresh_cache):
    with FakePay(secret=SECRET, merchant=MERCHANT) as pay:
        settings.MOTCUA_PAYMENT_URL = pay.url
        settings.MOTCUA_PAYMENT_MERCHANT = MERCHANT
        settings.MOTCUA_PAYMENT_SECRET = SECRET
        settings.MOTCUA_PUBLIC_URL = live_server.url
        yield pay


def request(method: str, url: str, data: dict | None = None) -> tuple[int, dict, str]:
    """One HTTP request, redirects not followed: status, headers, body."""
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.netloc, timeout=30)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    body = urlencode(data).encode() if data is not None else None
    headers = {"Content-Type": "application/x-www-form-urlencoded"} if body else {}
    try:
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read().decode()
    finally:
        connection.close()


def control(pay: FakePay, path: str = "/_control", **options: Any) -> Any:
    status, _headers, body = request_json(pay.url + path, options)
    assert status == 200, body
    return json.loads(body)


def request_json(url: str, payload: dict) -> tuple[int, dict, str]:
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.netloc, timeout=60)
    try:
        connection.request("POST", parts.path, body=json.dumps(payload).encode())
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read().decode()
    finally:
        connection.close()


@dataclass
class Journey:
    """The applicant's browser: our pages through the test client, the gateway's over HTTP."""

    client: Client
    pay: FakePay
    dossier: Dossier

    def open(self) -> None:
        response = self.client.post(
            reverse("public-dossier-lookup"), {"code": self.dossier.code, "secret": "5678"}
        )
        assert response.status_code == 302, response.content[:500]

    def start(self, amount: int | None = None) -> str:
        """Press "Thanh toán trực tuyến": the gateway's payment page URL."""
        data = {} if amount is None else {"amount": str(amount)}
        response = self.client.post(reverse("payment-start", args=[self.dossier.code]), data)
        assert response.status_code == 302
        assert response["Location"].startswith(self.pay.url + "/pay?")
        return response["Location"]

    def gateway(self, url: str, action: str = "pay") -> str:
        """On the gateway's page, press "Thanh toán" (``pay``) or "Hủy giao dịch" (``cancel``):
        where the gateway sends the browser back."""
        status, _headers, page = request("GET", url)
        assert status == 200, page
        assert "Thanh toán" in page and "Hủy giao dịch" in page
        order_id = dict(parse_qsl(urlsplit(url).query))["order_id"]
        status, headers, _body = request(
            "POST", self.pay.url + "/pay/complete", {"order_id": order_id, "action": action}
        )
        assert status == 303
        return headers["Location"]

    def come_back(self, location: str):
        parts = urlsplit(location)
        return self.client.get(f"{parts.path}?{parts.query}")

    def order_of(self, url: str) -> str:
        return dict(parse_qsl(urlsplit(url).query))["order_id"]


def awaiting_payment(fee: int = FEE) -> Dossier:
    dossier = DossierFactory.create("processing")
    handler = User.objects.get(role=Role.HANDLER, agency=dossier.agency)
    return s.dossier_request_payment(
        actor=handler, dossier=dossier, fee_vnd=fee, now=timezone.now()
    )


@pytest.fixture
def dossier(transactional_db) -> Dossier:
    return awaiting_payment()


@pytest.fixture
def journey(fakepay, dossier) -> Journey:
    made = Journey(client=Client(), pay=fakepay, dossier=dossier)
    made.open()
    return made
