"""Reads of payments: what a dossier has paid, refunded and still owes."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Sum

from motcua.dossiers.models import Dossier
from motcua.payments.models import Payment, PaymentStatus, Refund


@dataclass(frozen=True)
class Balance:
    fee: int
    paid: int  # paid orders
    refunded: int

    @property
    def net(self) -> int:
        return self.paid - self.refunded

    @property
    def due(self) -> int:
        """What is still to pay (never below 0: an overpayment is refunded, not owed)."""
        return max(self.fee - self.net, 0)


def dossier_balance(dossier: Dossier) -> Balance:
    paid = Payment.objects.filter(dossier=dossier, status=PaymentStatus.PAID).aggregate(
        total=Sum("amount")
    )["total"]
    refunded = Refund.objects.filter(payment__dossier=dossier).aggregate(total=Sum("amount"))[
        "total"
    ]
    return Balance(fee=dossier.fee_vnd or 0, paid=paid or 0, refunded=refunded or 0)


def payment_refundable(payment: Payment) -> int:
    """What may still be refunded of ``payment``."""
    if payment.status != PaymentStatus.PAID:
        return 0
    refunded = payment.refunds.aggregate(total=Sum("amount"))["total"] or 0
    return payment.amount - refunded


def order_amount(order_number: str) -> int | None:
    """The amount of the order ``order_number`` (None: no such order), for the gateway."""
    return (
        Payment.objects.filter(order_number=order_number).values_list("amount", flat=True).first()
    )
