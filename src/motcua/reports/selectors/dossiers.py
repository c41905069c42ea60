"""Dossier settlement figures (form 06, tình hình, kết quả giải quyết TTHC): statistics.md §2,
in the shape of the §9 ``dossiers`` object.

Every figure is a conditional aggregate over one set of rows, the dossiers *received* in the
period (new + carried over), so the whole form is one query, a breakdown is one grouped query,
and the drill-down of a figure (``form06_records``) filters the same rows with the same
condition: a figure and its records cannot disagree.

Dates are the local date columns ``received_on`` / ``due_on`` / ``ended_on`` ("date of X" is the
local date, §1), which the database can answer from their indexes. Supplement requests keep only
instants: "requested on or before T" is ``requested_at`` before 00:00 local of T+1.

``form06`` and the breakdown by agency add up the rollup (``SettlementCount``: counts per agency
and day or reporting month, kept by triggers, ``reports/rollups.py``) instead of reading every
dossier of the period: with R(<d) the accepted dossiers received before day d and E(<d) those
ended before d (a dossier ends after it is received),

- new (by channel) = received in [F, T]; carried over = R(<F) − E(<F); resolved early / on time
  / late = ended in [F, T] by the category of their end; in process = R(≤T) − E(≤T);
- overdue (§2: in process, date(due) < T, no supplement request open at T) = the dossiers
  overdue at T without regard to supplements, O(≤T) − L(≤T) with O counted on the day a dossier
  with a due date, open or ended late, becomes overdue (max(date(received), date(due) + 1)) and
  L the late ends, less those of them paused at T, counted from the few requests open at T;
  within deadline = in process − overdue.

``form06_direct`` is the same form counted from the dossiers, as the drill-down lists them: a
property test holds the two equal. The breakdowns by level, field and procedure count the
dossiers (a rollup by procedure would hold about as many rows as there are dossiers).
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
    Sum,
    Value,
    When,
)

from motcua.agencies.models import Agency
from motcua.agencies.selectors import agency_descendant_ids
from motcua.dossiers.models import Dossier, SupplementRequest
from motcua.dossiers.workflow import Channel
from motcua.procedures.models import Level
from motcua.reports.models import SettlementCount
from motcua.reports.selectors.catalog import percentage
from motcua.utils.periods import CUT_DAY, Period

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
    return Q(pk__in=open_supplement_requests(period).values("dossier_id"))


def open_supplement_requests(period: Period) -> QuerySet[SupplementRequest]:
    """The supplement requests open at the end of T (``open_supplement``)."""
    _lower, after_end = period.instant_bounds()
    return SupplementRequest.objects.filter(
        Q(requested_at__lt=after_end)
        & (Q(supplied_at__isnull=True) | Q(supplied_at__gte=after_end))
    )


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
    """statistics.md §2, exactly the §9 ``dossiers`` object, from the rollup (module docstring):
    three small queries, whatever the length of the period.

    ``agency``: only dossiers whose competent agency is it (and, with ``include_children``,
    any agency below it).
    """
    ids = agency_ids(agency, include_children)
    (sums,) = rollup_sums([period], ids)
    paused = _paused_overdue(period, ids).count()
    return _from_sums(sums, paused)


def form06_direct(
    period: Period, *, agency: Agency | None = None, include_children: bool = True
) -> dict[str, dict[str, int]]:
    """``form06`` counted from the dossiers, in one query: the conditions of
    ``form06_conditions`` over ``received_dossiers``, exactly as ``form06_records`` lists them."""
    rows = received_dossiers(period, agency=agency, include_children=include_children)
    return _nest(rows.aggregate(**_aggregates(period)))


def form06_flows(
    periods: list[Period], *, agency: Agency | None = None
) -> list[dict[str, dict[str, int]]]:
    """The ``received`` and ``resolved`` groups of form 06 (§2) for each of ``periods`` (the
    monthly trend of a dashboard), from one query: the rollup's rows those periods read,
    summed over the agencies by day or month (a few hundred rows), then added up per period."""
    ids = agency_ids(agency, True)
    parts = [
        (_spans(None, period.start - dt.timedelta(days=1)), _spans(period.start, period.end))
        for period in periods
    ]
    read = Q(pk__in=[])
    for period in periods:
        read |= _days(None, period.start - dt.timedelta(days=1)) | _days(period.start, period.end)
    rows = SettlementCount.objects.filter(read)
    if ids is not None:
        rows = rows.filter(agency_id__in=ids)
    totals: list[dict[str, Any]] = [
        dict(row)
        for row in rows.values("grain", "day")
        .annotate(**{name: Sum(name) for name in _WITHIN})
        .order_by()
    ]
    result = []
    for before, within in parts:
        sums = dict.fromkeys([f"b_{name}" for name in _BEFORE] + [f"w_{n}" for n in _WITHIN], 0)
        for row in totals:
            for prefix, names, spans in (("b_", _BEFORE, before), ("w_", _WITHIN, within)):
                if _in_spans(spans, row["grain"], row["day"]):
                    for name in names:
                        sums[prefix + name] += row[name]
        figures = _from_sums(sums, 0)
        result.append({group: figures[group] for group in ("received", "resolved")})
    return result


# --- the rollup --------------------------------------------------------------------------------

_BEFORE = ("received", "ended_early", "ended_on_time", "ended_late", "overdue_from")
_WITHIN = (
    "received",
    "received_online",
    "received_direct",
    "received_postal",
    "ended_early",
    "ended_on_time",
    "ended_late",
    "overdue_from",
    "new_components",
    "new_reused",
    "new_paid",
    "approved",
    "approved_result",
)


def agency_ids(agency: Agency | None, include_children: bool) -> set[int] | None:
    if agency is None:
        return None
    return agency_descendant_ids(agency) if include_children else {agency.pk}


def _month_start(day: dt.date) -> dt.date:
    """First day of the reporting month (the 15th to the 14th) holding ``day``."""
    if day.day >= CUT_DAY:
        return day.replace(day=CUT_DAY)
    previous = day.replace(day=1) - dt.timedelta(days=1)
    return previous.replace(day=CUT_DAY)


def _next_month(start: dt.date) -> dt.date:
    return (start.replace(day=28) + dt.timedelta(days=7)).replace(day=CUT_DAY)


# A run of rollup rows: (grain, first day or None for "from the beginning", last day).
_Span = tuple[str, dt.date | None, dt.date]


def _spans(first: dt.date | None, last: dt.date) -> list[_Span]:
    """The runs of rollup rows that add up to the days [first, last] (``first`` None: every
    day up to ``last``), each day once: the reporting months that lie wholly inside from the
    monthly rows, the days at either end from the daily rows."""
    if first is None:
        lo = None
    else:
        lo = first if _month_start(first) == first else _next_month(_month_start(first))
    hi = _month_start(last + dt.timedelta(days=1))  # months before it end by ``last``
    if first is not None and lo is not None and lo >= hi:
        return [("D", first, last)]
    spans: list[_Span] = [("M", lo, hi - dt.timedelta(days=1))]
    if first is not None and lo is not None and first < lo:
        spans.append(("D", first, lo - dt.timedelta(days=1)))
    if hi <= last:
        spans.append(("D", hi, last))
    return spans


def _days(first: dt.date | None, last: dt.date) -> Q:
    """``_spans`` as a filter of the rollup."""
    q = Q(pk__in=[])
    for grain, lo, hi in _spans(first, last):
        q |= Q(grain=grain, day__lte=hi) if lo is None else Q(grain=grain, day__range=(lo, hi))
    return q


def _in_spans(spans: list[_Span], grain: str, day: dt.date) -> bool:
    return any(g == grain and (lo is None or lo <= day) and day <= hi for g, lo, hi in spans)


def _sums(period: Period, prefix: str = "") -> tuple[Q, dict[str, Sum]]:
    """The rollup rows a period reads, and their sums before F (``b_*``) and in [F, T]
    (``w_*``)."""
    before = _days(None, period.start - dt.timedelta(days=1))
    within = _days(period.start, period.end)
    aggregates = {f"{prefix}b_{name}": Sum(name, filter=before) for name in _BEFORE}
    aggregates.update({f"{prefix}w_{name}": Sum(name, filter=within) for name in _WITHIN})
    return before | within, aggregates


def rollup_sums(periods: list[Period], ids: set[int] | None) -> list[dict[str, int]]:
    """For each period, the sums of the rollup before F (``b_*``) and in [F, T] (``w_*``)."""
    aggregates: dict[str, Sum] = {}
    everything = Q()
    for i, period in enumerate(periods):
        rows_read, sums = _sums(period, f"p{i}_")
        everything |= rows_read
        aggregates.update(sums)
    rows = SettlementCount.objects.filter(everything)
    if ids is not None:
        rows = rows.filter(agency_id__in=ids)
    totals = rows.aggregate(**aggregates)
    return [
        {
            key.removeprefix(f"p{i}_"): value or 0
            for key, value in totals.items()
            if key.startswith(f"p{i}_")
        }
        for i in range(len(periods))
    ]


def _from_sums(sums: dict[str, int], paused_overdue: int) -> dict[str, dict[str, int]]:
    """Form 06 from the rollup's sums and the overdue dossiers paused at T (module docstring)."""
    ended_before = sums["b_ended_early"] + sums["b_ended_on_time"] + sums["b_ended_late"]
    carried_over = sums["b_received"] - ended_before
    new = sums["w_received"]
    received = carried_over + new
    resolved = sums["w_ended_early"] + sums["w_ended_on_time"] + sums["w_ended_late"]
    in_process = received - resolved
    overdue_unpaused = (
        sums["b_overdue_from"]
        + sums["w_overdue_from"]
        - sums["b_ended_late"]
        - sums["w_ended_late"]
    )
    overdue = overdue_unpaused - paused_overdue
    return {
        "received": {
            "total": received,
            "carried_over": carried_over,
            "new": new,
            "new_online": sums["w_received_online"],
            "new_direct": sums["w_received_direct"],
            "new_postal": sums["w_received_postal"],
        },
        "resolved": {
            "total": resolved,
            "early": sums["w_ended_early"],
            "on_time": sums["w_ended_on_time"],
            "late": sums["w_ended_late"],
        },
        "in_process": {
            "total": in_process,
            "within_deadline": in_process - overdue,
            "overdue": overdue,
        },
    }


def _paused_overdue(period: Period, ids: set[int] | None) -> QuerySet[Dossier]:
    """The dossiers in process at T, past their due date (date(due) < T) and with a supplement
    request open at the end of T: within deadline (§2), though overdue without the pause. Few:
    found from the requests open at T, read first (a few thousand ids at 2,2 million dossiers),
    so that the dossiers are read by primary key. As one query, PostgreSQL misjudged the open
    requests (74.000 for 2.100: the OR on supplied_at) and scanned a year of dossiers instead:
    170 ms at 2,2 million dossiers, against about 10 ms so."""
    last = period.end
    requests = open_supplement_requests(period).order_by()  # no join for the Meta ordering
    paused = sorted(set(requests.values_list("dossier_id", flat=True)))
    rows = accepted_dossiers().filter(
        (Q(ended_on__isnull=True) | Q(ended_on__gt=last)),
        pk__in=paused,
        received_on__lte=last,
        due_on__lt=last,
    )
    if ids is not None:
        rows = rows.filter(agency_id__in=ids)
    return rows


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
    if by == "agency":
        return _breakdown_by_agency(period, agency)
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


def _breakdown_by_agency(period: Period, agency: Agency | None) -> list[BreakdownRow]:
    """The breakdown by agency from the rollup: the sums of each agency, added up into the
    units of ``_agency_units`` (a district with its communes)."""
    units, agencies = _agency_units(agency)
    ids = agency_ids(agency, True)
    rows_read, aggregates = _sums(period)
    rows = SettlementCount.objects.filter(rows_read)
    paused = _paused_overdue(period, ids)
    if ids is not None:
        rows = rows.filter(agency_id__in=ids)
    grouped: list[dict[str, Any]] = [
        dict(row) for row in rows.values("agency_id").annotate(**aggregates).order_by()
    ]
    by_agency = {row.pop("agency_id"): row for row in grouped}
    paused_by_agency = dict(
        paused.values("agency_id").annotate(n=Count("pk")).values_list("agency_id", "n").order_by()
    )
    result = []
    for unit, members in units.items():
        sums = dict.fromkeys(aggregates, 0)
        for member in members & by_agency.keys():
            for key, value in by_agency[member].items():
                sums[key] += value or 0
        figures = _from_sums(sums, sum(paused_by_agency.get(member, 0) for member in members))
        if figures["received"]["total"]:
            result.append(BreakdownRow(agencies[unit].code, agencies[unit].name, figures))
    return sorted(result, key=lambda row: row.key)


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
