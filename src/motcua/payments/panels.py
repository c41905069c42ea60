"""The payments' blocks on the dossier pages (``dossiers.panels``) and in the applicant's space
(``applicants.session.space_section_register``), registered in ``apps.py``."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from motcua.applicants.models import ApplicantAccount
from motcua.dossiers.models import Dossier
from motcua.dossiers.workflow import State
from motcua.integrations.payment import payment_gateway
from motcua.payments import authz
from motcua.payments.models import Payment, PaymentStatus
from motcua.payments.selectors import dossier_balance, payment_refundable


def _payments(dossier: Dossier) -> list[Payment]:
    return list(
        Payment.objects.filter(dossier=dossier)
        .select_related("receipt")
        .prefetch_related("refunds")
        .order_by("created_at", "id")
    )


def public_context(request: HttpRequest, dossier: Dossier) -> dict[str, Any] | None:
    """Shown while the dossier awaits payment, and afterwards when it paid online."""
    payments = _payments(dossier)
    awaiting = dossier.state == State.AWAITING_PAYMENT
    if not awaiting and not payments:
        return None
    balance = dossier_balance(dossier)
    gateway = payment_gateway()
    can_pay = awaiting and balance.due > 0 and gateway is not None
    return {
        "dossier": dossier,
        "balance": balance,
        "payments": [p for p in payments if p.status == PaymentStatus.PAID],
        "can_pay": can_pay,
        "awaiting": awaiting,
        # The pay button's form is answered by a redirect to the platform.
        "form_action": [gateway.origin] if can_pay and gateway is not None else [],
        # This block says what is due and how to pay it, online or at the desk.
        "supersedes": ["payment"] if awaiting else [],
    }


def officer_context(request: HttpRequest, dossier: Dossier) -> dict[str, Any] | None:
    payments = _payments(dossier)
    if not payments and dossier.state != State.AWAITING_PAYMENT:
        return None
    for payment in payments:
        payment.refundable = payment_refundable(payment)  # type: ignore[attr-defined]
    may_refund = authz.may_refund(request.user, dossier)
    return {
        "dossier": dossier,
        "balance": dossier_balance(dossier),
        "payments": payments,
        "may_refund": may_refund,
        "refundable": [p for p in payments if p.refundable > 0] if may_refund else [],  # type: ignore[attr-defined]
    }


def space_context(request: HttpRequest, account: ApplicantAccount) -> dict[str, Any]:
    """The signed-in applicant's dossiers awaiting payment, with what is due."""
    waiting = Dossier.objects.filter(
        applicant_id_number=account.identifier, state=State.AWAITING_PAYMENT
    ).select_related("procedure")
    rows = [{"dossier": d, "due": dossier_balance(d).due} for d in waiting[:20]]
    return {"rows": rows}
