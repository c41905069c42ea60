"""Wording shared by the slips and sheets: Vietnamese dates and times, time limits, the agency
block and the place name of the header."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.conf import settings
from django.utils import timezone

from motcua.agencies.models import Agency, AgencyKind, Province
from motcua.dossiers.models import Dossier, ReturnMethod
from motcua.dossiers.slips.forms import Form
from motcua.dossiers.workflow import Channel
from motcua.procedures.models import DayUnit
from motcua.utils.formatting import vn_date, vn_number
from motcua.utils.official_layout import Sheet


def local(instant: dt.datetime) -> dt.datetime:
    return timezone.localtime(instant) if timezone.is_aware(instant) else instant


def long_date(day: dt.date) -> str:
    """``ngày 05 tháng 3 năm 2024``: Decree 30 pads days below 10 and the months 1 and 2."""
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"


def clock(instant: dt.datetime | None) -> str:
    """``08 giờ 15 phút, ngày 05/03/2024`` in local time."""
    if instant is None:
        return ""
    moment = local(instant)
    return f"{moment:%H} giờ {moment:%M} phút, ngày {vn_date(moment)}"


def stacked(instant: dt.datetime | None) -> str:
    """``08:15`` over ``05/03/2024`` (local time): narrow table columns keep the date whole."""
    if instant is None:
        return ""
    moment = local(instant)
    return f"{moment:%H:%M}\n{vn_date(moment)}"


def time_limit(dossier: Dossier) -> str:
    """The statutory time of the procedure version the dossier is bound to: ``10 ngày làm
    việc``; ``0,5 ngày làm việc``."""
    version = dossier.procedure_version
    days = version.processing_days if version else dossier.procedure.processing_days
    unit = version.day_unit if version else dossier.procedure.day_unit
    if days is None:
        return "Không quy định thời hạn"
    days = Decimal(days)
    places = 0 if days == days.to_integral_value() else 1
    return f"{vn_number(days, places)} {DayUnit(unit).label}"


def person(user) -> str:
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()


def addressee(dossier: Dossier) -> str:
    return "quý tổ chức" if dossier.applicant_kind == "organisation" else "ông/bà"


def parent_authority(agency: Agency, province: Province) -> str:
    """The authority directly above the issuing unit (Decree 30: tên cơ quan chủ quản): its
    parent agency, else the provincial People's Committee; none for that committee itself."""
    if agency.parent_id:
        return agency.parent.name
    if agency.kind == AgencyKind.PROVINCE or not province.name:
        return ""
    return f"UBND tỉnh {province.name}"


def place(province: Province) -> str:
    """The place name of the date line: ``MOTCUA_SLIP_PLACE`` (the town where the offices
    are, e.g. "Phan Thiết"), else the province's name."""
    return getattr(settings, "MOTCUA_SLIP_PLACE", "") or province.name


def place_date(province: Province, day: dt.date) -> str:
    where = place(province)
    when = long_date(day)
    return f"{where}, {when}" if where else when[0].upper() + when[1:]


def start(
    sheet: Sheet, *, form: Form, unit: Agency, day: dt.date, title: str = "", subtitle: str = ""
) -> None:
    """Form label, header blocks, place and date, title."""
    province = Province.get()
    sheet.form_label(form.number)
    sheet.header(
        parent=parent_authority(unit, province),
        unit=unit.name,
        place_date=place_date(province, day),
    )
    sheet.title(title or form.title, subtitle=subtitle)


def collection_place(dossier: Dossier) -> str:
    """Where the applicant collects the result: the method chosen, else by the channel."""
    desk = dossier.receiving_agency.name
    method = dossier.return_method or {
        Channel.ONLINE: ReturnMethod.ONLINE,
        Channel.POSTAL: ReturnMethod.POSTAL,
    }.get(dossier.channel, ReturnMethod.DESK)
    if method == ReturnMethod.ONLINE:
        return f"Trực tuyến trên Cổng Dịch vụ công hoặc tại Bộ phận Một cửa - {desk}"
    if method == ReturnMethod.POSTAL:
        address = dossier.applicant_address
        return "Qua dịch vụ bưu chính" + (f" (địa chỉ: {address})" if address else "")
    return f"Bộ phận Một cửa - {desk}"
