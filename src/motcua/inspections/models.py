"""Inspections (kiểm tra) of procedure control and one-stop work at the province's agencies:
planned ones, from the approved plan of a year, and surprise ones.

The statistics (statistics.md §8) need the agency, whether it was planned (and for which plan
year) and the date it took place; "done" is derived from that date, never stored. The fields of
the later workflow (the plan's notice, the team, the findings) are free text for now.

Natural key (inspections.csv has no code column): a planned inspection is the plan year's
inspection of an agency, ``(agency, planned, plan_year)``; a surprise one is the agency's
inspection on a date, ``(agency, planned, inspected_on)``. Both are unique in the database, so
an inspection carried out later (``inspected_on`` filled in) is the same record, not a new one.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Inspection(models.Model):
    agency = models.ForeignKey(
        "agencies.Agency",
        verbose_name=_("cơ quan được kiểm tra"),
        on_delete=models.PROTECT,
        related_name="inspections",
    )
    planned = models.BooleanField(
        _("theo kế hoạch"), help_text=_("Bỏ chọn nếu là kiểm tra đột xuất.")
    )
    plan_year = models.PositiveSmallIntegerField(_("kế hoạch năm"), null=True, blank=True)
    inspected_on = models.DateField(
        _("ngày kiểm tra"), null=True, blank=True, help_text=_("Để trống nếu chưa kiểm tra.")
    )
    # The notice or plan it belongs to, e.g. "Thông báo số 95/TB-VP ngày 05/9/2024".
    plan_reference = models.CharField(_("kế hoạch, thông báo"), max_length=255, blank=True)
    team = models.TextField(_("đoàn kiểm tra"), blank=True)
    findings = models.TextField(_("kết quả kiểm tra"), blank=True)
    notes = models.TextField(_("ghi chú"), blank=True)
    # Recorded in this system (issue #11): the plan a planned inspection belongs to (imported
    # history has none), its quarter; the decision that ordered a surprise inspection.
    plan = models.ForeignKey(
        "inspections.InspectionPlan",
        verbose_name=_("kế hoạch"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="inspections",
    )
    quarter = models.PositiveSmallIntegerField(
        _("quý"), null=True, blank=True, choices=[(q, str(q)) for q in range(1, 5)]
    )
    decision_number = models.CharField(_("số quyết định kiểm tra"), max_length=64, blank=True)
    decision_date = models.DateField(_("ngày quyết định"), null=True, blank=True)
    decision_file = models.FileField(
        _("văn bản quyết định"), upload_to="inspections/decisions/%Y/", blank=True
    )

    # History imported from an earlier system (inspections.csv).
    imported = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-plan_year", "inspected_on", "id"]
        verbose_name = _("kiểm tra")
        verbose_name_plural = _("kiểm tra")
        indexes = [
            models.Index(fields=["planned", "plan_year"]),
            models.Index(fields=["planned", "inspected_on"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(planned=False) | models.Q(plan_year__isnull=False),
                name="inspection_planned_has_plan_year",
            ),
            # A surprise inspection exists because it took place.
            models.CheckConstraint(
                condition=models.Q(planned=True) | models.Q(inspected_on__isnull=False),
                name="inspection_surprise_has_date",
            ),
            # A plan's inspection is a planned one of the plan's year (services keep plan_year).
            models.CheckConstraint(
                condition=models.Q(plan__isnull=True) | models.Q(planned=True),
                name="inspection_plan_is_planned",
            ),
            models.UniqueConstraint(
                fields=["agency", "plan_year"],
                condition=models.Q(planned=True),
                name="inspection_planned_unique",
            ),
            models.UniqueConstraint(
                fields=["agency", "inspected_on"],
                condition=models.Q(planned=False),
                name="inspection_surprise_unique",
            ),
        ]

    def __str__(self) -> str:
        when = self.inspected_on.isoformat() if self.inspected_on else "—"
        kind = f"KH {self.plan_year}" if self.planned else "đột xuất"
        return f"{self.agency} ({kind}, {when})"

    @property
    def is_done(self) -> bool:
        return self.inspected_on is not None


# ---- the yearly plan and its follow-up (issue #11) --------------------------------------------

PLAN_FILES = (".pdf", ".docx")
ATTACHMENT_FILES = (".pdf", ".docx", ".doc", ".xlsx", ".xls", ".jpg", ".jpeg", ".png")


class InspectionPlan(models.Model):
    """The approved inspection plan of a year: the decision that approved it and, through
    ``Inspection.plan``, the agencies to inspect (quarter and team on each inspection).
    statistics.md §8 still reads ``Inspection.plan_year``, which the services keep equal to
    ``plan.year``."""

    year = models.PositiveSmallIntegerField(_("năm kế hoạch"), unique=True)
    decision_number = models.CharField(_("số quyết định phê duyệt"), max_length=64)
    decision_date = models.DateField(_("ngày ban hành"))
    decision_signer = models.CharField(_("người ký (họ tên, chức vụ)"), max_length=255)
    decision_file = models.FileField(
        _("văn bản quyết định"), upload_to="inspections/plans/%Y/", blank=True
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-year"]
        verbose_name = _("kế hoạch kiểm tra")
        verbose_name_plural = _("kế hoạch kiểm tra")

    def __str__(self) -> str:
        return f"{self.year} ({self.decision_number})"


class TeamMember(models.Model):
    """A member of an inspection's team, by full name and title; one of them heads it."""

    inspection = models.ForeignKey(Inspection, on_delete=models.CASCADE, related_name="members")
    full_name = models.CharField(_("họ và tên"), max_length=255)
    title = models.CharField(_("chức vụ, đơn vị"), max_length=255)
    is_head = models.BooleanField(_("trưởng đoàn"), default=False)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["-is_head", "order", "pk"]
        verbose_name = _("thành viên đoàn kiểm tra")
        verbose_name_plural = _("thành viên đoàn kiểm tra")
        constraints = [
            models.UniqueConstraint(
                fields=["inspection"], condition=models.Q(is_head=True), name="team_one_head"
            )
        ]

    def __str__(self) -> str:
        return f"{self.full_name}, {self.title}"


class AttachmentKind(models.TextChoices):
    MINUTES = "minutes", _("Biên bản kiểm tra")
    REPORT = "report", _("Báo cáo, kết luận kiểm tra")
    OTHER = "other", _("Tài liệu khác")


class InspectionAttachment(models.Model):
    inspection = models.ForeignKey(Inspection, on_delete=models.CASCADE, related_name="attachments")
    kind = models.CharField(_("loại tài liệu"), max_length=16, choices=AttachmentKind.choices)
    file = models.FileField(_("tệp"), upload_to="inspections/attachments/%Y/")
    uploaded_by = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["uploaded_at", "pk"]
        verbose_name = _("tài liệu kiểm tra")
        verbose_name_plural = _("tài liệu kiểm tra")

    def __str__(self) -> str:
        return self.filename

    @property
    def filename(self) -> str:
        return (self.file.name or "").rsplit("/", 1)[-1]


class RecommendationState(models.TextChoices):
    OPEN = "open", _("Chưa thực hiện")
    REPORTED = "reported", _("Đã báo cáo, chờ xác nhận")
    DONE = "done", _("Đã thực hiện")


class Recommendation(models.Model):
    """A recommendation (kiến nghị) of an inspection to its agency or a unit of it, with a due
    date. The owner reports what was done (``RecommendationReport``); the provincial office
    accepts the report (done) or reopens it. "Late" and "closed" are derived (rules.py)."""

    inspection = models.ForeignKey(
        Inspection, on_delete=models.PROTECT, related_name="recommendations"
    )
    text = models.TextField(_("nội dung kiến nghị"))
    owner = models.ForeignKey(
        "agencies.Agency",
        verbose_name=_("đơn vị thực hiện"),
        on_delete=models.PROTECT,
        related_name="inspection_recommendations",
    )
    due_on = models.DateField(_("hạn thực hiện"))
    state = models.CharField(
        _("trạng thái"),
        max_length=16,
        choices=RecommendationState.choices,
        default=RecommendationState.OPEN,
    )
    # The day the owner reports the work done (its latest report), while reported or done.
    completed_on = models.DateField(_("ngày hoàn thành"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["due_on", "pk"]
        verbose_name = _("kiến nghị")
        verbose_name_plural = _("kiến nghị")
        indexes = [models.Index(fields=["state", "due_on"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(state="open", completed_on__isnull=True)
                | (~models.Q(state="open") & models.Q(completed_on__isnull=False)),
                name="recommendation_completed_when_reported",
            )
        ]

    def __str__(self) -> str:
        return self.text[:80]


class RecommendationReport(models.Model):
    """The owner's report of what was done (appended, never edited), and the office's answer
    to it (accepted, or reopened with a reason)."""

    recommendation = models.ForeignKey(
        Recommendation, on_delete=models.CASCADE, related_name="reports"
    )
    text = models.TextField(_("kết quả thực hiện"))
    done_on = models.DateField(_("ngày hoàn thành"))
    evidence = models.FileField(
        _("tài liệu chứng minh"), upload_to="inspections/evidence/%Y/", blank=True
    )
    reported_by = models.ForeignKey(
        "accounts.User", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    reported_at = models.DateTimeField(auto_now_add=True)
    accepted = models.BooleanField(null=True)
    answer = models.TextField(_("ý kiến của Văn phòng"), blank=True)
    answered_by = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["reported_at", "pk"]
        verbose_name = _("báo cáo thực hiện kiến nghị")
        verbose_name_plural = _("báo cáo thực hiện kiến nghị")

    def __str__(self) -> str:
        return f"{self.recommendation_id}: {self.done_on.isoformat()}"

    @property
    def evidence_name(self) -> str:
        return (self.evidence.name or "").rsplit("/", 1)[-1]
