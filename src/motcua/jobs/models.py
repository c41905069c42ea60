"""The job queue: side effects (notifications, portal synchronisation, slips, deadline
recomputation, exports) written in the same transaction as the change that causes them and
run later by ``motcua worker`` (ADR 0009)."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class JobStatus(models.TextChoices):
    QUEUED = "queued", _("Chờ chạy")
    RUNNING = "running", _("Đang chạy")
    DONE = "done", _("Đã xong")
    DEAD = "dead", _("Lỗi, đã dừng thử lại")


class Job(models.Model):
    name = models.CharField(_("công việc"), max_length=100)
    queue = models.CharField(_("hàng đợi"), max_length=32, default="default")
    kwargs = models.JSONField(default=dict)
    # Jobs with the same key waiting at once are one job (a burst of changes to one dossier
    # is one synchronisation of its latest state).
    key = models.CharField(max_length=200, blank=True, default="")
    status = models.CharField(
        _("trạng thái"), max_length=8, choices=JobStatus.choices, default=JobStatus.QUEUED
    )
    attempts = models.PositiveIntegerField(_("số lần chạy"), default=0)
    max_attempts = models.PositiveIntegerField(default=10)
    run_after = models.DateTimeField(_("chạy từ"), default=timezone.now)
    # The worker running it and until when it holds it; a job whose lease ran out (its worker
    # was killed) is taken again by another worker.
    worker = models.CharField(max_length=64, blank=True)
    lease_until = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(_("lỗi gần nhất"), blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-id"]
        verbose_name = _("công việc nền")
        verbose_name_plural = _("công việc nền")
        indexes = [
            models.Index(fields=["status", "run_after"]),
            models.Index(fields=["status", "lease_until"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["key"],
                condition=models.Q(status="queued") & ~models.Q(key=""),
                name="job_one_queued_per_key",
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} #{self.pk} ({self.status})"
