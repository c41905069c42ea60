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
    """The handling workflow (``workflow.py``). ``processed_at`` is set exactly in the ended
    states: an approved answer (``processed``) or an item closed without one (``closed``: not
    feedback, or a duplicate); publication is ``published_at`` on a processed item."""

    RECEIVED = "received", _("Đã tiếp nhận")
    AWAITING_INFO = "awaiting_info", _("Chờ người gửi bổ sung thông tin")
    CLASSIFIED = "classified", _("Đã phân loại, chờ chuyển xử lý")
    PROCESSING = "processing", _("Đang xử lý")
    AWAITING_APPROVAL = "awaiting_approval", _("Chờ lãnh đạo duyệt")
    PROCESSED = "processed", _("Đã xử lý")
    CLOSED = "closed", _("Đã đóng (không phải PAKN, trùng lặp)")


OPEN_STATES = (
    FeedbackState.RECEIVED,
    FeedbackState.AWAITING_INFO,
    FeedbackState.CLASSIFIED,
    FeedbackState.PROCESSING,
    FeedbackState.AWAITING_APPROVAL,
)
ENDED_STATES = (FeedbackState.PROCESSED, FeedbackState.CLOSED)


class ClosedReason(models.TextChoices):
    COMPLAINT = "complaint", _("Khiếu nại (Luật Khiếu nại 2011)")
    DENUNCIATION = "denunciation", _("Tố cáo (Luật Tố cáo 2018)")
    OTHER = "other", _("Không phải phản ánh, kiến nghị")
    DUPLICATE = "duplicate", _("Trùng lặp")


class Satisfaction(models.TextChoices):
    SATISFIED = "satisfied", _("Hài lòng")
    NOT_SATISFIED = "not_satisfied", _("Không hài lòng")


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
    # The national identifier (ID number or organisation code) of the applicant signed in when
    # they sent it from the public form: their space lists it and opens it without the secret.
    # Blank for anonymous items, the API's and imported history.
    sender_identifier = models.CharField(
        _("số định danh người gửi"), max_length=32, blank=True, db_index=True
    )

    state = models.CharField(
        _("trạng thái"),
        max_length=20,
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

    procedure = models.ForeignKey(
        "procedures.Procedure",
        verbose_name=_("thủ tục hành chính liên quan"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="feedback",
    )
    # The sender's proof of access: a hash only (the secret is shown once, at submission).
    secret_hash = models.CharField(max_length=64, blank=True, editable=False)
    # Handling (workflow.py). The deadlines are instants computed in working days when a step
    # starts; "overdue" is derived from them and the clock, never stored.
    classified_at = models.DateTimeField(null=True, blank=True)
    info_requested_at = models.DateTimeField(null=True, blank=True)
    info_request = models.TextField(_("thông tin cần bổ sung"), blank=True)
    info_reply = models.TextField(_("thông tin người gửi bổ sung"), blank=True)
    assigned_at = models.DateTimeField(null=True, blank=True)
    approved_at = models.DateTimeField(null=True, blank=True)
    classify_due_at = models.DateTimeField(null=True, blank=True)
    info_due_at = models.DateTimeField(null=True, blank=True)
    answer_due_at = models.DateTimeField(null=True, blank=True)
    publish_due_at = models.DateTimeField(null=True, blank=True)
    closed_reason = models.CharField(
        _("lý do đóng"), max_length=16, choices=ClosedReason.choices, blank=True
    )
    duplicate_of = models.ForeignKey(
        "self",
        verbose_name=_("trùng với"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="duplicates",
    )
    return_note = models.TextField(_("ý kiến của lãnh đạo khi trả lại"), blank=True)
    # What the public page shows: the question and answer with personal data masked, kept
    # apart from the originals; ``search_text`` is them folded (utils.text.fold).
    public_subject = models.CharField(_("tiêu đề công khai"), max_length=255, blank=True)
    public_content = models.TextField(_("nội dung công khai"), blank=True)
    public_answer = models.TextField(_("kết quả xử lý công khai"), blank=True)
    search_text = models.TextField(blank=True, editable=False)
    satisfaction = models.CharField(
        _("mức độ hài lòng"), max_length=16, choices=Satisfaction.choices, blank=True
    )
    satisfaction_at = models.DateTimeField(null=True, blank=True)

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
            # The officers' queue: by state and deadline, per agency.
            models.Index(fields=["state", "answer_due_at"]),
            models.Index(fields=["agency", "state"]),
            # The public list: published answers, newest first.
            models.Index(fields=["published_at"]),
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
                condition=models.Q(processed_at__isnull=True, state__in=OPEN_STATES)
                | models.Q(processed_at__isnull=False, state__in=ENDED_STATES),
                name="feedback_state_matches_processed",
            ),
        ]

    def __str__(self) -> str:
        return self.code


class FeedbackAttachment(models.Model):
    """A file the sender attached (checked by ``utils.uploads.check_uploads``); served only by
    views that authorise the request."""

    feedback = models.ForeignKey(Feedback, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("tệp"), upload_to="feedback/%Y/%m/")
    name = models.CharField(_("tên tệp"), max_length=255)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("tệp đính kèm phản ánh")
        verbose_name_plural = _("tệp đính kèm phản ánh")

    def __str__(self) -> str:
        return self.name
