"""Reads of the procedure catalog: search and filters, version history, shortening savings."""

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import (
    Case,
    DecimalField,
    ExpressionWrapper,
    F,
    IntegerField,
    Q,
    QuerySet,
    Sum,
    Value,
    When,
)

from motcua.agencies.models import Agency, AgencyKind
from motcua.procedures.models import (
    Procedure,
    ProcedureStatus,
    ProcedureVersion,
    Shortening,
)
from motcua.utils.text import fold, vn_sorted

# statistics.md §6: each working day saved is 8 hours of the applicant's time.
HOURS_PER_WORKING_DAY = 8


def procedure_search(
    *,
    query: str = "",
    level: str | None = None,
    field: str | None = None,
    agency: int | None = None,
    online_level: str | None = None,
    include_abolished: bool = False,
    ranked: bool = False,
) -> QuerySet[Procedure]:
    """Procedures matching ``query`` and the filters, ordered by code (``ranked``: exact
    matches of the code or name first, then those whose code or name starts with the query,
    then the others, each group by code: the desk's suggestions).

    The query is folded (lowercase, no diacritics) and split into words; a procedure matches
    when every word occurs in its ``search_text`` (folded code, name and field), so
    "dang ky khai sinh" and "đăng ký khai sinh" find the same procedures. Plain ``contains``
    lookups work the same on SQLite and PostgreSQL because both sides are already folded.
    """
    procedures = Procedure.objects.select_related("agency", "decision")
    if not include_abolished:
        procedures = procedures.filter(status=ProcedureStatus.ACTIVE)
    for word in fold(query or "").split():
        procedures = procedures.filter(search_text__contains=word)
    if level:
        procedures = procedures.filter(level=level)
    if field:
        procedures = procedures.filter(field=field)
    if agency:
        procedures = procedures.filter(agency_id=agency)
    if online_level:
        procedures = procedures.filter(online_level=online_level)
    text = (query or "").strip()
    if ranked and text:
        folded = fold(text)
        procedures = procedures.annotate(
            rank=Case(
                When(Q(code__iexact=text) | Q(name__iexact=text), then=Value(0)),
                When(
                    Q(code__istartswith=text)
                    | Q(name__istartswith=text)
                    | Q(search_text__startswith=folded),
                    then=Value(1),
                ),
                default=Value(2),
                output_field=IntegerField(),
            )
        )
        return procedures.order_by("rank", "code")
    return procedures.order_by("code")


def catalog_fields() -> list[str]:
    """The distinct fields (lĩnh vực) of active procedures, for the field filter, in
    Vietnamese alphabetical order."""
    return vn_sorted(
        Procedure.objects.filter(status=ProcedureStatus.ACTIVE)
        .exclude(field="")
        .values_list("field", flat=True)
        .distinct()
        .order_by()
    )


def catalog_agencies() -> list[Agency]:
    """Departments that implement at least one active procedure, for the agency filter, in
    Vietnamese alphabetical order."""
    return vn_sorted(
        Agency.objects.filter(
            kind=AgencyKind.DEPARTMENT, procedures__status=ProcedureStatus.ACTIVE
        ).distinct(),
        key=lambda agency: agency.name,
    )


@dataclass(frozen=True)
class FieldChange:
    field: str
    before: Any
    after: Any


@dataclass(frozen=True)
class VersionEntry:
    version: ProcedureVersion
    # Empty for the first version: there is nothing to compare it with.
    changes: list[FieldChange]


# Fields added to the snapshots later: what an older snapshot without them meant.
SNAPSHOT_DEFAULTS: dict[str, Any] = {"payment_pauses_clock": False, "result_document_kind": ""}


def snapshot_changes(before: dict[str, Any], after: dict[str, Any]) -> list[FieldChange]:
    """The fields whose values differ between two version snapshots, in ``after``'s order."""
    keys = list(after) + [k for k in before if k not in after]

    def value(snapshot: dict[str, Any], key: str) -> Any:
        return snapshot.get(key, SNAPSHOT_DEFAULTS.get(key))

    return [
        FieldChange(field=key, before=value(before, key), after=value(after, key))
        for key in keys
        if value(before, key) != value(after, key)
    ]


def procedure_history(*, procedure: Procedure) -> list[VersionEntry]:
    """The versions of ``procedure``, newest first, each with what changed from the one before."""
    versions = list(procedure.versions.order_by("number"))
    entries = []
    previous: ProcedureVersion | None = None
    for version in versions:
        changes = snapshot_changes(previous.snapshot, version.snapshot) if previous else []
        entries.append(VersionEntry(version=version, changes=changes))
        previous = version
    entries.reverse()
    return entries


def shortening_list(*, hourly_cost_vnd: int) -> QuerySet[Shortening]:
    """Shortenings annotated with ``saving_vnd``, the annual saving of statistics.md §6:
    (days_before − days_after) × 8 × hourly_cost_vnd × annual_dossiers."""
    saving = ExpressionWrapper(
        (F("days_before") - F("days_after"))
        * Value(HOURS_PER_WORKING_DAY * hourly_cost_vnd, output_field=DecimalField())
        * F("annual_dossiers"),
        output_field=DecimalField(max_digits=24, decimal_places=1),
    )
    return (
        Shortening.objects.select_related("procedure", "decision")
        .annotate(saving_vnd=saving)
        .order_by("-decision__date", "decision__number", "procedure__code")
    )


def shortening_total_saving(*, hourly_cost_vnd: int) -> Decimal:
    """The sum of ``saving_vnd`` over all shortenings."""
    total = shortening_list(hourly_cost_vnd=hourly_cost_vnd).aggregate(total=Sum("saving_vnd"))
    return total["total"] or Decimal(0)
