"""Dossiers (hồ sơ) from submission to result: the dossier, its components, its processing
steps, the append-only history, supplement requests, apology slips, evaluations, and the
documents (slips) issued for it.

"Late", "overdue" and "closed" are derived from the stored instants, never stored as flags.
The local dates (``received_on``, ``due_on``, ``ended_on``) are kept beside the instants
because every statistic compares local dates (statistics.md), and a date column is what lets
the database answer those questions from an index.
"""

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from motcua.dossiers.evaluation_rules import APPLICANT_INDICATORS
from motcua.dossiers.workflow import OPEN_STATES, Channel, Outcome, State
from motcua.utils.db import AppendOnlyMixin, LocalDatesMixin

# Submitted and open: the work still to do (the work list's default, with the recently
# resolved); the partial indexes of the work list cover these and RESOLVED.
LIVE_STATES = sorted({*OPEN_STATES, State.SUBMITTED})
WORK_LIST_STATES = sorted({*LIVE_STATES, State.RESOLVED})


class ApplicantKind(models.TextChoices):
    PERSON = "person", _("Cá nhân")
    ORGANISATION = "organisation", _("Tổ chức, doanh nghiệp")


class ReturnMethod(models.TextChoices):
    DESK = "desk", _("Tại Bộ phận Một cửa")
    POSTAL = "postal", _("Qua dịch vụ bưu chính")
    ONLINE = "online", _("Trực tuyến")


class ApplicantFields(models.Model):
    """Who came with the dossier, as the slips print it (a dossier, a counter visit)."""

    applicant_kind = models.CharField(
        _("loại người nộp"),
        max_length=16,
        choices=ApplicantKind.choices,
        default=ApplicantKind.PERSON,
    )
    applicant_name = models.CharField(_("tên người nộp"), max_length=255)
    applicant_id_number = models.CharField(
        _("số định danh / mã số thuế"), max_length=32, blank=True
    )
    applicant_address = models.CharField(_("địa chỉ"), max_length=500, blank=True)
    applicant_phone = models.CharField(_("điện thoại"), max_length=20, blank=True)
    applicant_email = models.EmailField(_("thư điện tử"), blank=True)

    class Meta:
        abstract = True


class Dossier(ApplicantFields, LocalDatesMixin, models.Model):
    LOCAL_DATES = {"received_at": "received_on", "due_at": "due_on", "ended_at": "ended_on"}

    code = models.CharField(_("mã hồ sơ"), max_length=64, unique=True)
    procedure = models.ForeignKey(
        "procedures.Procedure",
        verbose_name=_("thủ tục"),
        on_delete=models.PROTECT,
        related_name="dossiers",
    )
    procedure_version = models.ForeignKey(
        "procedures.ProcedureVersion",
        verbose_name=_("phiên bản thủ tục"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="dossiers",
    )
    # The desk that received it, and the agency competent to settle it (lifecycle.md,
    # "Receiving unit and competent agency"); the current agency is where processing is now.
    receiving_agency = models.ForeignKey(
        "agencies.Agency",
        verbose_name=_("nơi tiếp nhận"),
        on_delete=models.PROTECT,
        related_name="received_dossiers",
    )
    agency = models.ForeignKey(
        "agencies.Agency",
        verbose_name=_("cơ quan giải quyết"),
        on_delete=models.PROTECT,
        related_name="dossiers",
    )
    current_agency = models.ForeignKey(
        "agencies.Agency",
        verbose_name=_("đang xử lý tại"),
        on_delete=models.PROTECT,
        related_name="current_dossiers",
    )
    channel = models.CharField(_("kênh nộp"), max_length=8, choices=Channel.choices)
    state = models.PositiveSmallIntegerField(_("trạng thái"), choices=State.choices)
    outcome = models.CharField(_("kết quả"), max_length=16, choices=Outcome.choices, blank=True)

    sets = models.PositiveSmallIntegerField(_("số bộ hồ sơ"), default=1)
    note = models.TextField(_("ghi chú"), blank=True)

    submitted_at = models.DateTimeField(_("nộp lúc"), null=True, blank=True)
    received_at = models.DateTimeField(_("tiếp nhận lúc"), null=True, blank=True)
    due_at = models.DateTimeField(_("hạn giải quyết"), null=True, blank=True)
    deadline = models.JSONField(_("cách tính hạn"), null=True, blank=True)
    promised_at = models.DateTimeField(_("hẹn lại (phiếu xin lỗi)"), null=True, blank=True)
    ended_at = models.DateTimeField(_("kết thúc xử lý"), null=True, blank=True)
    returned_at = models.DateTimeField(_("trả kết quả lúc"), null=True, blank=True)
    return_method = models.CharField(
        _("hình thức trả"),
        max_length=8,
        choices=ReturnMethod.choices,
        blank=True,
    )
    received_on = models.DateField(null=True, blank=True, editable=False)
    due_on = models.DateField(null=True, blank=True, editable=False)
    ended_on = models.DateField(null=True, blank=True, editable=False)

    components_digitized = models.BooleanField(_("đã số hóa thành phần"), default=False)
    result_digitized = models.BooleanField(_("đã số hóa kết quả"), default=False)
    reused_data = models.BooleanField(_("tái sử dụng dữ liệu"), default=False)
    fee_vnd = models.PositiveBigIntegerField(_("phí, lệ phí (VNĐ)"), default=0)
    paid_at = models.DateTimeField(_("nộp phí lúc"), null=True, blank=True)
    paid_online = models.BooleanField(_("thanh toán trực tuyến"), default=False)
    result_note = models.TextField(_("nội dung kết quả / lý do"), blank=True)
    result_file = models.FileField(_("tệp kết quả"), upload_to="results/%Y/%m/", blank=True)
    # The result as issued: PDF signed by the approver, then sealed by the agency (job
    # ``result_sign``); empty until the job has run.
    result_pdf = models.FileField(
        _("kết quả đã ký số"), upload_to="results/%Y/%m/", blank=True, default=""
    )

    idempotency_key = models.CharField(max_length=64, unique=True, null=True, blank=True)
    # SHA-256 of the submission that used the key: only the same request may replay it.
    idempotency_hash = models.CharField(max_length=64, blank=True, default="")
    # Not stored: True on the dossier ``dossier_submit_online`` returns for a repeated request.
    replayed = False
    # History imported from an earlier system keeps its recorded deadline (never recomputed).
    imported = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["due_at", "id"]
        verbose_name = _("hồ sơ")
        verbose_name_plural = _("hồ sơ")
        indexes = [
            models.Index(fields=["received_on"]),
            models.Index(fields=["ended_on"]),
            models.Index(fields=["agency", "received_on"]),
            models.Index(fields=["current_agency", "state", "due_at"]),
            models.Index(fields=["receiving_agency", "state"]),
            models.Index(fields=["state", "due_at"]),
            # The work list (selectors.work_list): the whole province's in due-date order,
            # stopping after a page; an agency's live dossiers by the competent agency (by
            # the receiving desk and the current agency: the indexes above); the recently
            # resolved by each of the three agencies (docs/dossiers.md, "Work list").
            models.Index(
                fields=["due_at", "id"],
                condition=models.Q(state__in=WORK_LIST_STATES),
                name="dossier_work_list_due",
            ),
            models.Index(
                fields=["agency", "state"],
                condition=models.Q(state__in=LIVE_STATES),
                name="dossier_live_agency",
            ),
            *(
                models.Index(
                    fields=[column, "ended_at"],
                    condition=models.Q(state=State.RESOLVED),
                    name=f"dossier_resolved_{short}",
                )
                for column, short in (
                    ("receiving_agency", "receiving"),
                    ("agency", "agency"),
                    ("current_agency", "current"),
                )
            ),
            # statistics.md §7: the approved dossiers whose components were digitized but not
            # their result, the one two-date term of "digitized" that the rollup cannot hold
            # (reports/selectors/digitization.py); a small set, read from this index alone.
            models.Index(
                fields=["received_on", "ended_on", "agency"],
                condition=models.Q(
                    outcome=Outcome.APPROVED, components_digitized=True, result_digitized=False
                ),
                name="dossier_result_undigitized",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ended_at__isnull=True)
                | models.Q(received_at__isnull=True)
                | models.Q(ended_at__gte=models.F("received_at")),
                name="dossier_ended_after_received",
            ),
            models.CheckConstraint(
                condition=(models.Q(ended_at__isnull=True) & models.Q(outcome=""))
                | (models.Q(ended_at__isnull=False) & ~models.Q(outcome="")),
                name="dossier_outcome_iff_ended",
            ),
        ]

    def __str__(self) -> str:
        return self.code

    @property
    def state_enum(self) -> State:
        return State(self.state)

    def is_overdue(self, now) -> bool:
        """Past its due date and still open (derived; statistics use their own definition)."""
        return bool(
            self.due_at
            and self.state in OPEN_STATES
            and now > self.due_at
            and self.state != State.AWAITING_SUPPLEMENT
        )


class DocumentSequence(models.Model):
    """The last document number an agency used in a year (Decree 30: numbered from 01 on
    1 January), for the numbered slips (apology, stop notice)."""

    agency = models.ForeignKey("agencies.Agency", on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["agency", "year"], name="document_sequence_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.year} #{self.last}"


class DossierSequence(models.Model):
    """The last sequence number used per agency and day, for dossier codes."""

    agency = models.ForeignKey("agencies.Agency", on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["agency", "day"], name="dossier_sequence_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.day:%y%m%d} #{self.last}"


class DossierComponent(models.Model):
    """A document of the dossier: uploaded, scanned at the desk, or reused from earlier data."""

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="components")
    procedure_component = models.ForeignKey(
        "procedures.ProcedureComponent",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    name = models.CharField(_("tên giấy tờ"), max_length=1000)
    originals = models.PositiveSmallIntegerField(_("bản chính"), default=0)
    copies = models.PositiveSmallIntegerField(_("bản sao"), default=0)
    file = models.FileField(_("tệp"), upload_to="dossiers/%Y/%m/", blank=True)
    original_name = models.CharField(max_length=255, blank=True)
    content_type = models.CharField(max_length=100, blank=True)
    size = models.PositiveBigIntegerField(default=0)
    sha256 = models.CharField(max_length=64, blank=True)
    digitized = models.BooleanField(_("đã số hóa"), default=False)
    reused = models.BooleanField(_("tái sử dụng"), default=False)
    reused_from = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # The document of the applicant's electronic data store reused instead of an upload.
    stored_document = models.ForeignKey(
        "datastore.StoredDocument",
        verbose_name=_("giấy tờ trong kho dữ liệu"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    supplement = models.ForeignKey(
        "SupplementRequest",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="components",
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)
    # A scanned image converted to PDF/A by the job ``component_pdf``; the original stays.
    pdfa = models.FileField(_("bản PDF/A"), upload_to="dossiers/%Y/%m/", blank=True, default="")
    # Asked at the counter: "Chứng thực bản sao điện tử từ bản chính" by the intake officer
    # (``certify_by``); ``certified_copy`` is the PDF sealed by the agency once the job ran.
    certify_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    certified_copy = models.FileField(
        _("bản sao điện tử chứng thực"), upload_to="dossiers/%Y/%m/", blank=True, default=""
    )

    class Meta:
        ordering = ["dossier", "id"]
        verbose_name = _("thành phần hồ sơ")
        verbose_name_plural = _("thành phần hồ sơ")

    def __str__(self) -> str:
        return self.name


class ProcessTemplate(models.Model):
    """The internal process (quy trình nội bộ) of a procedure: ordered steps whose budgets add up
    to the procedure's time limit."""

    procedure = models.OneToOneField(
        "procedures.Procedure",
        on_delete=models.CASCADE,
        related_name="process_template",
    )
    # The desk's handover to the settling agency has its own budget (from receipt to transfer);
    # the steps' budgets and this one add up to the procedure's time limit.
    transfer_budget_hours = models.DecimalField(
        _("thời gian chuyển hồ sơ của Bộ phận Một cửa (giờ làm việc)"),
        max_digits=7,
        decimal_places=2,
        default=Decimal("4"),
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("quy trình nội bộ")
        verbose_name_plural = _("quy trình nội bộ")

    def __str__(self) -> str:
        return f"Quy trình {self.procedure.code}"


class ProcessTemplateStep(models.Model):
    template = models.ForeignKey(ProcessTemplate, on_delete=models.CASCADE, related_name="steps")
    order = models.PositiveSmallIntegerField(_("thứ tự"))
    name = models.CharField(_("tên bước"), max_length=255)
    # Empty: the dossier's competent agency (or its receiving desk for desk steps).
    agency = models.ForeignKey(
        "agencies.Agency",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    role = models.CharField(_("vai trò"), max_length=32)
    budget_hours = models.DecimalField(
        _("thời gian (giờ làm việc)"), max_digits=7, decimal_places=2
    )

    class Meta:
        ordering = ["template", "order"]
        constraints = [
            models.UniqueConstraint(fields=["template", "order"], name="template_step_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.order}. {self.name}"


class DossierStep(models.Model):
    """One step of a dossier's processing, with its own deadline (phiếu kiểm soát, Mẫu 05/06)."""

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="steps")
    order = models.PositiveSmallIntegerField()
    name = models.CharField(max_length=255)
    agency = models.ForeignKey("agencies.Agency", on_delete=models.PROTECT, related_name="+")
    role = models.CharField(max_length=32)
    budget_hours = models.DecimalField(max_digits=7, decimal_places=2)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="dossier_steps",
    )
    started_at = models.DateTimeField(null=True, blank=True)
    due_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    finished_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["dossier", "order"]
        constraints = [
            models.UniqueConstraint(fields=["dossier", "order"], name="dossier_step_unique"),
        ]
        indexes = [models.Index(fields=["agency", "finished_at"])]

    def __str__(self) -> str:
        return f"{self.order}. {self.name}"

    @property
    def role_label(self) -> str:
        """The step's role as people read it (the role's own name, translated)."""
        from motcua.accounts.roles import Role

        return str(dict(Role.choices).get(self.role, self.role))

    @property
    def timing(self) -> str:
        """early / on_time / late, comparing the local dates of finish and due like the
        statistics do (statistics.md §2: finished on the due date is on time, whatever the
        hour); empty while open."""
        if not (self.finished_at and self.due_at):
            return ""
        finished, due = timezone.localdate(self.finished_at), timezone.localdate(self.due_at)
        if finished < due:
            return "early"
        return "on_time" if finished == due else "late"


class DossierEvent(AppendOnlyMixin, models.Model):
    """The append-only history of a dossier: every action, who, when, from and to which state."""

    dossier = models.ForeignKey(Dossier, on_delete=models.PROTECT, related_name="events")
    at = models.DateTimeField(default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    actor_label = models.CharField(max_length=64, blank=True)
    action = models.CharField(max_length=32)
    from_state = models.PositiveSmallIntegerField(null=True, blank=True, choices=State.choices)
    to_state = models.PositiveSmallIntegerField(choices=State.choices)
    note = models.TextField(blank=True)
    step_due_at = models.DateTimeField(null=True, blank=True)
    data = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["dossier", "at", "id"]

    def __str__(self) -> str:
        return f"{self.dossier_id} {self.action} {self.at:%Y-%m-%d %H:%M}"


class SupplementRequest(models.Model):
    """A request to supplement (Mẫu 02): the clock is paused from request to supply."""

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="supplements")
    requested_at = models.DateTimeField()
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    reason = models.TextField(_("lý do"), blank=True)
    items = models.TextField(_("nội dung cần bổ sung"), blank=True)
    paused_state = models.PositiveSmallIntegerField(choices=State.choices, null=True, blank=True)
    supplied_at = models.DateTimeField(null=True, blank=True)
    paused_seconds = models.PositiveBigIntegerField(null=True, blank=True)
    # A second (or later) request for the same dossier counts against the agency.
    is_repeat = models.BooleanField(default=False)

    class Meta:
        ordering = ["dossier", "requested_at"]
        indexes = [models.Index(fields=["requested_at", "supplied_at"])]

    def __str__(self) -> str:
        return f"Bổ sung {self.requested_at:%d/%m/%Y}"


class Apology(models.Model):
    """An apology slip (Mẫu 04): a new date promised; the statistics' deadline does not move."""

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="apologies")
    issued_at = models.DateTimeField()
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
    )
    agency = models.ForeignKey("agencies.Agency", on_delete=models.PROTECT, related_name="+")
    reason = models.TextField(_("lý do"))
    new_date = models.DateTimeField(_("hẹn lại"))

    class Meta:
        ordering = ["dossier", "issued_at"]

    def __str__(self) -> str:
        return f"Xin lỗi, hẹn lại {self.new_date:%d/%m/%Y}"


INDICATORS = [
    ("total_time", _("Tổng thời gian giải quyết so với quy định")),
    ("agency_time", _("Thời gian giải quyết của từng cơ quan so với quy định")),
    ("visits", _("Số lần phải liên hệ để hoàn thiện hồ sơ")),
    ("agencies_contacted", _("Số cơ quan phải liên hệ")),
    ("one_stop", _("Thực hiện cơ chế một cửa")),
    ("publicity", _("Công khai thủ tục hành chính")),
    ("attitude", _("Thái độ của cán bộ")),
    ("feedback_handling", _("Tiếp thu, giải trình phản ánh, kiến nghị")),
    ("online", _("Cung cấp dịch vụ công trực tuyến")),
]
# The indicators the applicant scores; the five others are computed (``evaluation_rules``).
SCORED_INDICATORS = [(n, label) for n, label in INDICATORS if n in APPLICANT_INDICATORS]


class EvaluationSource(models.TextChoices):
    APPLICANT = "applicant", _("Người nộp tự đánh giá")
    DESK_ON_BEHALF = "desk_on_behalf", _("Cán bộ ghi thay người nộp")


class Evaluation(models.Model):
    """A rating on the 9 official indicators, 0/1/2 points each.

    Five indicators are computed by the system (``evaluation_rules``) and their facts kept in
    ``computed``; the applicant scores the four others. The applicant's own evaluation and the
    desk's on their behalf are kept apart: at most one of each per dossier. Rows made before
    the indicators were computed have an empty ``computed`` (all nine typed).
    """

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="evaluations")
    at = models.DateTimeField()
    source = models.CharField(
        max_length=16, choices=EvaluationSource.choices, default=EvaluationSource.APPLICANT
    )
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    total_time = models.PositiveSmallIntegerField()
    agency_time = models.PositiveSmallIntegerField()
    visits = models.PositiveSmallIntegerField()
    agencies_contacted = models.PositiveSmallIntegerField()
    one_stop = models.PositiveSmallIntegerField()
    publicity = models.PositiveSmallIntegerField()
    attitude = models.PositiveSmallIntegerField()
    feedback_handling = models.PositiveSmallIntegerField()
    online = models.PositiveSmallIntegerField()
    computed = models.JSONField(default=dict, blank=True)
    comment = models.TextField(blank=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(**{f"{name}__lte": 2 for name, _label in INDICATORS}),
                name="evaluation_points_0_to_2",
            ),
            models.UniqueConstraint(fields=["dossier", "source"], name="evaluation_one_per_source"),
        ]

    def __str__(self) -> str:
        return f"Đánh giá {self.total}/18"

    @property
    def total(self) -> int:
        return sum(getattr(self, name) for name, _label in INDICATORS)

    @property
    def by_applicant(self) -> bool:
        return self.source == EvaluationSource.APPLICANT


class DossierDocument(models.Model):
    """A slip issued for a dossier, stored as produced and never regenerated."""

    dossier = models.ForeignKey(Dossier, on_delete=models.PROTECT, related_name="documents")
    kind = models.CharField(max_length=32)
    form_set = models.CharField(max_length=32)
    form_number = models.CharField(max_length=8)
    title = models.CharField(max_length=255)
    # Số và ký hiệu ("12/TB-STNMT") of a numbered slip; empty for the others.
    number = models.CharField(max_length=64, blank=True, default="")
    docx = models.FileField(upload_to="slips/%Y/%m/", blank=True)
    # The DOCX as composed in the transaction of the act, until the job ``slip_store`` has
    # put it in the file storage: a rolled-back act leaves no file behind.
    content = models.BinaryField(null=True, blank=True, editable=False)
    pdf = models.FileField(upload_to="slips/%Y/%m/", blank=True)
    # The unit that issued the slip (the desk, or the agency at fault for an apology), whose
    # seal signs its PDF; empty on slips issued before signing existed (the dossier's desk).
    agency = models.ForeignKey(
        "agencies.Agency", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # The PDF sealed by the issuing agency (job ``slip_sign``).
    signed_pdf = models.FileField(upload_to="slips/%Y/%m/", blank=True, default="")
    sha256 = models.CharField(max_length=64)
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        ordering = ["dossier", "created_at", "id"]

    def __str__(self) -> str:
        return f"{self.form_number} {self.title}"


class VisitOutcome(models.TextChoices):
    GUIDANCE = "guidance", _("Hướng dẫn bổ sung, hoàn thiện hồ sơ (Mẫu 02)")
    REFUSAL = "refusal", _("Từ chối tiếp nhận hồ sơ (Mẫu 03)")


class CounterVisit(ApplicantFields, models.Model):
    """A visit to the counter that ended without receiving a dossier: the officer guided the
    applicant to complete it (form 02) or refused it (form 03). Recorded with the slip handed
    over, never a dossier: it gets no dossier code and no statistic counts it (statistics.md,
    dossier settlement: only accepted dossiers count)."""

    desk = models.ForeignKey(
        "agencies.Agency",
        verbose_name=_("nơi tiếp nhận"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    agency = models.ForeignKey(
        "agencies.Agency",
        verbose_name=_("cơ quan giải quyết"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    procedure = models.ForeignKey(
        "procedures.Procedure",
        verbose_name=_("thủ tục"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    outcome = models.CharField(_("kết quả"), max_length=16, choices=VisitOutcome.choices)
    # Form 02: what is missing, one item a line; form 03: the reasons, one a line.
    items = models.TextField(_("nội dung cần bổ sung"), blank=True)
    reason = models.TextField(_("lý do"), blank=True)
    at = models.DateTimeField(_("thời gian"))
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("cán bộ"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    # The slip handed over, stored as issued (like ``DossierDocument``).
    form_set = models.CharField(max_length=32)
    form_number = models.CharField(max_length=8)
    title = models.CharField(max_length=255)
    docx = models.FileField(upload_to="slips/%Y/%m/", blank=True)
    content = models.BinaryField(null=True, blank=True, editable=False)  # until stored
    pdf = models.FileField(upload_to="slips/%Y/%m/", blank=True)
    signed_pdf = models.FileField(upload_to="slips/%Y/%m/", blank=True, default="")
    sha256 = models.CharField(max_length=64)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("lượt hướng dẫn, từ chối tại quầy")
        verbose_name_plural = _("lượt hướng dẫn, từ chối tại quầy")
        indexes = [models.Index(fields=["desk", "at"])]

    def __str__(self) -> str:
        return f"{self.get_outcome_display()} {self.applicant_name}"

    @property
    def kind(self) -> str:
        """The slip kind of the visit (``supplement`` for form 02, ``refusal`` for form 03)."""
        return "supplement" if self.outcome == VisitOutcome.GUIDANCE else "refusal"
