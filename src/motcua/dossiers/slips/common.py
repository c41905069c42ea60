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
    """The officer's full name as printed on a slip; never a username (an officer nobody has
    named signs on a blank line)."""
    if user is None:
        return ""
    return getattr(user, "full_name", "") or f"{user.first_name} {user.last_name}".strip()


def leader_signature(unit: Agency, actor=None) -> tuple[str, str, str]:
    """The signature block of a document the agency's leader signs (apology, stop notice):
    the head signs under their own title ("GIÁM ĐỐC"); a deputy signs for the head
    ("KT. GIÁM ĐỐC" over "PHÓ GIÁM ĐỐC"). The signer is the acting officer when they are the
    head or the agency's signing deputy; else the signing deputy, else
    the head; an agency with neither gets a blank block to sign by hand."""
    head, deputy = unit.head, unit.signing_deputy
    head_title = (head.title if head and head.title else "") or "Thủ trưởng cơ quan"
    note = "(Ký, ghi rõ họ tên và đóng dấu)"
    signer = None
    if actor is not None and getattr(actor, "pk", None) in (unit.head_id, unit.signing_deputy_id):
        signer = actor
    signer = signer or deputy or head
    if signer is None:
        return (head_title, note, "")
    if head is not None and signer.pk == head.pk:
        return (head_title, note, person(signer))
    return (f"KT. {head_title}\n{signer.title or 'Phó thủ trưởng'}", note, person(signer))


def addressee(dossier: Dossier) -> str:
    return "quý tổ chức" if dossier.applicant_kind == "organisation" else "ông/bà"


def parent_authority(agency: Agency, province: Province, day: dt.date | None = None) -> str:
    """The authority directly above the issuing unit (Decree 30: tên cơ quan chủ quản): its
    parent agency, else the provincial People's Committee; none for that committee itself.
    Names are those valid on ``day`` (before the 2025 merger, "UBND tỉnh Bình Thuận")."""
    day = day or timezone.localdate()
    if agency.parent_id:
        return agency.parent.name_on(day)
    name = province.name_on(day)
    if agency.kind == AgencyKind.PROVINCE or not name:
        return ""
    return f"UBND tỉnh {name}"


def place(province: Province, unit: Agency | None = None, day: dt.date | None = None) -> str:
    """The place name of the date line: the issuing agency's locality (``Agency.place_name``,
    its own or its nearest parent's, e.g. "Hàm Thuận Bắc"), else ``MOTCUA_SLIP_PLACE`` (the
    town where the offices are, e.g. "Phan Thiết"), else the province's name on ``day``."""
    own = unit.place_on() if unit is not None else ""
    fallback = getattr(settings, "MOTCUA_SLIP_PLACE", "")
    return own or fallback or province.name_on(day or timezone.localdate())


def place_date(province: Province, day: dt.date, unit: Agency | None = None) -> str:
    where = place(province, unit, day)
    when = long_date(day)
    return f"{where}, {when}" if where else when[0].upper() + when[1:]


def start(
    sheet: Sheet,
    *,
    form: Form,
    unit: Agency,
    day: dt.date,
    title: str = "",
    subtitle: str = "",
    number: str = "",
) -> None:
    """Form label, header blocks (names as on ``day``, the number and symbol under the unit),
    place and date, title."""
    province = Province.get()
    sheet.form_label(form.number)
    sheet.header(
        parent=parent_authority(unit, province, day),
        unit=unit.name_on(day),
        place_date=place_date(province, day, unit),
        number=number,
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
