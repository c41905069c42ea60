"""Shows the changes between procedure versions in words a controller reads."""

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _

from motcua.agencies.models import Agency
from motcua.procedures.models import (
    Authority,
    DayUnit,
    Decision,
    Level,
    OnlineLevel,
    Procedure,
    ProcedureStatus,
    ProcedureVersion,
)
from motcua.procedures.selectors import FieldChange, VersionEntry
from motcua.web.templatetags.catalog import format_day_count, format_fee

CHOICES = {
    "level": Level,
    "authority": Authority,
    "day_unit": DayUnit,
    "online_level": OnlineLevel,
    "status": ProcedureStatus,
}
EMPTY = "—"


@dataclass(frozen=True)
class ChangeRow:
    label: str
    before: str
    after: str


@dataclass(frozen=True)
class HistoryEntry:
    version: ProcedureVersion
    rows: list[ChangeRow]


def describe_history(entries: list[VersionEntry]) -> list[HistoryEntry]:
    """Readable labels and values for every change of every version, with one lookup each for
    the agencies and decisions the versions mention."""
    changes = [change for entry in entries for change in entry.changes]
    agencies = _names(Agency, changes, "agency_id", "name")
    decisions = _names(Decision, changes, "decision_id", "number")

    def row(change: FieldChange) -> ChangeRow:
        return ChangeRow(
            label=_label(change.field),
            before=_value(change.field, change.before, agencies, decisions),
            after=_value(change.field, change.after, agencies, decisions),
        )

    return [
        HistoryEntry(version=entry.version, rows=[row(c) for c in entry.changes])
        for entry in entries
    ]


def _names(model, changes: list[FieldChange], field: str, attribute: str) -> dict[Any, str]:
    ids = {value for c in changes if c.field == field for value in (c.before, c.after) if value}
    return dict(model.objects.filter(pk__in=ids).values_list("pk", attribute))


def _label(field: str) -> str:
    if field == "components":
        return _("Thành phần hồ sơ")
    label = str(Procedure._meta.get_field(field.removesuffix("_id")).verbose_name)
    # Not str.capitalize(): it would lowercase abbreviations such as "DVC" and "VNĐ".
    return label[:1].upper() + label[1:]


def _value(field: str, value: Any, agencies: dict, decisions: dict) -> str:
    if field == "processing_days" and value is None:
        return _("Không quy định")
    if value is None or value == "" or value == []:
        return EMPTY
    if field in CHOICES:
        try:
            return str(CHOICES[field](value).label)
        except ValueError:
            return str(value)
    if field == "agency_id":
        return agencies.get(value, f"#{value}")
    if field == "decision_id":
        return decisions.get(value, f"#{value}")
    if field in ("national_portal", "payment_pauses_clock"):
        return _("Có") if value else _("Không")
    if field == "fee_vnd":
        return format_fee(value)
    if field == "processing_days":
        return format_day_count(Decimal(value))
    if field == "components":
        return "\n".join(_component(i, c) for i, c in enumerate(value, start=1))
    return str(value)


def _component(position: int, component: dict[str, Any]) -> str:
    text = _("%(pos)s. %(name)s (%(originals)s bản chính, %(copies)s bản sao%(required)s)") % {
        "pos": position,
        "name": component.get("name", ""),
        "originals": component.get("originals", 0),
        "copies": component.get("copies", 0),
        "required": "" if component.get("required", True) else _(", không bắt buộc"),
    }
    if component.get("form_name"):
        text += f"; {component['form_name']}"
    return text
