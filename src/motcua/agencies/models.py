"""The province's organisation: agencies (cơ quan, đơn vị) and their tree."""

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AgencyKind(models.TextChoices):
    PROVINCE = "province", _("UBND tỉnh")
    DEPARTMENT = "department", _("Sở, ban, ngành")
    DISTRICT = "district", _("Cấp huyện")
    COMMUNE = "commune", _("Cấp xã")
    OTHER = "other", _("Khác")


class ProvinceUnit(models.Model):
    """A province whose agencies this instance holds (đơn vị hành chính cấp tỉnh): the one it
    serves, and, after a merger (since 1 July 2025 Lâm Đồng took in Bình Thuận and Đắk Nông),
    each former province, with the province it merged into and the day. An instance that
    never merged has one. docs/merged-province.md."""

    code = models.CharField(_("mã tỉnh"), max_length=16, unique=True)
    name = models.CharField(_("tên tỉnh"), max_length=128)
    merged_into = models.ForeignKey(
        "self",
        verbose_name=_("sáp nhập vào"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="merged_from",
    )
    merged_on = models.DateField(_("ngày sáp nhập"), null=True, blank=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("tỉnh (trước và sau sáp nhập)")
        verbose_name_plural = _("tỉnh (trước và sau sáp nhập)")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(merged_into__isnull=True, merged_on__isnull=True)
                | models.Q(merged_into__isnull=False, merged_on__isnull=False),
                name="province_unit_merged_with_date",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Agency(models.Model):
    """An agency with its identification code (mã định danh).

    Reorganisations deactivate an agency and name its successor; records keep pointing at the
    agency as it was, so history stays true. ``province_unit``: the province (former or
    current) it belongs to, from the package that brought it (docs/merged-province.md).
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
    province_unit = models.ForeignKey(
        ProvinceUnit,
        verbose_name=_("thuộc tỉnh"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="agencies",
    )
    # Office hours (giờ làm việc); the working-time calendar counts only these.
    morning_start = models.TimeField(_("sáng từ"), default=dt.time(7, 0))
    morning_end = models.TimeField(_("sáng đến"), default=dt.time(11, 30))
    afternoon_start = models.TimeField(_("chiều từ"), default=dt.time(13, 30))
    afternoon_end = models.TimeField(_("chiều đến"), default=dt.time(17, 0))
    # What the agency's documents print (Decree 30/2020/NĐ-CP): the place name of the date line
    # ("Phan Thiết, ngày …"), the abbreviation in document symbols ("Số: 12/TB-STNMT"), and who
    # signs: the head, or the deputy signing on the head's behalf ("KT. GIÁM ĐỐC").
    place_name = models.CharField(
        _("địa danh"),
        max_length=100,
        blank=True,
        help_text=_("Địa danh ghi trên văn bản, ví dụ: Phan Thiết."),
    )
    symbol = models.CharField(
        _("chữ viết tắt tên cơ quan"),
        max_length=32,
        blank=True,
        help_text=_("Dùng trong ký hiệu văn bản, ví dụ: STNMT."),
    )
    head = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("thủ trưởng"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    signing_deputy = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("cấp phó ký thay"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

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

    def name_on(self, day: dt.date) -> str:
        """The agency's name as it was on ``day`` (``AgencyName``), else its current name."""
        return _name_on(self.names.all(), day) or self.name

    def place_on(self) -> str:
        """The place name of its documents: its own, else the nearest ancestor's."""
        agency: Agency | None = self
        while agency is not None:
            if agency.place_name:
                return agency.place_name
            agency = agency.parent
        return ""


def _name_on(names, day: dt.date) -> str:
    for entry in names:
        if (entry.valid_from is None or entry.valid_from <= day) and (
            entry.valid_to is None or day <= entry.valid_to
        ):
            return entry.name
    return ""


class AgencyName(models.Model):
    """A name an agency bore for a period (renamings and mergers): documents print the name
    valid on their date; days no row covers use the agency's current name."""

    agency = models.ForeignKey(
        Agency, verbose_name=_("cơ quan"), on_delete=models.CASCADE, related_name="names"
    )
    name = models.CharField(_("tên"), max_length=255)
    valid_from = models.DateField(_("từ ngày"), null=True, blank=True)
    valid_to = models.DateField(_("đến ngày"), null=True, blank=True)

    class Meta:
        ordering = ["agency", "valid_from"]
        verbose_name = _("tên cơ quan theo thời gian")
        verbose_name_plural = _("tên cơ quan theo thời gian")

    def __str__(self) -> str:
        return self.name


class ProvinceName(models.Model):
    """A name the province bore for a period (e.g. until the 2025 merger)."""

    name = models.CharField(_("tên tỉnh"), max_length=128)
    valid_from = models.DateField(_("từ ngày"), null=True, blank=True)
    valid_to = models.DateField(_("đến ngày"), null=True, blank=True)

    class Meta:
        ordering = ["valid_from"]
        verbose_name = _("tên tỉnh theo thời gian")
        verbose_name_plural = _("tên tỉnh theo thời gian")

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

    def name_on(self, day: dt.date) -> str:
        """The province's name on ``day`` (``ProvinceName``), else its current name."""
        return _name_on(ProvinceName.objects.all(), day) or self.name

    @classmethod
    def get(cls) -> "Province":
        obj, _created = cls.objects.get_or_create(pk=1)
        return obj
