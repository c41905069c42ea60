"""Feedback and petitions (phản ánh, kiến nghị, PAKN) from citizens and organisations about
administrative regulations or about the administrative behaviour of officials and agencies.

The statistics (statistics.md §3) need only three facts: when an item was received, processed
and its answer published. They are kept as instants, with their local dates beside them (as on
``Dossier``): every figure compares local dates (Asia/Ho_Chi_Minh), and a date column is what
lets the database answer from an index. The handling workflow (public form, classification,
assignment) grows on ``state`` and the submitter fields; imported history leaves those blank.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from motcua.utils.db import LocalDatesMixin


class FeedbackKind(models.TextChoices):
    REGULATION = "regulation", _("Về quy định hành chính")
    BEHAVIOUR = "behaviour", _("Về hành vi hành chính")


class FeedbackChannel(models.TextChoices):
    ONLINE = "online", _("Trực tuyến (Cổng dịch vụ công của tỉnh)")
    NATIONAL_PORTAL = "national_portal", _("Cổng Dịch vụ công quốc gia")
    PHONE = "phone", _("Điện thoại, đường dây nóng")
    LETTER = "letter", _("Văn bản, thư")
    IN_PERSON = "in_person", _("Trực tiếp")


class FeedbackState(models.TextChoices):
    RECEIVED = "received", _("Đã tiếp nhận")
    PROCESSING = "processing", _("Đang xử lý")
    PROCESSED = "processed", _("Đã xử lý")


class Feedback(LocalDatesMixin, models.Model):
    LOCAL_DATES = {
        "received_at": "received_on",
        "processed_at": "processed_on",
        "published_at": "published_on",
    }

    code = models.CharField(_("mã phản ánh, kiến nghị"), max_length=64, unique=True)
    kind = models.CharField(_("loại"), max_length=16, choices=FeedbackKind.choices)
    agency = models.ForeignKey(
        "agencies.Agency",
        verbose_name=_("cơ quan bị phản ánh"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="feedback",
    )
    subject = models.CharField(_("tiêu đề"), max_length=255, blank=True)
    content = models.TextField(_("nội dung"), blank=True)
    # Empty for imported history: the old systems' exports do not say.
    channel = models.CharField(
        _("kênh tiếp nhận"), max_length=16, choices=FeedbackChannel.choices, blank=True
    )
    # Personal data: shown masked in every list (``selectors.masked_contact``).
    submitter_name = models.CharField(_("người phản ánh"), max_length=255, blank=True)
    submitter_phone = models.CharField(_("điện thoại"), max_length=20, blank=True)
    submitter_email = models.EmailField(_("thư điện tử"), blank=True)
    submitter_address = models.CharField(_("địa chỉ"), max_length=500, blank=True)

    state = models.CharField(
        _("trạng thái"),
        max_length=16,
        choices=FeedbackState.choices,
        default=FeedbackState.RECEIVED,
    )
    received_at = models.DateTimeField(_("tiếp nhận lúc"))
    processed_at = models.DateTimeField(_("xử lý xong lúc"), null=True, blank=True)
    published_at = models.DateTimeField(_("đăng tải công khai lúc"), null=True, blank=True)
    answer = models.TextField(_("kết quả xử lý"), blank=True)
    received_on = models.DateField(editable=False)
    processed_on = models.DateField(null=True, blank=True, editable=False)
    published_on = models.DateField(null=True, blank=True, editable=False)

    # History imported from an earlier system (feedback.csv); the import never touches the rest.
    imported = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-received_at", "id"]
        verbose_name = _("phản ánh, kiến nghị")
        verbose_name_plural = _("phản ánh, kiến nghị")
        indexes = [
            # §3: "received in or before the period, not processed before F".
            models.Index(fields=["received_on", "processed_on"]),
            models.Index(fields=["processed_on"]),
            models.Index(fields=["agency", "received_on"]),
            models.Index(fields=["state", "received_at"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(processed_at__isnull=True)
                | models.Q(processed_at__gte=models.F("received_at")),
                name="feedback_processed_after_received",
            ),
            # An answer is published once there is one.
            models.CheckConstraint(
                condition=models.Q(published_at__isnull=True)
                | models.Q(processed_at__isnull=False, published_at__gte=models.F("processed_at")),
                name="feedback_published_after_processed",
            ),
            models.CheckConstraint(
                condition=models.Q(
                    processed_at__isnull=True,
                    state__in=[FeedbackState.RECEIVED, FeedbackState.PROCESSING],
                )
                | models.Q(processed_at__isnull=False, state=FeedbackState.PROCESSED),
                name="feedback_state_matches_processed",
            ),
        ]

    def __str__(self) -> str:
        return self.code
