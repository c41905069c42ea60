"""Online payment through the fake national payment platform on loopback (a real server
thread), our site served by ``live_server`` so the platform's notifications reach it."""

from __future__ import annotations

import json

import pytest
from django.test import Client
from django.urls import reverse

from motcua.accounts.models import User
from motcua.accounts.roles import Role
from motcua.audit.models import AuditEntry
from motcua.dossiers.models import Dossier
from motcua.dossiers.workflow import Action, State
from motcua.payments.models import (
    NotificationKind,
    Payment,
    PaymentNotification,
    PaymentStatus,
    Receipt,
    Refund,
)
from motcua.payments.tests.conftest import FEE, control, request

pytestmark = pytest.mark.django_db(transaction=True)


def reload(dossier: Dossier) -> Dossier:
    return Dossier.objects.get(pk=dossier.pk)


def test_the_lookup_page_offers_the_payment(journey):
    page = journey.client.get(reverse("public-dossier-detail", args=[journey.dossier.code]))
    text = page.content.decode()
    assert "Nghĩa vụ tài chính" in text and "1.250.000 đ" in text
    assert reverse("payment-start", args=[journey.dossier.code]) in text


def test_no_button_when_online_payment_is_off(journey, settings):
    settings.MOTCUA_PAYMENT_URL = ""
    page = journey.client.get(reverse("public-dossier-detail", args=[journey.dossier.code]))
    assert reverse("payment-start", args=[journey.dossier.code]) not in page.content.decode()
    response = journey.client.post(reverse("payment-start", args=[journey.dossier.code]))
    assert response.status_code == 302 and not Payment.objects.exists()


def test_success_notification_before_the_return(journey):
    url = journey.start()
    _status, _headers, page = request("GET", url)
    assert "1.250.000 đ" in page and journey.order_of(url) in page
    back = journey.gateway(url, "pay")
    # The notification came first (the default): the order is paid before the browser is back.
    payment = Payment.objects.get()
    assert payment.status == PaymentStatus.PAID and payment.amount == FEE
    dossier = reload(journey.dossier)
    assert dossier.state == State.PROCESSING and dossier.paid_online and dossier.paid_at
    response = journey.come_back(back)
    assert response.status_code == 200
    text = response.content.decode()
    assert "Thanh toán thành công" in text and dossier.code in text
    log = list(PaymentNotification.objects.values_list("kind", "verified", "outcome"))
    assert log == [
        (NotificationKind.NOTIFY, True, "confirmed"),
        (NotificationKind.RETURN, True, "duplicate"),
    ]
    assert journey.pay.sent[0].answer == {"RspCode": "00", "Message": "Confirm Success"}
    assert dossier.events.filter(action=Action.RECORD_PAYMENT).count() == 1
    assert Receipt.objects.get().amount == FEE
    assert AuditEntry.objects.filter(action="payment.confirmed").count() == 1
    # The lookup page now lists the payment and its receipt.
    page = journey.client.get(reverse("public-dossier-detail", args=[dossier.code])).content
    assert Receipt.objects.get().number in page.decode()


def test_cancel(journey):
    back = journey.gateway(journey.start(), "cancel")
    response = journey.come_back(back)
    assert "Giao dịch đã hủy" in response.content.decode()
    assert Payment.objects.get().status == PaymentStatus.CANCELLED
    assert reload(journey.dossier).state == State.AWAITING_PAYMENT
    assert not Receipt.objects.exists()
    # Paying again makes a new order.
    journey.gateway(journey.start(), "pay")
    assert list(Payment.objects.values_list("status", flat=True).order_by("id")) == [
        PaymentStatus.CANCELLED,
        PaymentStatus.PAID,
    ]


def test_forged_notification_refused_and_logged(journey):
    control(journey.pay, notify="late")
    url = journey.start()
    journey.gateway(url, "pay")
    answers = control(
        journey.pay, "/_control/notify", order_id=journey.order_of(url), tamper="signature"
    )
    assert [(a["status"], a["answer"]["RspCode"]) for a in answers] == [(200, "97")]
    assert Payment.objects.get().status == PaymentStatus.PENDING
    assert reload(journey.dossier).state == State.AWAITING_PAYMENT
    logged = PaymentNotification.objects.get()
    assert (logged.verified, logged.outcome) == (False, "refused")
    assert "chữ ký" in logged.reason and logged.params["order_id"] == journey.order_of(url)
    assert AuditEntry.objects.filter(action="payment.refused").count() == 1


def test_forged_return_refused(journey):
    control(journey.pay, notify="none")
    back = journey.gateway(journey.start(), "pay")
    response = journey.come_back(back.replace("amount=1250000", "amount=1"))
    assert response.status_code == 400
    assert "Không xác nhận được" in response.content.decode()
    assert Payment.objects.get().status == PaymentStatus.PENDING


def test_duplicated_notification_has_no_double_effect(journey):
    control(journey.pay, duplicate=True)
    back = journey.gateway(journey.start(), "pay")
    journey.come_back(back)
    assert [s.answer["RspCode"] for s in journey.pay.sent] == ["00", "02"]
    assert Receipt.objects.count() == 1
    dossier = reload(journey.dossier)
    assert dossier.events.filter(action=Action.RECORD_PAYMENT).count() == 1
    assert AuditEntry.objects.filter(action="payment.confirmed").count() == 1
    outcomes = list(PaymentNotification.objects.values_list("outcome", flat=True))
    assert outcomes == ["confirmed", "duplicate", "duplicate"]


def test_amount_mismatch_refused(journey, caplog):
    control(journey.pay, notify="late")
    url = journey.start()
    journey.gateway(url, "pay")
    answers = control(
        journey.pay, "/_control/notify", order_id=journey.order_of(url), tamper="amount"
    )
    assert answers[0]["answer"]["RspCode"] == "04"
    assert Payment.objects.get().status == PaymentStatus.PENDING
    logged = PaymentNotification.objects.get()
    assert not logged.verified and "sai số tiền" in logged.reason
    assert "amount 1251000 refused" in caplog.text


def test_late_notification_after_the_return(journey):
    control(journey.pay, notify="late")
    url = journey.start()
    back = journey.gateway(url, "pay")
    response = journey.come_back(back)  # the return confirms
    assert "Thanh toán thành công" in response.content.decode()
    assert reload(journey.dossier).state == State.PROCESSING
    answers = control(journey.pay, "/_control/notify", order_id=journey.order_of(url))
    assert answers[0]["answer"]["RspCode"] == "02"
    assert Receipt.objects.count() == 1


def test_partial_payment_then_the_balance(journey):
    journey.gateway(journey.start(amount=500_000), "pay")
    dossier = reload(journey.dossier)
    assert dossier.state == State.AWAITING_PAYMENT
    page = journey.client.get(reverse("public-dossier-detail", args=[dossier.code]))
    text = page.content.decode()
    assert "Đã nộp" in text and "500.000 đ" in text and "750.000 đ" in text
    back = journey.gateway(journey.start(), "pay")  # the rest: 750.000 đ
    assert Payment.objects.order_by("-id").first().amount == 750_000
    assert "Thanh toán thành công" in journey.come_back(back).content.decode()
    dossier = reload(dossier)
    assert dossier.state == State.PROCESSING and dossier.paid_online
    assert Receipt.objects.count() == 2
    # More than the balance is refused, and nothing left to pay refuses a new order.
    response = journey.client.post(reverse("payment-start", args=[dossier.code]))
    assert response.status_code == 302 and Payment.objects.count() == 2


def test_more_than_the_balance_refused(journey):
    response = journey.client.post(
        reverse("payment-start", args=[journey.dossier.code]), {"amount": str(FEE + 1)}
    )
    assert response["Location"] == reverse("public-dossier-detail", args=[journey.dossier.code])
    assert not Payment.objects.exists()


def test_pressing_twice_reuses_the_order(journey):
    first, second = journey.start(), journey.start()
    assert journey.order_of(first) == journey.order_of(second)
    assert Payment.objects.count() == 1


def _officer_client(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_refund(journey):
    journey.gateway(journey.start(), "pay")
    dossier = reload(journey.dossier)
    payment = Payment.objects.get()
    handler = User.objects.get(role=Role.HANDLER, agency=dossier.agency)
    client = _officer_client(handler)
    page = client.get(reverse("officer-dossier-detail", args=[dossier.code])).content.decode()
    assert "Thanh toán phí, lệ phí" in page and payment.order_number in page
    assert "Ghi nhận hoàn tiền" in page
    url = reverse("officer-payment-refund", args=[dossier.code])
    client.post(url, {"order": payment.order_number, "amount": "250.000", "reason": "Nộp thừa"})
    assert Refund.objects.get().amount == 250_000
    # No more than what is left, and a reason is required.
    client.post(url, {"order": payment.order_number, "amount": "1000001", "reason": "Quá"})
    client.post(url, {"order": payment.order_number, "amount": "1000", "reason": " "})
    assert Refund.objects.count() == 1
    client.post(url, {"order": payment.order_number, "amount": "1000000", "reason": "Rút hồ sơ"})
    assert sum(Refund.objects.values_list("amount", flat=True)) == FEE
    assert AuditEntry.objects.filter(action="payment.refund").count() == 2
    # The desk may see the payments but not record a refund.
    desk = User.objects.get(role=Role.INTAKE_OFFICER, agency=dossier.receiving_agency)
    desk_client = _officer_client(desk)
    page = desk_client.get(reverse("officer-dossier-detail", args=[dossier.code])).content
    assert payment.order_number in page.decode() and "Ghi nhận hoàn tiền" not in page.decode()
    desk_client.post(url, {"order": payment.order_number, "amount": "1", "reason": "x"})
    assert Refund.objects.count() == 2


def test_refund_hidden_from_another_agency(journey):
    from motcua.testing.factories import AgencyFactory

    journey.gateway(journey.start(), "pay")
    payment = Payment.objects.get()
    stranger = User.objects.create_user(
        username="la", password="pw-123456", role=Role.HANDLER, agency=AgencyFactory()
    )
    client = _officer_client(stranger)
    url = reverse("officer-payment-refund", args=[journey.dossier.code])
    response = client.post(url, {"order": payment.order_number, "amount": "1", "reason": "x"})
    assert response.status_code == 404 and not Refund.objects.exists()


def test_notify_endpoint_answers_json_without_csrf(fakepay, dossier):
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("payment-notify"), {"order_id": "TT1", "amount": "1"})
    assert response.status_code == 200
    assert json.loads(response.content)["RspCode"] == "97"
    assert PaymentNotification.objects.get().outcome == "refused"
