"""Administrator exceptions to the working-time calendar.

Public holidays come from the maintained ``holidays`` package (Vietnam, with the lunar dates and
the known day swaps); the government's yearly notice often comes late, so administrators add
exceptions per date here: an extra day off, or a make-up working day.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ExceptionKind(models.TextChoices):
    DAY_OFF = "day_off", _("Ngày nghỉ")
    WORKING_DAY = "working_day", _("Ngày làm việc (làm bù)")


class CalendarException(models.Model):
    date = models.DateField(_("ngày"), unique=True)
    kind = models.CharField(_("loại"), max_length=16, choices=ExceptionKind.choices)
    note = models.CharField(_("lý do"), max_length=255, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["date"]
        verbose_name = _("ngày ngoại lệ")
        verbose_name_plural = _("ngày ngoại lệ")

    def __str__(self) -> str:
        return f"{self.date:%d/%m/%Y} {self.get_kind_display()}"
