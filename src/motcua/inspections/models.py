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
