"""Daily reconciliation (docs/payments.md): the gateway's settlement file against our payments.

Every difference is listed, one per transaction: in the file but not ours (``missing_ours``),
ours but not in the file (``missing_file``), another amount (``amount``), another status
(``status``: the file says paid, ours is not, or the file says refunded and we recorded no
refund), another transaction number for the same order (``transaction``). Reading only: nothing
is changed."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from motcua.integrations.payment import SettlementLine
from motcua.payments.models import Payment, PaymentStatus
from motcua.utils.formatting import vn_number

KINDS = {
    "missing_ours": ("Không có trong hệ thống", "missing in our records"),
    "missing_file": ("Không có trong tệp đối soát", "missing in the settlement file"),
    "amount": ("Lệch số tiền", "amount mismatch"),
    "status": ("Lệch trạng thái", "status mismatch"),
    "transaction": ("Lệch mã giao dịch", "transaction mismatch"),
}


@dataclass(frozen=True)
class Difference:
    kind: str
    order_id: str
    transaction_id: str
    ours: str  # what we have (amount and status), "" when nothing
    theirs: str  # what the file says, "" when nothing

    def line(self) -> str:
        vi, en = KINDS[self.kind]
        return (
            f"{vi} / {en}: {self.order_id} ({self.transaction_id or '—'}); "
            f"hệ thống / ours: {self.ours or '—'}; tệp / file: {self.theirs or '—'}"
        )


@dataclass(frozen=True)
class Reconciliation:
    days: tuple[dt.date, ...]
    in_file: int
    ours: int
    differences: list[Difference]

    def summary(self) -> str:
        days = ", ".join(f"{d:%d/%m/%Y}" for d in self.days)
        return (
            f"Đối soát ngày {days}: {self.in_file} giao dịch trong tệp, {self.ours} trong hệ "
            f"thống, {len(self.differences)} chênh lệch / reconciliation of {days}: "
            f"{self.in_file} in the file, {self.ours} ours, {len(self.differences)} differences"
        )


def _ours(payment: Payment) -> str:
    return f"{vn_number(payment.amount)} đ, {payment.status}"


def settlement_reconcile(lines: list[SettlementLine], *, days: set[dt.date]) -> Reconciliation:
    """Compare the file's ``lines`` of ``days`` with our payments paid on those days (local
    dates) and those the file names."""
    lines = [line for line in lines if line.settlement_date in days]
    named = {line.order_id for line in lines}
    ours = {
        p.order_number: p
        for p in Payment.objects.filter(order_number__in=named).prefetch_related("refunds")
    }
    paid_ours = [
        p
        for p in Payment.objects.filter(status=PaymentStatus.PAID, paid_at__isnull=False)
        .filter(paid_at__date__gte=min(days) - dt.timedelta(days=1))
        .filter(paid_at__date__lte=max(days) + dt.timedelta(days=1))
        if timezone.localtime(p.paid_at).date() in days
    ]
    differences = []
    for line in lines:
        theirs = f"{vn_number(line.amount)} đ, {line.status}"
        payment = ours.get(line.order_id)
        if payment is None:
            differences.append(
                Difference("missing_ours", line.order_id, line.transaction_id, "", theirs)
            )
            continue
        if payment.status != PaymentStatus.PAID or (
            line.status == "refunded" and not payment.refunds.all()
        ):
            kind = "status"
        elif payment.amount != line.amount:
            kind = "amount"
        elif payment.gateway_transaction_id != line.transaction_id:
            kind = "transaction"
        else:
            continue
        differences.append(
            Difference(kind, line.order_id, line.transaction_id, _ours(payment), theirs)
        )
    for payment in paid_ours:
        if payment.order_number not in named:
            differences.append(
                Difference(
                    "missing_file",
                    payment.order_number,
                    payment.gateway_transaction_id,
                    _ours(payment),
                    "",
                )
            )
    return Reconciliation(
        days=tuple(sorted(days)),
        in_file=len(lines),
        ours=len(paid_ours),
        differences=differences,
    )
