"""Template filters for Vietnamese formats:
{{ n|vn_number }}, {{ r|vn_percent }}, {{ d|vn_date }}."""

from django import template

from motcua.utils import formatting

register = template.Library()


@register.filter
def vn_number(value, places=0):
    if value is None or value == "":
        return ""
    return formatting.vn_number(value, int(places))


@register.filter
def vn_percent(value, places=2):
    if value is None or value == "":
        return ""
    return formatting.vn_percent(value, int(places))


@register.filter
def vn_date(value):
    return formatting.vn_date(value) if value else ""


@register.filter
def vn_datetime(value):
    return formatting.vn_datetime(value) if value else ""
