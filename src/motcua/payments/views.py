"""Payment pages: the applicant's button (to the gateway), the page the gateway sends the
browser back to, the gateway's server-to-server notification, the receipts, and the officer's
refund. Every decision is the services' (``payments.services``); the views only translate."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from motcua.audit.services import audit_read
from motcua.dossiers.views.officer import visible_dossier
from motcua.dossiers.views.public import _proven_dossier, _to_lookup
from motcua.payments import services
from motcua.payments.models import NotificationKind, Payment, PaymentStatus, Receipt
from motcua.payments.selectors import dossier_balance
from motcua.utils.errors import DomainError
from motcua.utils.uploads import file_download
from motcua.web.permissions import action_required

PDF = "application/pdf"


def _absolute(name: str) -> str:
    """A URL of this site as the gateway and the applicant's browser reach it."""
    return settings.MOTCUA_PUBLIC_URL.rstrip("/") + reverse(name)


@require_POST
def start(request: HttpRequest, code: str) -> HttpResponse:
    dossier = _proven_dossier(request, code)
    if dossier is None:
        return _to_lookup(code)
    raw = request.POST.get("amount", "").replace(".", "").strip()
    amount = int(raw) if raw.isdigit() else None
    now = timezone.now()
    try:
        payment = services.payment_start(dossier=dossier, amount=amount, now=now)
        url = services.payment_redirect_url(
            payment=payment,
            return_url=_absolute("payment-return"),
            notify_url=_absolute("payment-notify"),
            now=now,
        )
    except DomainError as exc:
        messages.error(request, exc.message)
        return redirect("public-dossier-detail", code=code)
    return redirect(url)


@never_cache
@require_GET
def returned(request: HttpRequest) -> HttpResponse:
    """Where the gateway sends the browser back: the result, verified like a notification (the
    notification may have come first: the page then just shows the payment done)."""
    received = services.payment_receive(
        kind=NotificationKind.RETURN, params=request.GET.dict(), now=timezone.now()
    )
    payment = received.payment
    status = 400 if received.outcome == "refused" else 200
    context = {
        "received": received,
        "payment": payment if received.outcome != "refused" else None,
        "paid": payment is not None and payment.status == PaymentStatus.PAID,
        "cancelled": payment is not None and payment.status in (
            PaymentStatus.CANCELLED, PaymentStatus.FAILED
        ),
        "balance": dossier_balance(payment.dossier) if payment is not None else None,
    }  # fmt: skip
    return render(request, "payments/return.html", context, status=status)


@csrf_exempt
@require_POST
def notify(request: HttpRequest) -> JsonResponse:
    """The gateway's server-to-server notification: form-encoded in, the protocol's JSON out
    (docs/payments.md)."""
    received = services.payment_receive(
        kind=NotificationKind.NOTIFY, params=request.POST.dict(), now=timezone.now()
    )
    message = {
        "confirmed": "Confirm Success",
        "cancelled": "Confirm Success",
        "failed": "Confirm Success",
        "duplicate": "Order already confirmed",
    }.get(received.outcome, received.reason)
    return JsonResponse({"RspCode": received.answer, "Message": message})


def _receipt_response(receipt: Receipt) -> HttpResponseBase:
    field = receipt.signed_pdf or receipt.pdf
    if not field:
        raise Http404(_("Biên lai đang được lập, vui lòng thử lại sau ít phút."))
    return file_download(field, f"{receipt.number.lower()}.pdf", content_type=PDF)


@never_cache
def receipt_public(request: HttpRequest, code: str, number: str) -> HttpResponseBase:
    dossier = _proven_dossier(request, code)
    if dossier is None:
        return _to_lookup(code)
    receipt = get_object_or_404(Receipt, number=number, payment__dossier=dossier)
    return _receipt_response(receipt)


@action_required("dossier.work")
def receipt_officer(request: HttpRequest, code: str, number: str) -> HttpResponseBase:
    dossier = visible_dossier(request, code)
    receipt = get_object_or_404(Receipt, number=number, payment__dossier=dossier)
    response = _receipt_response(receipt)
    audit_read(request, action="dossier.download", target=dossier, file=f"receipt {number}")
    return response


@require_POST
@action_required("dossier.work")
def refund(request: HttpRequest, code: str) -> HttpResponse:
    dossier = visible_dossier(request, code)
    payment = get_object_or_404(Payment, dossier=dossier, order_number=request.POST.get("order"))
    raw = request.POST.get("amount", "").replace(".", "").strip()
    try:
        if not raw.isdigit():
            raise DomainError(
                "Số tiền hoàn không hợp lệ.", "The refund amount is not a number.", "invalid", 400
            )
        services.payment_refund(
            actor=request.user,
            payment=payment,
            amount=int(raw),
            reason=request.POST.get("reason", ""),
            now=timezone.now(),
        )
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Đã ghi nhận hoàn tiền."))
    return redirect(reverse("officer-dossier-detail", args=[code]) + "#payments-title")
