"""Background exports of the reports: a durable job table the worker runs (``motcua worker``).

Large lists (the records behind a figure) and the annual report take too long for a web request;
the page records an ``ExportJob``, the worker writes the file and moves ``progress`` towards
100, and the page polls until the file is there. Only the officer who asked may download it.

User-facing names are Vietnamese strings, not yet marked for translation: the English catalog
(locale/) is kept by the i18n work and would fail on untranslated new entries.
"""

import datetime as dt

from django.conf import settings
from django.db import models

# An export running for longer than this lost its worker (killed, restarted): run it again.
EXPORT_LEASE = dt.timedelta(hours=1)
MAX_ATTEMPTS = 3


class ExportKind(models.TextChoices):
    RECORDS = "records", "Danh sách bản ghi của chỉ tiêu"
    ANNUAL = "annual", "Báo cáo năm"


class ExportFormat(models.TextChoices):
    CSV = "csv", "CSV"
    XLSX = "xlsx", "Excel (XLSX)"
    DOCX = "docx", "Word (DOCX)"


class ExportStatus(models.TextChoices):
    PENDING = "pending", "Đang chờ"
    RUNNING = "running", "Đang thực hiện"
    DONE = "done", "Hoàn thành"
    FAILED = "failed", "Lỗi"


class ExportJob(models.Model):
    kind = models.CharField("loại", max_length=16, choices=ExportKind.choices)
    fmt = models.CharField("định dạng", max_length=8, choices=ExportFormat.choices)
    # What to export: for records {"figure", "from", "to", "agency", "by", "key"}; for the
    # annual report {"year"}. Dates ISO, agency by code: the job must not depend on row ids
    # that a reorganisation could change.
    params = models.JSONField("tham số", default=dict)
    title = models.CharField("tên", max_length=500, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người yêu cầu",
        on_delete=models.CASCADE,
        related_name="export_jobs",
    )
    status = models.CharField(
        "trạng thái", max_length=16, choices=ExportStatus.choices, default=ExportStatus.PENDING
    )
    progress = models.PositiveSmallIntegerField("tiến độ (%)", default=0)
    attempts = models.PositiveSmallIntegerField("số lần chạy", default=0)
    file = models.FileField("tệp", upload_to="exports/%Y/%m/", blank=True)
    filename = models.CharField("tên tệp tải về", max_length=255, blank=True)
    error = models.TextField("lỗi", blank=True)
    created_at = models.DateTimeField("tạo lúc", auto_now_add=True)
    started_at = models.DateTimeField("bắt đầu lúc", null=True, blank=True)
    finished_at = models.DateTimeField("xong lúc", null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "yêu cầu xuất dữ liệu"
        verbose_name_plural = "yêu cầu xuất dữ liệu"
        indexes = [
            models.Index(fields=["status", "created_at"]),
            models.Index(fields=["requested_by", "created_at"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(progress__lte=100), name="export_job_progress_at_most_100"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} #{self.pk} ({self.get_status_display()})"

    @property
    def is_finished(self) -> bool:
        return self.status in (ExportStatus.DONE, ExportStatus.FAILED)


class SettlementCount(models.Model):
    """Counts behind form 06 (statistics.md §2) per competent agency and day (``grain`` "D")
    or reporting month (``grain`` "M": from the 15th to the 14th, ``day`` is its first day),
    kept exact by database triggers on the dossiers (``reports/rollups.py``), never written by
    Python. Only accepted dossiers count.

    - ``received*``: received on the day, in all and by channel;
    - ``ended_*``: ended on the day, by the category of its end (date(ended) against date(due));
    - ``overdue_from``: dossiers that become overdue on the day, max(date(received),
      date(due) + 1), among those with a due date that are still open or ended late;
    - ``new_*``, ``approved*``: the linear counts of digitization (statistics.md §7).
    """

    agency_id = models.IntegerField()
    grain = models.CharField(max_length=1)
    day = models.DateField()
    received = models.IntegerField(default=0)
    received_online = models.IntegerField(default=0)
    received_direct = models.IntegerField(default=0)
    received_postal = models.IntegerField(default=0)
    ended_early = models.IntegerField(default=0)
    ended_on_time = models.IntegerField(default=0)
    ended_late = models.IntegerField(default=0)
    overdue_from = models.IntegerField(default=0)
    # statistics.md §7, on date(received): received with components digitized, with reused
    # data, paid online; on date(ended): approved, approved with its result digitized.
    new_components = models.IntegerField(default=0)
    new_reused = models.IntegerField(default=0)
    new_paid = models.IntegerField(default=0)
    approved = models.IntegerField(default=0)
    approved_result = models.IntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["agency_id", "grain", "day"], name="settlement_count_key"
            )
        ]
        indexes = [models.Index(fields=["grain", "day"], name="settlement_count_day")]

    def __str__(self) -> str:
        return f"{self.agency_id} {self.grain} {self.day}"
