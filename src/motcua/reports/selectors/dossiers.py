"""Dossier settlement figures (form 06, tình hình, kết quả giải quyết TTHC): statistics.md §2,
in the shape of the §9 ``dossiers`` object.

Every figure is a conditional aggregate over one set of rows, the dossiers *received* in the
period (new + carried over), so the whole form is one query, a breakdown is one grouped query,
and the drill-down of a figure (``form06_records``) filters the same rows with the same
condition: a figure and its records cannot disagree.

Dates are the local date columns ``received_on`` / ``due_on`` / ``ended_on`` ("date of X" is the
local date, §1), which the database can answer from their indexes. Supplement requests keep only
instants: "requested on or before T" is ``requested_at`` before 00:00 local of T+1.
"""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, NamedTuple

from django.db.models import (
    Case,
    Count,
    F,
    IntegerField,
    Max,
    Q,
    QuerySet,
    Value,
    When,
)

from motcua.agencies.models import Agency
from motcua.agencies.selectors import agency_descendant_ids
from motcua.dossiers.models import Dossier, SupplementRequest
from motcua.dossiers.workflow import Channel
from motcua.procedures.models import Level
from motcua.reports.selectors.catalog import percentage
from motcua.utils.periods import Period

# The §9 ``dossiers`` object: group → figure keys, in the order of the form.
FORM06_KEYS: dict[str, tuple[str, ...]] = {
    "received": ("total", "carried_over", "new", "new_online", "new_direct", "new_postal"),
    "resolved": ("total", "early", "on_time", "late"),
    "in_process": ("total", "within_deadline", "overdue"),
}
FIGURES: tuple[str, ...] = tuple(
    f"{group}.{key}" for group, keys in FORM06_KEYS.items() for key in keys
)
BREAKDOWNS = ("agency", "level", "field", "procedure")
NO_FIELD_LABEL = "(Chưa xác định lĩnh vực)"


class BreakdownRow(NamedTuple):
    """One row of a breakdown: its key (agency code, level, field or procedure code), the label a
    person reads, and its §9 ``dossiers`` object."""

    key: str
    label: str
    figures: dict[str, dict[str, int]]


# --- the rows and the conditions -------------------------------------------------------------


def accepted_dossiers() -> QuerySet[Dossier]:
    """Only accepted dossiers count (§2): submitted (1) and rejected (3) were never received."""
    return Dossier.objects.filter(received_on__isnull=False)


def received_dossiers(
    period: Period, *, agency: Agency | None = None, include_children: bool = True
) -> QuerySet[Dossier]:
    """§2 received = new + carried over: date(received) ≤ T and not ended before F.

    This is the WHERE clause of every form 06 query, written so that the database can use the
    indexes on ``received_on`` and ``ended_on``; the figures are conditions inside it. A dossier
    ends after it is received (a check constraint), so a dossier new in [F, T] never ended
    before F and the ended condition only ever removes old dossiers.
    """
    rows = accepted_dossiers().filter(
        Q(received_on__lte=period.end) & (Q(ended_on__isnull=True) | Q(ended_on__gte=period.start))
    )
    if agency is not None:
        ids = agency_descendant_ids(agency) if include_children else {agency.pk}
        rows = rows.filter(agency_id__in=ids)
    return rows


def open_supplement(period: Period) -> Q:
    """§2: a supplement request of the dossier open at the end of T: requested on or before T
    and not supplied by the end of T (the clock is paused while the applicant supplements).

    Written as ``pk IN (dossiers with such a request)``, not as a correlated EXISTS: the
    database computes the small set once and hashes it, instead of probing the requests for
    every dossier (which also made PostgreSQL's cost estimate, and so its JIT, explode).
    """
    _lower, after_end = period.instant_bounds()
    paused = SupplementRequest.objects.filter(
        Q(requested_at__lt=after_end)
        & (Q(supplied_at__isnull=True) | Q(supplied_at__gte=after_end))
    )
    return Q(pk__in=paused.values("dossier_id"))


def form06_conditions(period: Period) -> dict[str, Q]:
    """The §2 condition of every figure, over ``received_dossiers(period)`` (keys: ``FIGURES``).

    - new: date(received) in [F, T], split by channel online / direct / postal;
    - carried over: date(received) < F (the rows already exclude those ended before F);
    - resolved: date(ended) in [F, T], whatever the outcome; early: date(ended) < date(due);
      on time: date(ended) = date(due) or no due date; late: date(ended) > date(due);
    - in process: not ended by T (no end, or date(ended) > T); within deadline: date(due) ≥ T,
      or no due date, or a supplement request open at the end of T; overdue: every other.
    """
    first, last = period.start, period.end
    new = Q(received_on__gte=first, received_on__lte=last)
    resolved = Q(ended_on__gte=first, ended_on__lte=last)
    in_process = Q(ended_on__isnull=True) | Q(ended_on__gt=last)
    no_due = Q(due_on__isnull=True)
    paused = open_supplement(period)
    return {
        "received.total": Q(),
        "received.carried_over": Q(received_on__lt=first),
        "received.new": new,
        "received.new_online": new & Q(channel=Channel.ONLINE),
        "received.new_direct": new & Q(channel=Channel.DIRECT),
        "received.new_postal": new & Q(channel=Channel.POSTAL),
        "resolved.total": resolved,
        "resolved.early": resolved & Q(ended_on__lt=F("due_on")),
        "resolved.on_time": resolved & (Q(ended_on=F("due_on")) | no_due),
        "resolved.late": resolved & Q(ended_on__gt=F("due_on")),
        "in_process.total": in_process,
        # The subquery last: the database only runs it for dossiers past their due date.
        "in_process.within_deadline": in_process & (Q(due_on__gte=last) | no_due | paused),
        "in_process.overdue": in_process & Q(due_on__lt=last) & ~paused,
    }


def _aggregates(period: Period) -> dict[str, Count]:
    return {
        _alias(key): Count("pk", filter=q) if q else Count("pk")
        for key, q in form06_conditions(period).items()
    }


def _nest(counts: dict[str, Any]) -> dict[str, dict[str, int]]:
    return {
        group: {key: counts[_alias(f"{group}.{key}")] or 0 for key in keys}
        for group, keys in FORM06_KEYS.items()
    }


def _alias(figure: str) -> str:
    # Aggregate aliases cannot hold dots: "received.new" → "received_new".
    return figure.replace(".", "_")


# --- the whole ---------------------------------------------------------------------------------


def form06(
    period: Period, *, agency: Agency | None = None, include_children: bool = True
) -> dict[str, dict[str, int]]:
    """statistics.md §2, exactly the §9 ``dossiers`` object, in one query.

    ``agency``: only dossiers whose competent agency is it (and, with ``include_children``,
    any agency below it).
    """
    rows = received_dossiers(period, agency=agency, include_children=include_children)
    return _nest(rows.aggregate(**_aggregates(period)))


def form06_rates(figures: dict[str, dict[str, int]]) -> dict[str, float]:
    """The rates shown beside form 06 (§2), in percent with two decimals, half up; 0.0 when
    there is nothing to divide:

    - ``on_time_rate`` = (early + on time) / resolved;
    - ``online_share`` = new online / new.
    """
    resolved, received = figures["resolved"], figures["received"]
    return {
        "on_time_rate": percentage(resolved["early"] + resolved["on_time"], resolved["total"]),
        "online_share": percentage(received["new_online"], received["new"]),
    }


# --- breakdowns --------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Grouping:
    """How a breakdown groups: the expression grouped on, and key/label of each group value."""

    expression: Any
    describe: Callable[[dict[str, Any]], tuple[str, str]]
    sort_key: Callable[[BreakdownRow], Any]
    # Filter of the rows of one group, for the drill-down.
    members: Callable[[str], Q]


def _agency_units(agency: Agency | None) -> tuple[dict[int, set[int]], dict[int, Agency]]:
    """The units of the breakdown by agency (§2 "by agency, with its children").

    Under each scope root (``agency``, or every agency without a parent): the root itself, for
    the dossiers it settles directly, and each of its children with everything below the child
    rolled up (a district with its communes). Returns unit pk → agency pks counted in it, and
    the agencies by pk. Reads the agency tree (small) in one query.
    """
    agencies = {a.pk: a for a in Agency.objects.only("pk", "parent_id", "code", "name")}
    children: dict[int | None, list[int]] = {}
    for a in agencies.values():
        children.setdefault(a.parent_id, []).append(a.pk)

    def subtree(pk: int) -> set[int]:
        ids, frontier = {pk}, [pk]
        while frontier:
            frontier = [c for p in frontier for c in children.get(p, ()) if c not in ids]
            ids.update(frontier)
        return ids

    roots = [agency.pk] if agency is not None else children.get(None, [])
    units: dict[int, set[int]] = {}
    for root in roots:
        units[root] = {root}
        for child in children.get(root, ()):
            units[child] = subtree(child)
    return units, agencies


def _by_agency(agency: Agency | None) -> _Grouping:
    units, agencies = _agency_units(agency)
    codes = {agencies[pk].code: pk for pk in units}
    expression = Case(
        *(When(agency_id__in=members, then=Value(unit)) for unit, members in units.items()),
        output_field=IntegerField(),
    )

    def describe(row: dict[str, Any]) -> tuple[str, str]:
        unit = agencies[row["group"]]
        return unit.code, unit.name

    def members(key: str) -> Q:
        return Q(agency_id__in=units[codes[key]]) if key in codes else Q(pk__in=[])

    return _Grouping(expression, describe, lambda row: row.key, members)


_LEVEL_ORDER = {level.value: i for i, level in enumerate(Level)}


def _by_level(agency: Agency | None) -> _Grouping:
    return _Grouping(
        F("procedure__level"),
        lambda row: (row["group"], str(Level(row["group"]).label)),
        lambda row: _LEVEL_ORDER.get(row.key, len(_LEVEL_ORDER)),
        lambda key: Q(procedure__level=key),
    )


def _by_field(agency: Agency | None) -> _Grouping:
    return _Grouping(
        F("procedure__field"),
        lambda row: (row["group"], row["group"] or NO_FIELD_LABEL),
        lambda row: (row.key == "", row.key),
        lambda key: Q(procedure__field=key),
    )


def _by_procedure(agency: Agency | None) -> _Grouping:
    return _Grouping(
        F("procedure__code"),
        lambda row: (row["group"], row["procedure__name"]),
        lambda row: row.key,
        lambda key: Q(procedure__code=key),
    )


_GROUPINGS: dict[str, Callable[[Agency | None], _Grouping]] = {
    "agency": _by_agency,
    "level": _by_level,
    "field": _by_field,
    "procedure": _by_procedure,
}


def _grouping(by: str, agency: Agency | None) -> _Grouping:
    try:
        return _GROUPINGS[by](agency)
    except KeyError:
        raise ValueError(
            f"Không có cách phân tổ {by!r} (chọn {', '.join(BREAKDOWNS)}) / "
            f"Unknown breakdown {by!r} (choose {', '.join(BREAKDOWNS)})"
        ) from None


def form06_breakdown(
    period: Period, by: str, *, agency: Agency | None = None
) -> list[BreakdownRow]:
    """Form 06 by ``agency`` (competent agency, children rolled up: see ``_agency_units``),
    ``level``, ``field`` or ``procedure``, in one grouped query with the conditional aggregates
    of ``form06``; only groups with at least one received dossier. The rows add up to
    ``form06(period, agency=agency)``.
    """
    grouping = _grouping(by, agency)
    extra = ("procedure__name",) if by == "procedure" else ()
    counts = (
        received_dossiers(period, agency=agency)
        .annotate(group=grouping.expression)
        .values("group", *extra)
        .annotate(**_aggregates(period))
        .order_by()
    )
    rows = [BreakdownRow(*grouping.describe(row), _nest(row)) for row in counts]
    return sorted(rows, key=grouping.sort_key)


def form06_total(rows: list[BreakdownRow]) -> dict[str, dict[str, int]]:
    """The sum of breakdown rows (equals ``form06`` for the whole: §2)."""
    return {
        group: {key: sum(row.figures[group][key] for row in rows) for key in keys}
        for group, keys in FORM06_KEYS.items()
    }


# --- drill-down --------------------------------------------------------------------------------


def form06_records(
    figure: str,
    period: Period,
    *,
    agency: Agency | None = None,
    include_children: bool = True,
    by: str | None = None,
    key: str | None = None,
) -> QuerySet[Dossier]:
    """The dossiers behind a figure of form 06, named by its §9 key path (``FIGURES``:
    ``received.total``, ``received.carried_over``, …, ``in_process.overdue``); ``.count()``
    equals the figure. With ``by`` and ``key``: the dossiers behind that figure in one row of
    ``form06_breakdown(period, by, agency=agency)``.
    """
    conditions = form06_conditions(period)
    if figure not in conditions:
        raise KeyError(
            f"Không có chỉ tiêu {figure!r} / Unknown figure {figure!r}; known: {', '.join(FIGURES)}"
        )
    rows = received_dossiers(period, agency=agency, include_children=include_children)
    if (by is None) != (key is None):
        raise ValueError("Cần cả by và key / by and key go together")
    if by is not None and key is not None:
        rows = rows.filter(_grouping(by, agency).members(key))
    return rows.filter(conditions[figure])


def latest_received_on() -> dt.date | None:
    """The last day a dossier was received on (None without any): the dashboards open on the
    latest period that has data (issue #8 §5)."""
    return Dossier.objects.filter(received_on__isnull=False).aggregate(last=Max("received_on"))[
        "last"
    ]
