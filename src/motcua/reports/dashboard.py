"""What the dashboards and the public statistics page show, gathered from the selectors.

Nothing here counts dossiers: every number is a selector's (form06, digitization, feedback,
evaluations, catalog); this module only picks, orders, names and ranks them, so a dashboard
cannot disagree with the official reports. Sums of breakdown rows use ``form06_total``, the
selector's own.
"""

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext

from motcua.agencies.models import Agency, AgencyKind
from motcua.agencies.selectors import province_units_for_reports
from motcua.feedback.selectors import feedback_figures
from motcua.inspections.selectors import inspection_figures
from motcua.reports.figures import DIRECT_AND_POSTAL, LABELS, definition_text
from motcua.reports.selectors.catalog import catalog_figures, online_service_figures
from motcua.reports.selectors.digitization import digitization_counts, digitization_rates
from motcua.reports.selectors.dossiers import (
    BreakdownRow,
    form06,
    form06_breakdown,
    form06_flows,
    form06_rates,
    form06_total,
)
from motcua.reports.selectors.evaluations import evaluation_breakdown, evaluation_figures
from motcua.utils.periods import CUT_DAY, Period
from motcua.utils.text import vn_sort_key, vn_sorted

MONTHS = range(1, 13)
PUBLIC_KINDS = (AgencyKind.DEPARTMENT, AgencyKind.DISTRICT)


def reporting_year(day: dt.date) -> int:
    """The reporting year a day falls in: from 15 Dec the next year's period has begun (§1)."""
    return day.year + 1 if (day.month, day.day) >= (12, CUT_DAY) else day.year


def default_period(today: dt.date, latest: dt.date | None = None) -> Period:
    """The current year's period, the one containing ``today``; or, when the data stop at an
    earlier year (``latest``: the last day with a received dossier), that year's period: a
    dashboard opens on the latest period that has data."""
    year = reporting_year(today)
    if latest is not None and reporting_year(latest) < year:
        year = reporting_year(latest)
    return Period.for_year(year)


@dataclass(frozen=True)
class Item:
    """A figure as a dashboard shows it: name, value, definition, nesting, and whether its
    records can be listed (rates are explained through the figures they divide)."""

    key: str
    value: int | float
    indent: int = 0
    drillable: bool = True
    percent: bool = False
    places: int = 2  # decimals of a percentage: two, but one for digitization (§7)

    @property
    def label(self) -> str:
        return gettext(LABELS[self.key])

    @property
    def definition(self) -> str:
        return definition_text(self.key)


def _get(figures: dict[str, Any], path: str) -> Any:
    value: Any = figures
    for part in path.split("."):
        value = value[part]
    return value


def dossier_items(figures: dict[str, dict[str, int]]) -> list[Item]:
    """Form 06 (§2) in the order of the form, with direct and postal also shown together."""
    received = figures["received"]
    rows = [
        ("received.total", 0),
        ("received.carried_over", 1),
        ("received.new", 1),
        ("received.new_online", 2),
        (None, 2),
        ("received.new_direct", 3),
        ("received.new_postal", 3),
        ("resolved.total", 0),
        ("resolved.early", 1),
        ("resolved.on_time", 1),
        ("resolved.late", 1),
        ("in_process.total", 0),
        ("in_process.within_deadline", 1),
        ("in_process.overdue", 1),
    ]
    items = []
    for path, indent in rows:
        if path is None:
            value = received["new_direct"] + received["new_postal"]
            items.append(Item(DIRECT_AND_POSTAL, value, indent))
        else:
            items.append(Item(f"dossiers.{path}", _get(figures, path), indent))
    return items


def rate_items(rates: dict[str, float]) -> list[Item]:
    return [
        Item(f"dossiers.{name}", value, drillable=False, percent=True)
        for name, value in rates.items()
    ]


def digitization_items(counts: dict[str, int]) -> tuple[list[Item], list[Item]]:
    """§7: the rates, then the counts they divide (each count lists its dossiers)."""
    rates = digitization_rates(counts)
    rate_rows = [
        Item(f"digitization.{name}", value, drillable=False, percent=True)
        for name, value in rates.items()
    ]
    count_rows = [Item(f"digitization.{name}", value) for name, value in counts.items()]
    return rate_rows, count_rows


def feedback_items(figures: dict[str, Any]) -> list[Item]:
    """§3 in the order of the §9 object."""
    rows = [
        ("received.total", 0),
        ("received.new", 1),
        ("received.carried_over", 1),
        ("received.regulation", 1),
        ("received.behaviour", 1),
        ("processed.total", 0),
        ("processed.published", 1),
        ("in_process", 0),
    ]
    return [Item(f"feedback.{path}", _get(figures, path), indent) for path, indent in rows]


def catalog_items(catalog: dict[str, Any], online: dict[str, Any]) -> tuple[list[Item], list[Item]]:
    """§4 and §5 for the province."""
    catalog_rows = [
        Item("catalog.total", catalog["total"]),
        Item("catalog.central", catalog["central"], 1),
        Item("catalog.local", catalog["local"], 1),
        *(
            Item(f"catalog.by_level.{level}", count, 1)
            for level, count in catalog["by_level"].items()
        ),
        Item("catalog.publication_decisions", catalog["publication_decisions"]),
        Item("catalog.regulation_documents", catalog["regulation_documents"]),
    ]
    online_rows = [
        Item("online_services.total", online["total"]),
        Item("online_services.full", online["full"], 1),
        Item("online_services.partial", online["partial"], 1),
        Item("online_services.national_portal", online["national_portal"]),
        Item(
            "online_services.national_portal_rate",
            online["national_portal_rate"],
            drillable=False,
            percent=True,
        ),
    ]
    for group in ("departments", "districts", "communes"):
        online_rows += [
            Item(f"online_services.{group}.covered", online[group]["covered"]),
            Item(f"online_services.{group}.total", online[group]["total"], 1),
        ]
    return catalog_rows, online_rows


def evaluation_items(figures: dict[str, Any]) -> list[Item]:
    """The evaluations: the applicant's (each count lists its evaluations), the share ≥ 15/18,
    and apart the desk's on the applicant's behalf (not counted)."""
    return [
        Item("evaluations.count", figures["count"]),
        Item("evaluations.satisfied", figures["satisfied"], 1),
        Item(
            "evaluations.satisfied_rate", figures["satisfied_rate"], drillable=False, percent=True
        ),
        Item("evaluations.desk_on_behalf", figures["desk_on_behalf"]),
    ]


def inspection_items(figures: dict[str, Any]) -> list[Item]:
    """§8 for the province: planned, done, the completion rate, the surprise inspections."""
    planned, done = figures["planned"], figures["done"]
    return [
        Item("inspections.planned", planned),
        Item("inspections.done", done, 1),
        Item(
            "inspections.rate",
            done / planned * 100 if planned else 0,
            drillable=False,
            percent=True,
        ),
        Item("inspections.surprise", len(figures["surprise"])),
    ]


@dataclass(frozen=True)
class Dashboard:
    period: Period
    agency: Agency | None
    form06: dict[str, dict[str, int]]
    dossiers: list[Item]
    rates: list[Item]
    digitization_rates: list[Item]
    digitization_counts: list[Item]
    feedback: list[Item]
    catalog: list[Item] = field(default_factory=list)
    online_services: list[Item] = field(default_factory=list)
    evaluations: dict[str, Any] = field(default_factory=dict)
    evaluation_items: list[Item] = field(default_factory=list)
    evaluations_by_agency: list[tuple[Agency, dict[str, Any]]] = field(default_factory=list)
    inspections: list[Item] = field(default_factory=list)


def dashboard(period: Period, *, agency: Agency | None) -> Dashboard:
    """The figures of ``period`` for ``agency`` (with the agencies below it) or, with ``None``,
    for the whole province, which adds the catalog and online services (§4, §5)."""
    figures = form06(period, agency=agency)
    digit_rates, digit_counts = digitization_items(digitization_counts(period, agency=agency))
    catalog_rows: list[Item] = []
    online_rows: list[Item] = []
    inspection_rows: list[Item] = []
    evaluations = evaluation_figures(period, agency=agency)
    if agency is None:
        catalog_rows, online_rows = catalog_items(
            catalog_figures(period), online_service_figures(period)
        )
        inspection_rows = inspection_items(inspection_figures(period))
    return Dashboard(
        period=period,
        agency=agency,
        form06=figures,
        dossiers=dossier_items(figures),
        rates=rate_items(form06_rates(figures)),
        digitization_rates=digit_rates,
        digitization_counts=digit_counts,
        feedback=feedback_items(feedback_figures(period, agency=agency)),
        catalog=catalog_rows,
        online_services=online_rows,
        evaluations=evaluations,
        evaluation_items=evaluation_items(evaluations),
        evaluations_by_agency=evaluation_breakdown(period, agency=agency),
        inspections=inspection_rows,
    )


# --- trend by month ------------------------------------------------------------------------


@dataclass(frozen=True)
class MonthPoint:
    month: int
    period: Period
    new: int | None
    resolved: int | None
    on_time_rate: float | None
    online_share: float | None


def monthly_trend(year: int, *, agency: Agency | None, today: dt.date) -> list[MonthPoint]:
    """The 12 monthly periods of reporting year ``year`` (§1), their form 06 flows in one query;
    months that have not begun by ``today`` are left empty (None), not shown as zeros."""
    periods = [Period.for_month(year, month) for month in MONTHS]
    begun = [period for period in periods if period.start <= today]
    flows = dict(zip(begun, form06_flows(begun, agency=agency), strict=True)) if begun else {}
    points = []
    for month, period in zip(MONTHS, periods, strict=True):
        if period not in flows:
            points.append(MonthPoint(month, period, None, None, None, None))
            continue
        figures = flows[period]
        rates = form06_rates(figures)
        points.append(
            MonthPoint(
                month,
                period,
                figures["received"]["new"],
                figures["resolved"]["total"],
                rates["on_time_rate"] if figures["resolved"]["total"] else None,
                rates["online_share"] if figures["received"]["new"] else None,
            )
        )
    return points


# --- breakdowns ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Breakdown:
    by: str
    rows: list[BreakdownRow]
    total: dict[str, dict[str, int]]


def breakdown(period: Period, by: str, *, agency: Agency | None) -> Breakdown:
    """Form 06 by agency, level or field (§2) with its total row (equal to the whole)."""
    rows = form06_breakdown(period, by, agency=agency)
    return Breakdown(by, rows, form06_total(rows))


# --- the public statistics page -------------------------------------------------------------


@dataclass
class PublicRow:
    """One agency on the public page. Rates only when it resolved enough dossiers to be fair."""

    agency: Agency
    figures: dict[str, dict[str, int]]
    enough: bool
    rank: int | None = None
    # In a merged province, the province the agency belongs to (three "Sở Tư pháp" are told
    # apart), and whether it is a former one; empty for an instance of one province.
    province: str = ""
    former_province: bool = False

    @property
    def resolved(self) -> int:
        return self.figures["resolved"]["total"]

    @property
    def new(self) -> int:
        return self.figures["received"]["new"]

    @property
    def rates(self) -> dict[str, float]:
        return form06_rates(self.figures)


@dataclass(frozen=True)
class PublicGroup:
    kind: str
    rows: list[PublicRow]

    @property
    def label(self) -> Promise:
        # Named when shown, not when computed: the groups are cached for readers of any language.
        return AgencyKind(self.kind).label


def _public_unit(agency_id: int, agencies: dict[int, Agency]) -> Agency | None:
    """The department or district an agency's dossiers are shown under: itself or its nearest
    ancestor of those kinds (a commune rolls into its district); None for the province's own
    office and for agencies outside both."""
    seen: set[int] = set()
    current: int | None = agency_id
    while current is not None and current not in seen:
        seen.add(current)
        agency = agencies[current]
        if agency.kind in PUBLIC_KINDS:
            return agency
        current = agency.parent_id
    return None


def public_statistics(period: Period, *, min_resolved: int) -> list[PublicGroup]:
    """Per department and per district (communes rolled into their district): form 06 of the
    period from one grouped query (``form06_breakdown`` by agency, whose rows are summed into
    their department or district with ``form06_total``), ranked by on-time rate within each
    kind. An agency that resolved fewer than ``min_resolved`` dossiers is listed without rank
    (and the page shows no rate for it). Active agencies without any dossier are listed too.
    """
    agencies = {
        a.pk: a
        for a in Agency.objects.only(
            "pk", "code", "name", "kind", "parent_id", "is_active", "province_unit_id"
        )
    }
    # Every province of a merged instance (none for one province): rows name their province.
    provinces = {unit.pk: unit for unit in province_units_for_reports()}
    by_code = {a.code: a for a in agencies.values()}
    parts: dict[int, list[BreakdownRow]] = {}
    for row in form06_breakdown(period, "agency"):
        unit = _public_unit(by_code[row.key].pk, agencies)
        if unit is not None:
            parts.setdefault(unit.pk, []).append(row)
    groups = []
    for kind in PUBLIC_KINDS:
        units = [a for a in agencies.values() if a.kind == kind and (a.is_active or a.pk in parts)]
        rows = [
            PublicRow(
                unit,
                figures,
                figures["resolved"]["total"] >= min_resolved,
                province=province.name if province else "",
                former_province=bool(province and province.merged_into_id),
            )
            for unit in units
            for figures in [form06_total(parts.get(unit.pk, []))]
            for province in [provinces.get(unit.province_unit_id)]
        ]
        groups.append(PublicGroup(kind, _ranked(rows)))
    return groups


def _ranked(rows: list[PublicRow]) -> list[PublicRow]:
    """Ranked rows first, best on-time rate first (equal rates share a rank: 1, 1, 3), then
    the others by name."""
    ranked = sorted(
        (row for row in rows if row.enough),
        key=lambda row: (
            -row.rates["on_time_rate"],
            -row.rates["online_share"],
            vn_sort_key(row.agency.name),
        ),
    )
    previous: float | None = None
    for position, row in enumerate(ranked, 1):
        rate = row.rates["on_time_rate"]
        row.rank = position if rate != previous else ranked[position - 2].rank
        previous = rate
    others = vn_sorted((row for row in rows if not row.enough), key=lambda row: row.agency.name)
    return ranked + others
