"""The procedure catalog (danh mục TTHC): procedures, their versions and components,
publication decisions and shortenings of processing time."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from motcua.utils.uploads import DOCUMENTS, UploadValidator

# What a decision's attached text may be.
DECISION_FILES = (".pdf", ".docx")


class Level(models.TextChoices):
    PROVINCE = "province", _("Cấp tỉnh")
    DISTRICT = "district", _("Cấp huyện")
    COMMUNE = "commune", _("Cấp xã")


class Authority(models.TextChoices):
    CENTRAL = "central", _("Trung ương quy định")
    LOCAL = "local", _("Địa phương quy định")


class DayUnit(models.TextChoices):
    WORKING = "working", _("ngày làm việc")
    CALENDAR = "calendar", _("ngày")


class OnlineLevel(models.TextChoices):
    FULL = "full", _("Toàn trình")
    PARTIAL = "partial", _("Một phần")
    NONE = "none", _("Cung cấp thông tin")


class ProcedureStatus(models.TextChoices):
    ACTIVE = "active", _("Đang áp dụng")
    ABOLISHED = "abolished", _("Đã bãi bỏ")


class DecisionKind(models.TextChoices):
    PUBLICATION = "publication", _("Quyết định công bố")
    REGULATION = "regulation", _("Văn bản QPPL có quy định TTHC")
    OTHER = "other", _("Quyết định khác")


class Decision(models.Model):
    number = models.CharField(_("số, ký hiệu"), max_length=64, unique=True)
    date = models.DateField(_("ngày ban hành"))
    kind = models.CharField(_("loại"), max_length=16, choices=DecisionKind.choices)
    title = models.CharField(_("trích yếu"), max_length=500, blank=True)
    file = models.FileField(
        _("tệp đính kèm"),
        upload_to="decisions/%Y/",
        blank=True,
        validators=[UploadValidator(DECISION_FILES)],
    )

    class Meta:
        ordering = ["-date", "number"]
        verbose_name = _("quyết định")
        verbose_name_plural = _("quyết định")
        indexes = [models.Index(fields=["kind", "date"])]

    def __str__(self) -> str:
        return self.number


class DocumentKind(models.TextChoices):
    """Kinds of documents an applicant holds (and the electronic data store keeps): a component
    of a procedure asks for one of them, a stored document is one of them; matching kinds are
    what makes a stored document reusable (docs/datastore.md)."""

    ID_CARD = "id_card", _("Căn cước / Căn cước công dân")
    PASSPORT = "passport", _("Hộ chiếu")
    BIRTH_CERTIFICATE = "birth_certificate", _("Giấy khai sinh")
    MARRIAGE_CERTIFICATE = "marriage_certificate", _("Giấy chứng nhận kết hôn")
    MARITAL_STATUS = "marital_status", _("Giấy xác nhận tình trạng hôn nhân")
    LAND_USE_CERTIFICATE = "land_use_certificate", _("Giấy chứng nhận quyền sử dụng đất")
    BUSINESS_REGISTRATION = "business_registration", _("Giấy chứng nhận đăng ký doanh nghiệp")
    DRIVING_LICENCE = "driving_licence", _("Giấy phép lái xe")
    DIPLOMA = "diploma", _("Bằng tốt nghiệp")
    CONSTRUCTION_PERMIT = "construction_permit", _("Giấy phép xây dựng")
    RESULT = "result", _("Kết quả giải quyết thủ tục hành chính")
    OTHER = "other", _("Giấy tờ khác")


class Procedure(models.Model):
    """A procedure as currently in force. Every amendment is kept in ``ProcedureVersion``."""

    code = models.CharField(_("mã thủ tục"), max_length=64, unique=True)
    name = models.CharField(_("tên thủ tục"), max_length=1000)
    level = models.CharField(_("cấp thực hiện"), max_length=16, choices=Level.choices)
    field = models.CharField(_("lĩnh vực"), max_length=255, blank=True, db_index=True)
    authority = models.CharField(_("thẩm quyền quy định"), max_length=16, choices=Authority.choices)
    agency = models.ForeignKey(
        "agencies.Agency",
        verbose_name=_("cơ quan thực hiện"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="procedures",
    )
    processing_days = models.DecimalField(
        _("thời hạn giải quyết"),
        max_digits=6,
        decimal_places=1,
        null=True,
        blank=True,
    )
    day_unit = models.CharField(
        _("đơn vị thời hạn"),
        max_length=16,
        choices=DayUnit.choices,
        default=DayUnit.WORKING,
    )
    online_level = models.CharField(
        _("mức độ dịch vụ công trực tuyến"),
        max_length=16,
        choices=OnlineLevel.choices,
        default=OnlineLevel.NONE,
    )
    national_portal = models.BooleanField(_("tích hợp Cổng DVC quốc gia"), default=False)
    # Land and similar procedures: the time the applicant takes to pay fees or taxes (nghĩa vụ
    # tài chính) is not counted in the time limit; the clock pauses like for a supplement.
    payment_pauses_clock = models.BooleanField(
        _("thời gian thực hiện nghĩa vụ tài chính không tính vào thời hạn"), default=False
    )
    fee_vnd = models.PositiveBigIntegerField(_("phí, lệ phí (VNĐ)"), default=0)
    # The kind of document its result is (a construction permit, a birth certificate): the
    # result goes into the applicant's electronic data store as that kind, and later
    # procedures asking for it take it from there (docs/datastore.md). Empty: "a result".
    result_document_kind = models.CharField(
        _("loại giấy tờ của kết quả"),
        max_length=32,
        blank=True,
        default="",
        choices=DocumentKind.choices,
    )
    status = models.CharField(
        _("trạng thái"),
        max_length=16,
        choices=ProcedureStatus.choices,
        default=ProcedureStatus.ACTIVE,
    )
    decision = models.ForeignKey(
        Decision,
        verbose_name=_("quyết định công bố"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="procedures",
    )
    steps = models.TextField(_("trình tự thực hiện"), blank=True)
    submission_methods = models.TextField(_("cách thức thực hiện"), blank=True)
    legal_basis = models.TextField(_("căn cứ pháp lý"), blank=True)
    result = models.TextField(_("kết quả thực hiện"), blank=True)
    requirements = models.TextField(_("yêu cầu, điều kiện"), blank=True)
    # Lowercase, without diacritics: what catalog search matches against.
    search_text = models.TextField(editable=False, default="")
    version = models.PositiveIntegerField(_("phiên bản"), default=1)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("thủ tục hành chính")
        verbose_name_plural = _("thủ tục hành chính")
        indexes = [
            models.Index(fields=["status", "level"]),
            models.Index(fields=["status", "online_level"]),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    @property
    def result_kind(self) -> str:
        """The kind its results are stored as in the applicant's data store."""
        return self.result_document_kind or DocumentKind.RESULT


class ProcedureComponent(models.Model):
    """A component of the dossier (thành phần hồ sơ) a procedure asks for."""

    procedure = models.ForeignKey(Procedure, on_delete=models.CASCADE, related_name="components")
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    name = models.CharField(_("tên giấy tờ"), max_length=1000)
    originals = models.PositiveSmallIntegerField(_("số bản chính"), default=1)
    copies = models.PositiveSmallIntegerField(_("số bản sao"), default=0)
    required = models.BooleanField(_("bắt buộc"), default=True)
    form_name = models.CharField(_("mẫu đơn, tờ khai"), max_length=255, blank=True)
    form_file = models.FileField(
        _("tệp mẫu"), upload_to="forms/", blank=True, validators=[UploadValidator(DOCUMENTS)]
    )
    # The kind of document asked for: a valid document of that kind in the applicant's
    # electronic data store may be reused instead of an upload. Empty: no reuse possible.
    document_kind = models.CharField(
        _("loại giấy tờ (tái sử dụng)"),
        max_length=32,
        choices=DocumentKind.choices,
        blank=True,
        default="",
    )

    class Meta:
        ordering = ["procedure", "order", "id"]
        verbose_name = _("thành phần hồ sơ")
        verbose_name_plural = _("thành phần hồ sơ")

    def __str__(self) -> str:
        return self.name


class ProcedureVersion(models.Model):
    """An immutable snapshot of a procedure as it was from ``valid_from`` on.

    Dossiers point to the version they were received under, so amending a procedure never
    changes the rules of a dossier already received.
    """

    procedure = models.ForeignKey(Procedure, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveIntegerField(_("phiên bản"))
    valid_from = models.DateTimeField(_("áp dụng từ"))
    decision = models.ForeignKey(
        Decision,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    processing_days = models.DecimalField(max_digits=6, decimal_places=1, null=True, blank=True)
    day_unit = models.CharField(max_length=16, choices=DayUnit.choices)
    fee_vnd = models.PositiveBigIntegerField(default=0)
    snapshot = models.JSONField(_("nội dung"))

    class Meta:
        ordering = ["procedure", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["procedure", "number"], name="procedure_version_unique"
            ),
        ]
        verbose_name = _("phiên bản thủ tục")
        verbose_name_plural = _("phiên bản thủ tục")

    def __str__(self) -> str:
        return f"{self.procedure.code} v{self.number}"


class Shortening(models.Model):
    """A procedure whose processing time the province shortened (rút ngắn thời gian)."""

    procedure = models.ForeignKey(Procedure, on_delete=models.PROTECT, related_name="shortenings")
    decision = models.ForeignKey(Decision, on_delete=models.PROTECT, related_name="shortenings")
    days_before = models.DecimalField(_("thời hạn trước (ngày)"), max_digits=6, decimal_places=1)
    days_after = models.DecimalField(_("thời hạn sau (ngày)"), max_digits=6, decimal_places=1)
    annual_dossiers = models.PositiveIntegerField(_("số hồ sơ/năm"))

    class Meta:
        ordering = ["decision", "procedure"]
        verbose_name = _("TTHC rút ngắn thời gian")
        verbose_name_plural = _("TTHC rút ngắn thời gian")
        constraints = [
            models.UniqueConstraint(fields=["procedure", "decision"], name="shortening_unique"),
            models.CheckConstraint(
                condition=models.Q(days_after__lt=models.F("days_before")),
                name="shortening_days_after_lt_before",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.procedure.code}: {self.days_before} → {self.days_after}"
