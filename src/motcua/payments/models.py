"""Online payment of a dossier's fees (docs/payments.md): the orders sent to the payment gateway
(``Payment``), every return and notification received (``PaymentNotification``, append-only),
refunds recorded by officers (``Refund``) and the electronic receipts (``Receipt``, biên lai
điện tử) of the payments made.

Amounts are whole đồng. What a dossier has paid is derived: the paid orders less the refunds.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from motcua.utils.db import AppendOnlyMixin


class PaymentStatus(models.TextChoices):
    PENDING = "pending", _("Chờ thanh toán")
    PAID = "paid", _("Đã thanh toán")
    CANCELLED = "cancelled", _("Đã hủy")
    FAILED = "failed", _("Không thành công")


class PaymentChannel(models.TextChoices):
    NATIONAL_PLATFORM = "national_platform", _("Nền tảng thanh toán trên Cổng DVC quốc gia")


class Payment(models.Model):
    dossier = models.ForeignKey(
        "dossiers.Dossier", on_delete=models.PROTECT, related_name="payments"
    )
    order_number = models.CharField(_("mã đơn hàng"), max_length=32, unique=True)
    amount = models.PositiveBigIntegerField(_("số tiền (đồng)"))
    status = models.CharField(
        _("trạng thái"), max_length=16, choices=PaymentStatus.choices, default=PaymentStatus.PENDING
    )
    channel = models.CharField(
        _("kênh thanh toán"),
        max_length=32,
        choices=PaymentChannel.choices,
        default=PaymentChannel.NATIONAL_PLATFORM,
    )
    gateway_transaction_id = models.CharField(_("mã giao dịch"), max_length=64, blank=True)
    created_at = models.DateTimeField(_("tạo lúc"))
    paid_at = models.DateTimeField(_("thanh toán lúc"), null=True, blank=True)
    ended_at = models.DateTimeField(_("hủy/thất bại lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("thanh toán")
        verbose_name_plural = _("thanh toán")
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["gateway_transaction_id"],
                condition=~Q(gateway_transaction_id=""),
                name="payment_transaction_unique",
            ),
            models.CheckConstraint(condition=Q(amount__gt=0), name="payment_amount_positive"),
        ]
        indexes = [models.Index(fields=["paid_at"], name="payment_paid_at")]

    def __str__(self) -> str:
        return self.order_number


class NotificationKind(models.TextChoices):
    RETURN = "return", _("Trình duyệt quay về")
    NOTIFY = "notify", _("Thông báo từ cổng thanh toán")


class PaymentNotification(AppendOnlyMixin, models.Model):
    """Every return and notification received, believed or not (append-only)."""

    kind = models.CharField(max_length=8, choices=NotificationKind.choices)
    payment = models.ForeignKey(
        Payment, on_delete=models.PROTECT, null=True, blank=True, related_name="notifications"
    )
    order_number = models.CharField(max_length=64, blank=True)
    params = models.JSONField(default=dict)
    verified = models.BooleanField(default=False)
    reason = models.CharField(max_length=255, blank=True)
    # What it did: confirmed, duplicate, cancelled, failed, refused, ...
    outcome = models.CharField(max_length=32)
    received_at = models.DateTimeField()

    class Meta:
        verbose_name = _("thông báo thanh toán")
        verbose_name_plural = _("thông báo thanh toán")
        ordering = ["received_at", "id"]

    def __str__(self) -> str:
        return f"{self.kind} {self.order_number}: {self.outcome}"


class Refund(AppendOnlyMixin, models.Model):
    """A refund recorded by an officer: a financial record, never edited (append-only)."""

    payment = models.ForeignKey(Payment, on_delete=models.PROTECT, related_name="refunds")
    amount = models.PositiveBigIntegerField(_("số tiền hoàn (đồng)"))
    reason = models.TextField(_("lý do"))
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField()

    class Meta:
        verbose_name = _("hoàn tiền")
        verbose_name_plural = _("hoàn tiền")
        ordering = ["at", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="refund_amount_positive")
        ]

    def __str__(self) -> str:
        return f"{self.payment_id}: {self.amount}"


class Receipt(models.Model):
    """The electronic receipt (biên lai điện tử) of one paid order: its row is written with the
    payment's confirmation, its PDF and signed PDF by the ``receipt_issue`` job."""

    payment = models.OneToOneField(Payment, on_delete=models.PROTECT, related_name="receipt")
    number = models.CharField(_("số biên lai"), max_length=40, unique=True)
    issued_at = models.DateTimeField(_("lập lúc"))
    amount = models.PositiveBigIntegerField(_("số tiền (đồng)"))
    payer = models.CharField(_("người nộp"), max_length=255)
    pdf = models.FileField(upload_to="receipts/%Y/%m/", blank=True)
    signed_pdf = models.FileField(upload_to="receipts/%Y/%m/", blank=True)

    class Meta:
        verbose_name = _("biên lai điện tử")
        verbose_name_plural = _("biên lai điện tử")

    def __str__(self) -> str:
        return self.number
