"""The electronic handbook of administrative reform (handbook.md): directive documents,
targets and their progress, the province's index results (PAR INDEX, SIPAS, PAPI, PCI), the
reform index of its own agencies, and questions with their answers.

What is derived is not stored: whether a target is late depends on the day it is looked at
(``rules.target_status``); an agency's rank depends on the others' scores of that year. Text
that is searched keeps a folded copy (``utils.text.fold``: lower case, no diacritics) beside it,
so that the database answers "thu tuc dat dai" for "thủ tục đất đai" on PostgreSQL and SQLite
alike.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from motcua.utils.uploads import DOCUMENTS, UploadValidator

EVIDENCE_FILES = (*DOCUMENTS, ".jpg", ".jpeg", ".png")


class DocumentLevel(models.TextChoices):
    CENTRAL = "central", _("Trung ương")
    PROVINCE = "province", _("Tỉnh")


class DocumentKind(models.TextChoices):
    LAW = "law", _("Luật")
    RESOLUTION = "resolution", _("Nghị quyết")
    DECREE = "decree", _("Nghị định")
    DECISION = "decision", _("Quyết định")
    DIRECTIVE = "directive", _("Chỉ thị")
    CIRCULAR = "circular", _("Thông tư")
    PLAN = "plan", _("Kế hoạch")
    OFFICIAL_LETTER = "official_letter", _("Công văn")
    NOTICE = "notice", _("Thông báo")
    REPORT = "report", _("Báo cáo")
    OTHER = "other", _("Khác")


class DocumentStatus(models.TextChoices):
    IN_FORCE = "in_force", _("Còn hiệu lực")
    REPLACED = "replaced", _("Đã được thay thế")
    EXPIRED = "expired", _("Hết hiệu lực")


class Document(models.Model):
    """A directive document of the centre or of the province (văn bản chỉ đạo)."""

    number = models.CharField(_("số, ký hiệu"), max_length=64, unique=True)
    issued_on = models.DateField(_("ngày ban hành"))
    issuer = models.CharField(_("cơ quan ban hành"), max_length=255)
    level = models.CharField(_("cấp ban hành"), max_length=16, choices=DocumentLevel.choices)
    kind = models.CharField(_("loại văn bản"), max_length=16, choices=DocumentKind.choices)
    title = models.CharField(_("trích yếu"), max_length=1000)
    summary = models.TextField(_("tóm tắt nội dung"), blank=True)
    status = models.CharField(
        _("tình trạng"),
        max_length=16,
        choices=DocumentStatus.choices,
        default=DocumentStatus.IN_FORCE,
    )
    file = models.FileField(
        _("tệp văn bản"),
        upload_to="handbook/documents/%Y/",
        blank=True,
        validators=[UploadValidator(DOCUMENTS)],
    )
    # fold(number, issuer, title, summary): what the search reads.
    search_text = models.TextField(editable=False, default="")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-issued_on", "number"]
        verbose_name = _("văn bản chỉ đạo")
        verbose_name_plural = _("văn bản chỉ đạo")
        indexes = [models.Index(fields=["issued_on"]), models.Index(fields=["issuer"])]

    def __str__(self) -> str:
        return self.number


class Target(models.Model):
    """A target or task (chỉ tiêu, nhiệm vụ) of one agency for a year within a phase."""

    code = models.CharField(_("mã"), max_length=64, unique=True)
    agency = models.ForeignKey(
        "agencies.Agency",
        verbose_name=_("cơ quan chủ trì"),
        on_delete=models.PROTECT,
        related_name="handbook_targets",
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    phase = models.CharField(_("giai đoạn"), max_length=16, help_text=_("Ví dụ 2021-2025"))
    title = models.CharField(_("chỉ tiêu, nhiệm vụ"), max_length=1000)
    goal = models.DecimalField(
        _("mục tiêu (số)"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    unit = models.CharField(_("đơn vị tính"), max_length=64, blank=True)
    deadline = models.DateField(_("thời hạn"))
    # Set by the progress report that says the target is met; "late" is never stored.
    done_on = models.DateField(_("ngày hoàn thành"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-year", "agency__name", "deadline", "code"]
        verbose_name = _("chỉ tiêu, nhiệm vụ")
        verbose_name_plural = _("chỉ tiêu, nhiệm vụ")
        indexes = [
            models.Index(fields=["year", "agency"]),
            models.Index(fields=["deadline", "done_on"]),
        ]

    def __str__(self) -> str:
        return f"{self.code}: {self.title}"


class TargetProgress(models.Model):
    """A progress report on a target, with its evidence; appended, never edited."""

    target = models.ForeignKey(Target, on_delete=models.CASCADE, related_name="progress")
    reported_on = models.DateField(_("ngày báo cáo"))
    percent = models.PositiveSmallIntegerField(_("tiến độ (%)"))
    achieved = models.DecimalField(
        _("kết quả đạt được (số)"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    note = models.TextField(_("nội dung, minh chứng"), blank=True)
    evidence = models.FileField(
        _("tệp minh chứng"),
        upload_to="handbook/evidence/%Y/",
        blank=True,
        validators=[UploadValidator(EVIDENCE_FILES)],
    )
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-reported_on", "-id"]
        verbose_name = _("báo cáo tiến độ")
        verbose_name_plural = _("báo cáo tiến độ")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(percent__lte=100), name="handbook_progress_percent_max_100"
            )
        ]

    def __str__(self) -> str:
        return f"{self.target.code} {self.reported_on}: {self.percent}%"


class IndexKind(models.TextChoices):
    PAR = "par", "PAR INDEX"
    SIPAS = "sipas", "SIPAS"
    PAPI = "papi", "PAPI"
    PCI = "pci", "PCI"


class IndexResult(models.Model):
    """The province's result in one national index for one year."""

    index = models.CharField(_("chỉ số"), max_length=8, choices=IndexKind.choices)
    year = models.PositiveSmallIntegerField(_("năm"))
    score = models.DecimalField(_("điểm"), max_digits=7, decimal_places=2)
    rank = models.PositiveSmallIntegerField(_("xếp hạng"), null=True, blank=True)
    rank_of = models.PositiveSmallIntegerField(_("trên tổng số tỉnh"), default=63)
    # Who published the figure (or a clear note that it is illustrative).
    source = models.CharField(_("nguồn"), max_length=500)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["index", "year"]
        verbose_name = _("kết quả chỉ số")
        verbose_name_plural = _("kết quả chỉ số")
        constraints = [
            models.UniqueConstraint(fields=["index", "year"], name="handbook_index_year_unique")
        ]

    def __str__(self) -> str:
        return f"{self.get_index_display()} {self.year}"


class IndexComponent(models.Model):
    """One component (lĩnh vực, trục nội dung, chỉ số thành phần) of an index result."""

    result = models.ForeignKey(IndexResult, on_delete=models.CASCADE, related_name="components")
    position = models.PositiveSmallIntegerField(default=0)
    name = models.CharField(_("thành phần"), max_length=255)
    score = models.DecimalField(_("điểm"), max_digits=7, decimal_places=2)
    maximum = models.DecimalField(
        _("điểm tối đa"), max_digits=7, decimal_places=2, null=True, blank=True
    )

    class Meta:
        ordering = ["result", "position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["result", "name"], name="handbook_component_unique")
        ]

    def __str__(self) -> str:
        return self.name


class AgencyIndexResult(models.Model):
    """The province's own reform index of one of its departments or localities for a year
    (kết quả công bố chỉ số CCHC của các sở, ngành, địa phương). The rank is derived."""

    agency = models.ForeignKey(
        "agencies.Agency",
        verbose_name=_("cơ quan, địa phương"),
        on_delete=models.PROTECT,
        related_name="handbook_index_results",
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    score = models.DecimalField(_("điểm"), max_digits=7, decimal_places=2)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-year", "-score"]
        verbose_name = _("chỉ số CCHC của cơ quan")
        verbose_name_plural = _("chỉ số CCHC của cơ quan")
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "year"], name="handbook_agency_index_year_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.agency} {self.year}"


class QuestionCategory(models.Model):
    name = models.CharField(_("chuyên mục"), max_length=255, unique=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("chuyên mục hỏi - đáp")
        verbose_name_plural = _("chuyên mục hỏi - đáp")

    def __str__(self) -> str:
        return self.name


class QuestionState(models.TextChoices):
    PENDING = "pending", _("Chờ trả lời")
    PUBLISHED = "published", _("Đã trả lời, công khai")
    REJECTED = "rejected", _("Không đăng")


class Question(models.Model):
    """A question and, once an editor answers it, its public answer. Questions asked on the
    site stay hidden until then (moderation)."""

    category = models.ForeignKey(
        QuestionCategory,
        verbose_name=_("chuyên mục"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="questions",
    )
    title = models.CharField(_("câu hỏi"), max_length=500)
    body = models.TextField(_("nội dung câu hỏi"), blank=True)
    # Who asked: shown by name only; the e-mail address is for the editors.
    asker_name = models.CharField(_("người hỏi"), max_length=255, blank=True)
    asker_email = models.EmailField(_("thư điện tử"), blank=True)
    asked_at = models.DateTimeField(_("hỏi lúc"))
    answer = models.TextField(_("trả lời"), blank=True)
    answered_at = models.DateTimeField(_("trả lời lúc"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    state = models.CharField(
        _("trạng thái"),
        max_length=16,
        choices=QuestionState.choices,
        default=QuestionState.PENDING,
    )
    # fold(title, body, answer): what the search reads.
    search_text = models.TextField(editable=False, default="")

    class Meta:
        ordering = ["-answered_at", "-asked_at"]
        verbose_name = _("câu hỏi")
        verbose_name_plural = _("câu hỏi - đáp")
        indexes = [models.Index(fields=["state", "answered_at"])]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(state="published")
                | models.Q(answered_at__isnull=False) & ~models.Q(answer=""),
                name="handbook_published_question_has_answer",
            )
        ]

    def __str__(self) -> str:
        return self.title
