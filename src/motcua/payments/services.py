"""Services of online payment (docs/payments.md): start an order, believe (or refuse) what the
gateway says about it, cancel, refund, and the receipt.

Every change happens in one transaction with its audit entry; the dossier is locked before the
payment (the same order everywhere, so two services never wait on each other). A return and a
notification of the same payment may arrive in any order and any number of times: the first
that finds the order pending changes it, the others find it done and change nothing.
"""

from __future__ import annotations

import datetime as dt
import logging
import secrets
from collections.abc import Mapping
from dataclasses import dataclass

from django.db import transaction

from motcua.audit.services import audit_event, audit_record
from motcua.dossiers.models import Dossier
from motcua.dossiers.services import APPLICANT_ACTOR, dossier_record_payment
from motcua.dossiers.workflow import State
from motcua.integrations.payment import (
    ANSWER_ALREADY_CONFIRMED,
    ANSWER_OK,
    PaymentRefused,
    payment_gateway,
)
from motcua.payments import authz
from motcua.payments.models import (
    NotificationKind,
    Payment,
    PaymentNotification,
    PaymentStatus,
    Receipt,
    Refund,
)
from motcua.payments.selectors import dossier_balance, order_amount, payment_refundable
from motcua.utils.errors import DomainError

logger = logging.getLogger(__name__)

GATEWAY_LABEL = "payment-gateway"


def _refuse(vi: str, en: str, code: str, status: int = 409) -> DomainError:
    return DomainError(vi, en, code=code, status_code=status)


def payment_off() -> DomainError:
    return _refuse(
        "Chưa hỗ trợ thanh toán trực tuyến. Vui lòng nộp tại Bộ phận Một cửa.",
        "Online payment is not available.",
        "payment_off",
        503,
    )


def new_order_number(now: dt.datetime) -> str:
    """``TT`` + the local date + 8 random hex digits: unique, and not guessable."""
    from django.utils import timezone

    return f"TT{timezone.localtime(now):%y%m%d}{secrets.token_hex(4).upper()}"


def payment_start(*, dossier: Dossier, now: dt.datetime, amount: int | None = None) -> Payment:
    """The order to pay ``amount`` (default: what is still due) of ``dossier``, which must await
    payment with something due. A pending order of the same amount is reused (the applicant
    pressed the button twice, or came back), so one payment is never asked for twice."""
    if payment_gateway() is None:
        raise payment_off()
    with transaction.atomic():
        locked = Dossier.objects.select_for_update().get(pk=dossier.pk)
        if locked.state != State.AWAITING_PAYMENT:
            raise _refuse(
                "Hồ sơ không ở trạng thái chờ thực hiện nghĩa vụ tài chính.",
                "The dossier is not awaiting payment.",
                "not_awaiting_payment",
            )
        due = dossier_balance(locked).due
        if due <= 0:
            raise _refuse("Hồ sơ đã nộp đủ phí, lệ phí.", "Nothing is left to pay.", "nothing_due")
        amount = due if amount is None else amount
        if not 0 < amount <= due:
            raise _refuse(
                f"Số tiền phải từ 1 đến {due:,} đồng.".replace(",", "."),
                f"The amount must be between 1 and {due} VND.",
                "invalid",
                400,
            )
        pending = (
            Payment.objects.select_for_update()
            .filter(dossier=locked, status=PaymentStatus.PENDING, amount=amount)
            .order_by("-created_at")
            .first()
        )
        if pending is not None:
            return pending
        payment = Payment.objects.create(
            dossier=locked, order_number=new_order_number(now), amount=amount, created_at=now
        )
        audit_record(
            action="payment.start",
            target=payment,
            actor_label="applicant",
            data={"dossier": locked.code, "amount": amount, "due": due},
        )
        return payment


def payment_redirect_url(*, payment: Payment, return_url: str, notify_url: str, now) -> str:
    """Where the applicant's browser goes to pay ``payment``."""
    gateway = payment_gateway()
    if gateway is None:
        raise payment_off()
    return gateway.redirect_url(
        order_id=payment.order_number,
        amount=payment.amount,
        description=f"Nộp phí, lệ phí hồ sơ {payment.dossier.code}",
        return_url=return_url,
        notify_url=notify_url,
        now=now,
    )


def _locked(order_number: str) -> tuple[Dossier, Payment]:
    dossier_id = Payment.objects.filter(order_number=order_number).values_list(
        "dossier_id", flat=True
    )
    dossier = Dossier.objects.select_for_update().get(pk__in=dossier_id)
    return dossier, Payment.objects.select_for_update().get(order_number=order_number)


def payment_confirm(
    *,
    order_number: str,
    transaction_id: str,
    amount: int,
    paid_at: dt.datetime,
    now: dt.datetime,
) -> tuple[Payment, bool]:
    """The gateway says the order was paid. Changed (True) the first time; a repeat (the
    return after the notification, a duplicated notification) changes nothing. When what the
    dossier has paid reaches its fee, the dossier leaves "awaiting payment"; a receipt is
    issued for every paid order (``receipt_issue``, after commit)."""
    with transaction.atomic():
        dossier, payment = _locked(order_number)
        if amount != payment.amount:
            logger.warning("payment %s: amount %s refused", order_number, amount)
            raise _refuse(
                "Số tiền không khớp với đơn hàng.", "The amount does not match.", "amount"
            )
        if payment.status == PaymentStatus.PAID:
            if transaction_id != payment.gateway_transaction_id:
                logger.warning(
                    "payment %s: paid again as %s (first %s): a refund may be due",
                    order_number,
                    transaction_id,
                    payment.gateway_transaction_id,
                )
            return payment, False
        before = payment.status
        payment.status, payment.paid_at = PaymentStatus.PAID, paid_at
        payment.gateway_transaction_id = transaction_id
        payment.save(update_fields=["status", "paid_at", "gateway_transaction_id"])
        receipt = Receipt.objects.create(
            payment=payment,
            number=f"BL-{payment.order_number}",
            issued_at=now,
            amount=payment.amount,
            payer=dossier.applicant_name,
        )
        balance = dossier_balance(dossier)
        audit_record(
            action="payment.confirmed",
            target=payment,
            actor_label=GATEWAY_LABEL,
            data={
                "dossier": dossier.code,
                "amount": payment.amount,
                "transaction_id": transaction_id,
                "from": before,
                "due_after": balance.due,
                "receipt": receipt.number,
            },
        )
        if dossier.state == State.AWAITING_PAYMENT and balance.due == 0:
            dossier_record_payment(actor=APPLICANT_ACTOR, dossier=dossier, online=True, now=now)
        elif balance.due == 0:
            # Paid while the dossier no longer waited (paid at the desk meanwhile, stopped):
            # kept, for an officer to refund.
            logger.warning("payment %s: paid for dossier %s in state %s", order_number,
                           dossier.code, dossier.state)  # fmt: skip
        from motcua.payments.tasks import receipt_issue

        receipt_issue.enqueue(key=f"receipt:{receipt.pk}", receipt_id=receipt.pk)
        return payment, True


def payment_cancel(
    *, order_number: str, now: dt.datetime, failed: bool = False
) -> tuple[Payment, bool]:
    """The applicant cancelled at the gateway (or the payment failed): a pending order ends;
    a paid one never goes back."""
    with transaction.atomic():
        _dossier, payment = _locked(order_number)
        if payment.status != PaymentStatus.PENDING:
            return payment, False
        payment.status = PaymentStatus.FAILED if failed else PaymentStatus.CANCELLED
        payment.ended_at = now
        payment.save(update_fields=["status", "ended_at"])
        audit_record(
            action="payment.failed" if failed else "payment.cancelled",
            target=payment,
            actor_label=GATEWAY_LABEL,
            data={"dossier": _dossier.code, "amount": payment.amount},
        )
        return payment, True


@dataclass(frozen=True)
class Received:
    """What a return or notification did: ``outcome`` (confirmed, duplicate, cancelled,
    failed, refused), the protocol's ``answer`` code, the payment when known."""

    outcome: str
    answer: str
    payment: Payment | None
    reason: str = ""


def payment_receive(
    *, kind: NotificationKind | str, params: Mapping[str, str], now: dt.datetime
) -> Received:
    """Verify a return or notification and act on it; every one is logged
    (``PaymentNotification``), believed or not."""
    params = {str(k): str(v) for k, v in params.items()}
    order_number = params.get("order_id", "")[:64]
    gateway = payment_gateway()
    try:
        if gateway is None:
            raise PaymentRefused("99", "thanh toán trực tuyến đang tắt / online payment off")
        verify = (
            gateway.verify_return
            if kind == NotificationKind.RETURN
            else (gateway.verify_notification)
        )
        result = verify(params, order_amount=order_amount)
    except PaymentRefused as exc:
        with transaction.atomic():
            payment = Payment.objects.filter(order_number=order_number).first()
            PaymentNotification.objects.create(
                kind=kind, payment=payment, order_number=order_number, params=params,
                verified=False, reason=exc.reason[:255], outcome="refused", received_at=now,
            )  # fmt: skip
            audit_event(
                action="payment.refused",
                target_type="payments.payment",
                target_id=str(payment.pk) if payment else order_number or "-",
                actor_label=GATEWAY_LABEL,
                data={"kind": str(kind), "order": order_number, "reason": exc.reason},
            )
        logger.warning("payment %s %s refused: %s", kind, order_number, exc.reason)
        return Received("refused", exc.answer, payment, exc.reason)
    with transaction.atomic():
        if result.paid:
            assert result.paid_at is not None
            payment, changed = payment_confirm(
                order_number=result.order_id,
                transaction_id=result.transaction_id,
                amount=result.amount,
                paid_at=result.paid_at,
                now=now,
            )
            outcome = "confirmed" if changed else "duplicate"
        else:
            payment, changed = payment_cancel(
                order_number=result.order_id, now=now, failed=not result.cancelled
            )
            ended = "cancelled" if result.cancelled else "failed"
            outcome = ended if changed else "duplicate"
        PaymentNotification.objects.create(
            kind=kind, payment=payment, order_number=order_number, params=params,
            verified=True, outcome=outcome, received_at=now,
        )  # fmt: skip
    answer = ANSWER_OK if changed else ANSWER_ALREADY_CONFIRMED
    return Received(outcome, answer, payment)


def payment_refund(
    *, actor, payment: Payment, amount: int, reason: str, now: dt.datetime
) -> Refund:
    """An officer records money given back to the applicant (whole or part of a paid order,
    never more than what is left of it), with the reason."""
    authz.check_refund(actor, payment.dossier)
    reason = (reason or "").strip()
    if not reason:
        raise _refuse("Vui lòng nhập lý do hoàn tiền.", "A reason is required.", "invalid", 400)
    with transaction.atomic():
        dossier, locked = _locked(payment.order_number)
        left = payment_refundable(locked)
        if locked.status != PaymentStatus.PAID:
            raise _refuse(
                "Chỉ hoàn tiền cho khoản đã thanh toán.",
                "Only a paid order can be refunded.",
                "not_paid",
            )
        if not 0 < amount <= left:
            raise _refuse(
                f"Số tiền hoàn phải từ 1 đến {left:,} đồng.".replace(",", "."),
                f"The refund must be between 1 and {left} VND.",
                "invalid",
                400,
            )
        refund = Refund.objects.create(
            payment=locked, amount=amount, reason=reason, by=actor, at=now
        )
        audit_record(
            action="payment.refund",
            target=locked,
            actor=actor,
            data={"dossier": dossier.code, "amount": amount, "reason": reason, "refund": refund.pk},
        )
        return refund
