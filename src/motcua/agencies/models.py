"""The province's organisation: agencies (cơ quan, đơn vị) and their tree."""

import datetime as dt

from django.db import models
from django.utils.translation import gettext_lazy as _


class AgencyKind(models.TextChoices):
    PROVINCE = "province", _("UBND tỉnh")
    DEPARTMENT = "department", _("Sở, ban, ngành")
    DISTRICT = "district", _("Cấp huyện")
    COMMUNE = "commune", _("Cấp xã")
    OTHER = "other", _("Khác")


class Agency(models.Model):
    """An agency with its identification code (mã định danh).

    Reorganisations deactivate an agency and name its successor; records keep pointing at the
    agency as it was, so history stays true.
    """

    code = models.CharField(_("mã định danh"), max_length=64, unique=True)
    name = models.CharField(_("tên"), max_length=255)
    kind = models.CharField(_("loại"), max_length=16, choices=AgencyKind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("trực thuộc"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    is_active = models.BooleanField(_("đang hoạt động"), default=True)
    successor = models.ForeignKey(
        "self",
        verbose_name=_("đơn vị kế thừa"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="predecessors",
    )
    deactivated_on = models.DateField(_("ngày ngừng hoạt động"), null=True, blank=True)
    # Office hours (giờ làm việc); the working-time calendar counts only these.
    morning_start = models.TimeField(_("sáng từ"), default=dt.time(7, 0))
    morning_end = models.TimeField(_("sáng đến"), default=dt.time(11, 30))
    afternoon_start = models.TimeField(_("chiều từ"), default=dt.time(13, 30))
    afternoon_end = models.TimeField(_("chiều đến"), default=dt.time(17, 0))

    class Meta:
        ordering = ["code"]
        verbose_name = _("cơ quan, đơn vị")
        verbose_name_plural = _("cơ quan, đơn vị")
        indexes = [models.Index(fields=["kind", "is_active"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(morning_start__lt=models.F("morning_end"))
                & models.Q(morning_end__lte=models.F("afternoon_start"))
                & models.Q(afternoon_start__lt=models.F("afternoon_end")),
                name="agency_office_hours_ordered",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Province(models.Model):
    """The province this installation serves (settings.csv of the data package). One row."""

    name = models.CharField(_("tên tỉnh"), max_length=128, default="")
    code = models.CharField(_("mã tỉnh"), max_length=16, default="")
    hourly_cost_vnd = models.PositiveIntegerField(
        _("giá trị một giờ công của người dân (VNĐ)"),
        default=0,
        help_text=_("Dùng để ước tính chi phí tiết kiệm khi rút ngắn thời gian giải quyết."),
    )

    class Meta:
        verbose_name = _("tỉnh")
        verbose_name_plural = _("tỉnh")

    def __str__(self) -> str:
        return self.name

    @classmethod
    def get(cls) -> "Province":
        obj, _created = cls.objects.get_or_create(pk=1)
        return obj
