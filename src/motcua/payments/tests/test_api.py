"""``POST /api/public/payments/<code>/``: an application starts the payment of a dossier it
proves access to, sends its user to the platform, and the payment completes the usual way."""

from __future__ import annotations

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from motcua.dossiers.models import Dossier
from motcua.dossiers.workflow import State
from motcua.payments.models import Payment, PaymentStatus
from motcua.payments.tests.conftest import FEE, Journey

pytestmark = pytest.mark.django_db(transaction=True)


def start(dossier: Dossier, **data):
    url = reverse("api-public-payment-start", args=[dossier.code])
    return APIClient().post(url, {"secret": "5678", **data}, format="json")


def test_the_app_starts_the_payment_and_the_platform_completes_it(fakepay, dossier):
    response = start(dossier)
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["amount"] == body["due"] == FEE
    assert body["redirect_url"].startswith(fakepay.url + "/pay?")
    # The same request again: the pending order is reused, not a second one.
    assert start(dossier).json()["order_number"] == body["order_number"]

    journey = Journey(client=APIClient(), pay=fakepay, dossier=dossier)
    journey.gateway(body["redirect_url"], "pay")
    payment = Payment.objects.get(order_number=body["order_number"])
    assert payment.status == PaymentStatus.PAID
    dossier.refresh_from_db()
    assert dossier.state == State.PROCESSING and dossier.paid_online


def test_a_part_then_nothing_more_than_the_balance(fakepay, dossier):
    first = start(dossier, amount=FEE - 250_000)
    assert first.status_code == 201 and first.json()["amount"] == FEE - 250_000
    over = start(dossier, amount=FEE + 1)
    assert over.status_code == 400
    assert "Số tiền phải từ 1 đến" in over.json()["error"]["message"]


def test_a_wrong_secret_is_the_lookup_404_and_starts_nothing(fakepay, dossier):
    response = APIClient().post(
        reverse("api-public-payment-start", args=[dossier.code]), {"secret": "0000"}, format="json"
    )
    assert response.status_code == 404
    assert not Payment.objects.exists()


def test_a_dossier_not_awaiting_payment_is_refused(fakepay, dossier):
    Dossier.objects.filter(pk=dossier.pk).update(state=State.PROCESSING)
    response = start(dossier)
    assert response.status_code == 409
    assert response.json()["error"]["code"] == "not_awaiting_payment"
    assert not Payment.objects.exists()
