"""How the catalog shows a procedure's time limit, fee and implementing agency to a person."""

from decimal import Decimal

from django import template
from django.utils.translation import gettext as _

from motcua.procedures.models import DayUnit, Level, Procedure
from motcua.utils.formatting import vn_number

register = template.Library()


def format_day_count(days: Decimal) -> str:
    """``15.0`` → "15"; ``0.5`` → "0,5" (time limits have at most one decimal)."""
    return vn_number(days, 0 if days == days.to_integral_value() else 1)


def format_days(days: Decimal | None, unit: str) -> str:
    """``15, working`` → "15 ngày làm việc"; ``0.5`` → "0,5 ngày làm việc";
    ``None`` → "Không quy định"."""
    if days is None:
        return _("Không quy định")
    return f"{format_day_count(days)} {DayUnit(unit).label}"


def format_fee(fee_vnd: int | None) -> str:
    """``50000`` → "50.000 đồng"; ``0`` → "Không thu phí"."""
    if not fee_vnd:
        return _("Không thu phí")
    return _("%(amount)s đồng") % {"amount": vn_number(fee_vnd)}


def implementing_agency(procedure: Procedure) -> str:
    """District and commune procedures are done by every district or commune people's committee,
    so the level says more than any single agency."""
    if procedure.level == Level.DISTRICT:
        return _("UBND cấp huyện")
    if procedure.level == Level.COMMUNE:
        return _("UBND cấp xã")
    return procedure.agency.name if procedure.agency_id else _("Chưa xác định")


@register.filter
def processing_time(procedure: Procedure) -> str:
    return format_days(procedure.processing_days, procedure.day_unit)


@register.filter
def day_count(days: Decimal | None) -> str:
    return "" if days is None else format_day_count(days)


@register.filter
def fee(value: int | None) -> str:
    return format_fee(value)


@register.filter(name="implementing_agency")
def implementing_agency_filter(procedure: Procedure) -> str:
    return implementing_agency(procedure)
