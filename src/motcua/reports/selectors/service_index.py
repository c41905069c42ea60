"""The counts behind the national service index (Decision 766/QĐ-TTg, service-index.md) for a
period and the whole province or an agency (with the agencies below it), the per-agency
breakdown, and the records behind every count.

Four families, one query each: dossiers (over the rows of form 06, ``received_dossiers``),
active procedures, the applicant's own evaluations (the rows of ``evaluations``), and feedback
(the rows of §3). Every count is a named condition (``COUNT_NAMES``) and its drill-down filters
the same rows by the same condition, so a count and its records cannot disagree. The breakdown
groups the same conditions by agency: dossiers, evaluations and feedback in one GROUP BY each;
procedures, which several agencies share (every district settles the district-level
procedures), in one query with a column per agency.

The procedures of an agency (the "procedures of the authority") are those whose agency is it or
one below it, and the procedures without an agency of the levels it settles at: district-level
ones for a district, commune-level ones for a commune (the catalog names the agency only of
provincial procedures).

Which indicator divides which counts, and which ones our data cannot give, is ``INDICATORS``
and ``NOT_COMPUTED``; the scores are ``service_index_rules``.
"""

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import timedelta
from typing import Any

from django.db.models import (
    Case,
    Count,
    DurationField,
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
from motcua.dossiers.models import Dossier, Evaluation
from motcua.dossiers.workflow import Channel
from motcua.feedback.models import Feedback, Satisfaction
from motcua.feedback.selectors import feedback_conditions
from motcua.procedures.models import Level, Procedure, ProcedureComponent
from motcua.reports.selectors.catalog import ONLINE, active_procedures
from motcua.reports.selectors.dossiers import accepted_dossiers, form06_conditions
from motcua.reports.selectors.evaluations import (
    evaluation_conditions,
    evaluation_rows,
    evaluation_score,
)
from motcua.reports.service_index_rules import IndexScore, score_index
from motcua.utils.periods import Period
from motcua.utils.text import vn_sort_key

# The levels an agency of a kind settles procedures at when the catalog names no agency.
_LEVEL_OF_KIND: dict[str, str] = {
    AgencyKind.DISTRICT: Level.DISTRICT,
    AgencyKind.COMMUNE: Level.COMMUNE,
}

# Indicator → (numerator count, denominator count), service-index.md in its order.
INDICATORS: dict[str, tuple[str, str]] = {
    "publicity.complete_content": ("procedures.complete", "procedures.total"),
    "progress.on_time": ("dossiers.settled_on_time", "dossiers.received"),
    "online.procedures_online": ("procedures.online", "procedures.total"),
    "online.services_used": ("procedures.online_used", "procedures.online"),
    "online.dossiers_online": ("dossiers.new_online", "dossiers.new"),
    "online.dossiers_paid_online": ("dossiers.paid_online", "dossiers.payable"),
    "online.fee_procedures_paid_online": ("procedures.fee_paid_online", "procedures.fee"),
    "online.fee_procedures_used": ("procedures.fee_used", "procedures.fee"),
    "satisfaction.evaluations_satisfied": ("evaluations.satisfied", "evaluations.count"),
    "digitization.electronic_results": ("dossiers.electronic_results", "dossiers.resolved"),
    "digitization.components_digitized": ("dossiers.components_digitized", "dossiers.received"),
    "digitization.reused_data": ("dossiers.reused_data", "dossiers.received"),
}
# The feedback indicators (service-index.md §4): handled on time / due, and satisfied / rated,
# over the feedback received in the period (§3), 6 when there was none. Items handled here have
# deadlines (feedback/workflow.py) and their senders' ratings; imported history has neither,
# so a period with history but nothing due (or rated) cannot be scored.
FEEDBACK_INDICATORS: dict[str, tuple[str, str]] = {
    "satisfaction.feedback_on_time": ("feedback.on_time", "feedback.due"),
    "satisfaction.feedback_satisfied": ("feedback.satisfied", "feedback.rated"),
}
FEEDBACK_COUNT = "feedback.received"
FEEDBACK_DATED = "feedback.with_deadline"
# Indicators our data cannot give, and why (the reasons' texts are in ``figures``).
NOT_COMPUTED: dict[str, str] = {
    "publicity.published_on_time": "national_database",
    "publicity.updated_on_time": "national_database",
    "publicity.synchronised": "portal_exchange",
    "digitization.certified_copies": "certified_copies",
    "digitization.shared_to_store": "data_store",
    "digitization.population_db_used": "population_db",
    "digitization.population_db_connected": "population_db_setting",
}
FEEDBACK_REASONS = {
    "satisfaction.feedback_on_time": "feedback_deadline",
    "satisfaction.feedback_satisfied": "feedback_satisfaction",
}


# --- the scope: which agencies, which procedures -----------------------------------------------


@dataclass(frozen=True)
class Unit:
    """The agencies counted (``None``: the whole province) and the levels of the procedures
    without an agency that they settle."""

    agency_ids: frozenset[int] | None
    levels: frozenset[str] = frozenset()
    agency: Agency | None = None

    def dossiers(self, prefix: str = "") -> Q:
        """Rows (dossiers, or rows reaching a dossier through ``prefix``) of these agencies."""
        if self.agency_ids is None:
            return Q()
        return Q(**{f"{prefix}agency_id__in": self.agency_ids})

    def procedures(self) -> Q:
        """The procedures of these agencies' authority (see the module docstring)."""
        if self.agency_ids is None:
            return Q()
        return Q(agency_id__in=self.agency_ids) | Q(agency__isnull=True, level__in=self.levels)


class _Tree:
    """The agency tree, read once (it is small)."""

    def __init__(self) -> None:
        self.agencies = {
            a.pk: a for a in Agency.objects.only("pk", "parent_id", "code", "name", "kind")
        }
        self.children: dict[int | None, list[int]] = {}
        for a in self.agencies.values():
            self.children.setdefault(a.parent_id, []).append(a.pk)

    def unit(self, pk: int) -> Unit:
        ids, frontier = {pk}, [pk]
        while frontier:
            frontier = [c for p in frontier for c in self.children.get(p, ()) if c not in ids]
            ids.update(frontier)
        kinds = {self.agencies[i].kind for i in ids}
        levels = frozenset(_LEVEL_OF_KIND[k] for k in kinds if k in _LEVEL_OF_KIND)
        return Unit(frozenset(ids), levels, self.agencies[pk])

    def ranked_units(self, agency: Agency | None) -> list[Unit]:
        """The agencies ranked under a scope: the children of ``agency`` or, for the whole
        province, the children of every top agency (departments, districts), each with the
        agencies below it."""
        roots = [agency.pk] if agency is not None else self.children.get(None, [])
        return [self.unit(child) for root in roots for child in self.children.get(root, ())]


def unit_for(agency: Agency | None) -> Unit:
    """The whole province (``None``) or ``agency`` with the agencies below it."""
    if agency is None:
        return Unit(None)
    return _Tree().unit(agency.pk)


# --- the conditions ----------------------------------------------------------------------------


def _received(period: Period) -> Q:
    """§2 received (new + carried over): the WHERE of ``received_dossiers``."""
    return Q(received_on__lte=period.end) & (
        Q(ended_on__isnull=True) | Q(ended_on__gte=period.start)
    )


def dossier_conditions(period: Period) -> dict[str, Q]:
    """The dossier counts, over the dossiers received in the period (§2, the rows of form 06):

    - ``received``: all of them (new + carried over); ``settled_on_time``: resolved early or on
      time (§2: "on time counts early and on-time results");
    - ``new`` / ``new_online``: received in [F, T] / of those, submitted online;
    - ``payable``: new with a financial obligation (a fee, or paid online);
      ``paid_online``: of those, paid online;
    - ``resolved``: ended in [F, T] (§2); ``electronic_results``: of those, result digitized;
    - ``components_digitized`` / ``reused_data``: received with that flag.
    """
    f06 = form06_conditions(period)
    new, resolved = f06["received.new"], f06["resolved.total"]
    payable = new & (Q(fee_vnd__gt=0) | Q(paid_online=True))
    return {
        "received": Q(),
        "settled_on_time": f06["resolved.early"] | f06["resolved.on_time"],
        "new": new,
        "new_online": f06["received.new_online"],
        "payable": payable,
        "paid_online": payable & Q(paid_online=True),
        "resolved": resolved,
        "electronic_results": resolved & Q(result_digitized=True),
        "components_digitized": Q(components_digitized=True),
        "reused_data": Q(reused_data=True),
    }


def complete_content() -> Q:
    """A procedure's public content is complete when its steps, ways of submission, legal
    basis and result are written and at least one component is listed."""
    written = ~Q(steps="") & ~Q(submission_methods="") & ~Q(legal_basis="") & ~Q(result="")
    return written & Q(pk__in=ProcedureComponent.objects.values("procedure_id"))


@dataclass(frozen=True)
class UsedProcedures:
    """The procedures with dossiers received in [F, T] by some agencies: any, submitted online,
    paid online (procedure ids)."""

    any: frozenset[int] = frozenset()
    online: frozenset[int] = frozenset()
    paid_online: frozenset[int] = frozenset()


@dataclass(frozen=True)
class DossierPass:
    """Every dossier count of a period for each agency, from one pass over the dossiers
    received (new + carried over) grouped by agency and procedure: the counts of
    ``dossier_conditions``, the time from receipt to the end of the resolved ones, and the
    procedures each agency used (``UsedProcedures``). A scope's figures are sums over its
    agencies (``for_unit``), so the province, each agency of the ranking and the procedures
    used all come from the same pass; at province scale the pass is the page's cost (one
    pass instead of three)."""

    counts: dict[int, dict[str, int]]
    seconds: dict[int, float]
    used: dict[int, UsedProcedures]

    def for_unit(self, unit: Unit) -> tuple[dict[str, int], float | None]:
        """The dossier counts (by alias) of ``unit``'s agencies and the mean time from receipt
        to the end of their resolved dossiers, in days (None when none was resolved)."""
        chosen = [a for a in self.counts if unit.agency_ids is None or a in unit.agency_ids]
        totals = {
            alias: sum(self.counts[a].get(alias, 0) for a in chosen) for alias in _DOSSIER_ALIASES
        }
        resolved = totals[_alias("dossiers.resolved")]
        seconds = sum(self.seconds.get(a, 0.0) for a in chosen)
        return totals, (seconds / resolved / 86400 if resolved else None)


def _seconds(value: Any) -> float:
    """A summed duration as seconds: a timedelta (PostgreSQL), or microseconds (SQLite)."""
    if value is None:
        return 0.0
    return value.total_seconds() if isinstance(value, timedelta) else float(value) / 1e6


def dossier_pass(period: Period, unit: Unit | None = None) -> DossierPass:
    """``DossierPass`` of ``period`` over ``unit``'s agencies (default: the whole province):
    one GROUP BY agency, procedure (a few thousand rows at province scale)."""
    unit = unit or Unit(None)
    conditions = dossier_conditions(period)
    new = conditions["new"]
    rows = (
        _dossier_rows(period, unit)
        .values("agency_id", "procedure_id")
        .annotate(
            **_counts(conditions, "dossiers"),
            duration=Sum(_duration(), filter=conditions["resolved"]),
            used_new=Count("pk", filter=new),
            used_online=Count("pk", filter=new & Q(channel=Channel.ONLINE)),
            used_paid=Count("pk", filter=new & Q(paid_online=True)),
        )
        .order_by()
    )
    counts: dict[int, dict[str, int]] = {}
    seconds: dict[int, float] = {}
    found: dict[int, tuple[set[int], set[int], set[int]]] = {}
    for grouped in rows:
        row: dict[str, Any] = dict(grouped)
        agency_id, procedure_id = row["agency_id"], row["procedure_id"]
        mine = counts.setdefault(agency_id, dict.fromkeys(_DOSSIER_ALIASES, 0))
        for alias in _DOSSIER_ALIASES:
            mine[alias] += row[alias] or 0
        seconds[agency_id] = seconds.get(agency_id, 0.0) + _seconds(row["duration"])
        used, online, paid = found.setdefault(agency_id, (set(), set(), set()))
        if row["used_new"]:
            used.add(procedure_id)
        if row["used_online"]:
            online.add(procedure_id)
        if row["used_paid"]:
            paid.add(procedure_id)
    used_by_agency = {
        agency_id: UsedProcedures(frozenset(a), frozenset(o), frozenset(p))
        for agency_id, (a, o, p) in found.items()
    }
    return DossierPass(counts, seconds, used_by_agency)


def used_procedures(
    period: Period, unit: Unit, by_agency: dict[int, UsedProcedures] | None = None
) -> UsedProcedures:
    """``UsedProcedures`` of ``unit``'s agencies (all agencies for the whole province)."""
    by_agency = dossier_pass(period, unit).used if by_agency is None else by_agency
    chosen = [
        used
        for agency_id, used in by_agency.items()
        if unit.agency_ids is None or agency_id in unit.agency_ids
    ]
    return UsedProcedures(
        frozenset().union(*(u.any for u in chosen)),
        frozenset().union(*(u.online for u in chosen)),
        frozenset().union(*(u.paid_online for u in chosen)),
    )


PROCEDURE_COUNTS = (
    "total",
    "complete",
    "online",
    "online_used",
    "fee",
    "fee_paid_online",
    "fee_used",
)


def procedure_conditions(
    period: Period, unit: Unit, used: UsedProcedures | None = None
) -> dict[str, Q]:
    """The procedure counts, over the active procedures of ``unit``:

    - ``total``; ``complete``: public content complete (``complete_content``);
    - ``online``: offering an online service (full or partial);
      ``online_used``: of those, with at least one dossier submitted online in [F, T] to
      ``unit``'s agencies;
    - ``fee``: with a fee; ``fee_paid_online``: of those, with a dossier of [F, T] paid online;
      ``fee_used``: of those, with any dossier received in [F, T].
    """
    used = used_procedures(period, unit) if used is None else used
    fee = Q(fee_vnd__gt=0)
    return {
        "total": Q(),
        "complete": complete_content(),
        "online": ONLINE,
        "online_used": ONLINE & Q(pk__in=sorted(used.online)),
        "fee": fee,
        "fee_paid_online": fee & Q(pk__in=sorted(used.paid_online)),
        "fee_used": fee & Q(pk__in=sorted(used.any)),
    }


def _evaluation_conditions() -> dict[str, Q]:
    """The applicant's own evaluations of dossiers returned in [F, T] (``evaluations``): all
    (``count``) and those with a total ≥ 15/18 (``satisfied``)."""
    conditions = evaluation_conditions()
    return {"count": conditions["count"], "satisfied": conditions["satisfied"]}


def feedback_index_conditions(period: Period) -> dict[str, Q]:
    """The feedback counts over the received rows, by name (``feedback.<name>``):

    - ``received``: every row (statistics.md §3);
    - ``with_deadline``: handled through the workflow, hence with deadlines (not history);
    - ``due``: its answer deadline passed by the end of the period, or its answer approved by
      then; ``on_time``: of those, approved by the deadline (and by the end of the period);
    - ``rated``: the sender said whether the answer satisfied them, by the end of the period;
      ``satisfied``: of those, satisfied.
    """
    _lower, upper = period.instant_bounds()
    approved = Q(approved_at__isnull=False, approved_at__lt=upper)
    due = Q(answer_due_at__isnull=False) & (approved | Q(answer_due_at__lt=upper))
    rated = Q(satisfaction_at__isnull=False, satisfaction_at__lt=upper)
    return {
        "received": Q(),
        "with_deadline": Q(classify_due_at__isnull=False),
        "due": due,
        "on_time": due & approved & Q(approved_at__lte=F("answer_due_at")),
        "rated": rated,
        "satisfied": rated & Q(satisfaction=Satisfaction.SATISFIED),
    }


# The names of every count, family by family.
FAMILIES = ("dossiers", "procedures", "evaluations", "feedback")
COUNT_NAMES: tuple[str, ...] = (
    *(f"dossiers.{name}" for name in dossier_conditions(Period.for_year(2000))),
    *(f"procedures.{name}" for name in PROCEDURE_COUNTS),
    "evaluations.count",
    "evaluations.satisfied",
    *(f"feedback.{name}" for name in feedback_index_conditions(Period.for_year(2000))),
)


_DOSSIER_ALIASES = tuple(
    _alias_name
    for _alias_name in (n.replace(".", "__") for n in COUNT_NAMES)
    if _alias_name.startswith("dossiers__")
)


# --- the rows of each family -------------------------------------------------------------------


def _dossier_rows(period: Period, unit: Unit) -> QuerySet[Dossier]:
    return accepted_dossiers().filter(_received(period), unit.dossiers())


def _procedure_rows(unit: Unit) -> QuerySet[Procedure]:
    return active_procedures().filter(unit.procedures())


def _evaluation_rows(period: Period, unit: Unit) -> QuerySet[Evaluation]:
    return evaluation_rows(period).filter(unit.dossiers("dossier__"))


def _feedback_received(period: Period) -> Q:
    return feedback_conditions(period)["received.total"]


def _feedback_rows(period: Period, unit: Unit) -> QuerySet[Feedback]:
    return Feedback.objects.filter(_feedback_received(period), unit.dossiers())


def _alias(name: str) -> str:
    return name.replace(".", "__")


def _counts(conditions: Mapping[str, Q], prefix: str) -> dict[str, Count]:
    return {
        _alias(f"{prefix}.{name}"): Count("pk", filter=q) if q else Count("pk")
        for name, q in conditions.items()
    }


def _duration() -> ExpressionWrapper:
    """Time from receipt to the end of processing (summed over the resolved dossiers)."""
    return ExpressionWrapper(F("ended_at") - F("received_at"), output_field=DurationField())


# --- the index of one scope --------------------------------------------------------------------


@dataclass(frozen=True)
class ServiceIndex:
    """The index of a period and scope: the counts (``COUNT_NAMES``), the scores, why each
    indicator not scored is not, and the resolved dossiers' mean processing time."""

    period: Period
    agency: Agency | None
    counts: dict[str, int]
    index: IndexScore
    reasons: dict[str, str]
    average_days: float | None = None
    rank: int | None = field(default=None, compare=False)


def _score(
    period: Period, agency: Agency | None, counts: dict[str, int], average_days: float | None
) -> ServiceIndex:
    pairs: dict[str, tuple[int, int] | None] = {
        key: (counts[num], counts[den]) for key, (num, den) in INDICATORS.items()
    }
    reasons = dict(NOT_COMPUTED)
    pairs.update(dict.fromkeys(NOT_COMPUTED))
    undated = counts[FEEDBACK_COUNT] - counts[FEEDBACK_DATED]
    for key, (num, den) in FEEDBACK_INDICATORS.items():
        if counts[den] == 0 and undated:
            pairs[key] = None
            reasons[key] = FEEDBACK_REASONS[key]
        else:
            pairs[key] = (counts[num], counts[den])
    return ServiceIndex(period, agency, counts, score_index(pairs), reasons, average_days)


def service_index(
    period: Period,
    *,
    agency: Agency | None = None,
    dossiers: DossierPass | None = None,
) -> ServiceIndex:
    """The index of ``period`` for the whole province or ``agency`` (with the agencies below
    it): one query per family (dossiers, procedures, evaluations, feedback). ``dossiers``: the
    period's ``dossier_pass`` over the province, when the caller has it
    (``service_index_report``)."""
    unit = unit_for(agency)
    passed = dossier_pass(period, unit) if dossiers is None else dossiers
    dossier_counts, average_days = passed.for_unit(unit)
    counts: dict[str, Any] = dict(dossier_counts)
    used = used_procedures(period, unit, passed.used)
    counts |= _procedure_rows(unit).aggregate(
        **_counts(procedure_conditions(period, unit, used), "procedures")
    )
    counts |= _evaluation_rows(period, unit).aggregate(
        **_counts(_evaluation_conditions(), "evaluations")
    )
    counts |= _feedback_rows(period, unit).aggregate(
        **_counts(feedback_index_conditions(period), "feedback")
    )
    named = {name: counts[_alias(name)] or 0 for name in COUNT_NAMES}
    return _score(period, agency, named, average_days)


# --- the agencies ranked -----------------------------------------------------------------------


def _unit_case(units: list[Unit], path: str) -> Case:
    return Case(
        *(
            When(**{f"{path}__in": unit.agency_ids}, then=Value(index))
            for index, unit in enumerate(units)
        ),
        output_field=IntegerField(),
    )


def _grouped(
    rows: QuerySet, units: list[Unit], path: str, aggregates: dict[str, Any]
) -> dict[int, dict[str, Any]]:
    grouped = (
        rows.annotate(unit=_unit_case(units, path))
        .filter(unit__isnull=False)
        .values("unit")
        .annotate(**aggregates)
        .order_by()
    )
    return {row.pop("unit"): row for row in grouped}


def service_index_report(
    period: Period, *, agency: Agency | None = None
) -> tuple[ServiceIndex, list[ServiceIndex]]:
    """The index of the scope and its agencies ranked, as the service index page shows them:
    ``service_index`` and ``service_index_breakdown`` from one ``dossier_pass`` over the
    period's dossiers (the page's cost at province scale), read once for both."""
    passed = dossier_pass(period)
    return (
        service_index(period, agency=agency, dossiers=passed),
        service_index_breakdown(period, agency=agency, dossiers=passed),
    )


def service_index_breakdown(
    period: Period,
    *,
    agency: Agency | None = None,
    dossiers: DossierPass | None = None,
) -> list[ServiceIndex]:
    """The index of every agency under the scope (``_Tree.ranked_units``), each with the
    agencies below it, ranked: fewest points lost first (points lost over the indicators
    computed for it, so that an agency is not ranked on what cannot be computed), then the
    higher total, then the name; equal points lost and total share a rank.

    Four queries whatever the number of agencies: the dossier pass (grouped by agency and
    procedure, summed per agency), evaluations and feedback grouped by agency, procedures with
    a column per agency. Each row equals ``service_index`` of its agency.
    """
    tree = _Tree()
    units = tree.ranked_units(agency)
    if not units:
        return []
    province = Unit(None)
    passed = dossier_pass(period, province) if dossiers is None else dossiers
    evaluations = _grouped(
        _evaluation_rows(period, province),
        units,
        "dossier__agency_id",
        _counts(_evaluation_conditions(), "evaluations"),
    )
    feedback = _grouped(
        _feedback_rows(period, province),
        units,
        "agency_id",
        _counts(feedback_index_conditions(period), "feedback"),
    )
    procedure_columns: dict[str, Count] = {}
    for index, unit in enumerate(units):
        used = used_procedures(period, unit, passed.used)
        for name, q in procedure_conditions(period, unit, used).items():
            procedure_columns[f"u{index}__{name}"] = Count("pk", filter=unit.procedures() & q)
    procedures = active_procedures().aggregate(**procedure_columns)

    rows = []
    for index, unit in enumerate(units):
        dossier_counts, average_days = passed.for_unit(unit)
        counts: dict[str, Any] = dict(dossier_counts)
        counts |= evaluations.get(index, {})
        counts |= feedback.get(index, {})
        for name in PROCEDURE_COUNTS:
            counts[_alias(f"procedures.{name}")] = procedures[f"u{index}__{name}"]
        named = {name: counts.get(_alias(name)) or 0 for name in COUNT_NAMES}
        rows.append(_score(period, unit.agency, named, average_days))
    return _ranked(rows)


def _ranked(rows: list[ServiceIndex]) -> list[ServiceIndex]:
    def key(row: ServiceIndex) -> tuple[Any, ...]:
        name = row.agency.name if row.agency is not None else ""
        return (row.index.lost, -row.index.total, vn_sort_key(name))

    ranked: list[ServiceIndex] = []
    for position, row in enumerate(sorted(rows, key=key), 1):
        before = ranked[-1] if ranked else None
        tied = before is not None and key(before)[:2] == key(row)[:2]
        ranked.append(replace(row, rank=before.rank if tied and before else position))
    return ranked


# --- monthly trend -----------------------------------------------------------------------------


def monthly_service_index(
    year: int, *, agency: Agency | None, today: dt.date
) -> list[tuple[Period, ServiceIndex | None]]:
    """The index of each month of reporting year ``year`` (§1); months not begun by ``today``
    are None (not shown as zeros)."""
    months = [Period.for_month(year, month) for month in range(1, 13)]
    return [
        (period, service_index(period, agency=agency) if period.start <= today else None)
        for period in months
    ]


# --- drill-down --------------------------------------------------------------------------------


def _records_of(family: str) -> Callable[[str, Period, Unit], QuerySet]:
    def dossiers(name: str, period: Period, unit: Unit) -> QuerySet:
        return _dossier_rows(period, unit).filter(dossier_conditions(period)[name])

    def procedures(name: str, period: Period, unit: Unit) -> QuerySet:
        return _procedure_rows(unit).filter(procedure_conditions(period, unit)[name])

    def evaluations(name: str, period: Period, unit: Unit) -> QuerySet:
        return (
            _evaluation_rows(period, unit)
            .filter(_evaluation_conditions()[name])
            .annotate(score=evaluation_score())
            .select_related("dossier", "dossier__agency", "dossier__procedure")
        )

    def feedback(name: str, period: Period, unit: Unit) -> QuerySet:
        return _feedback_rows(period, unit).filter(feedback_index_conditions(period)[name])

    return {
        "dossiers": dossiers,
        "procedures": procedures,
        "evaluations": evaluations,
        "feedback": feedback,
    }[family]


def service_index_records(count: str, period: Period, *, agency: Agency | None = None) -> QuerySet:
    """The records behind a count (``COUNT_NAMES``: ``dossiers.settled_on_time``,
    ``procedures.online_used``, ``evaluations.satisfied``, ``feedback.received``…) for the
    whole province or ``agency`` (with the agencies below it); ``.count()`` equals the count.
    """
    if count not in COUNT_NAMES:
        raise KeyError(
            f"Không có chỉ tiêu {count!r} / Unknown count {count!r}; "
            f"known: {', '.join(COUNT_NAMES)}"
        )
    family, _, name = count.partition(".")
    return _records_of(family)(name, period, unit_for(agency))
