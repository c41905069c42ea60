"""The service-index page (mounted at /can-bo/bao-cao/chi-so-phuc-vu/): the national index of
service (Decision 766/QĐ-TTg) as our data give it, for the province or an agency and a period,
with each indicator's numerator, denominator, ratio, score, formula and records, the monthly
trend and the agencies ranked. Who sees what: as the dashboards (``officer.resolve_scope``).

Nothing here counts: the counts are ``selectors.service_index``'s, the scores
``service_index_rules``'; this module only names and orders them for the page.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext
from django.views.decorators.http import require_GET

from motcua.agencies.models import Agency
from motcua.reports import dashboard as board
from motcua.reports.figures import (
    INDEX_COUNTS,
    INDEX_FORMULAS,
    INDEX_GROUPS,
    INDEX_LABELS,
    INDEX_REASONS,
    LEGAL_SOURCE,
    SERVICE_INDEX,
)
from motcua.reports.selectors.service_index import (
    INDICATORS,
    ServiceIndex,
    monthly_service_index,
    service_index_report,
)
from motcua.reports.service_index_rules import GROUPS, RULES, IndexScore, IndicatorScore
from motcua.reports.views.officer import resolve_scope
from motcua.utils.formatting import vn_number
from motcua.utils.periods import Period
from motcua.utils.replica import on_replica
from motcua.web.permissions import action_required

ACT_FIRST = 3  # how many indicators "where to act first" names


@dataclass(frozen=True)
class Count:
    """A numerator or denominator as the page shows it: value, name, and its records' figure."""

    name: str
    value: int

    @property
    def figure(self) -> str:
        return SERVICE_INDEX + self.name

    @property
    def label(self) -> str:
        return gettext(INDEX_COUNTS[self.name])


@dataclass(frozen=True)
class Row:
    """One indicator of the page."""

    item: IndicatorScore
    numerator: Count | None
    denominator: Count | None
    reason: str

    @property
    def key(self) -> str:
        return self.item.key

    @property
    def label(self) -> str:
        return gettext(INDEX_LABELS[self.item.key])

    @property
    def formula(self) -> str:
        return gettext(INDEX_FORMULAS[self.item.key])

    @property
    def points(self) -> str:
        """The indicator's maximum as written: 6, 2,5."""
        points = self.item.rule.points
        return vn_number(points, 0 if points == points.to_integral_value() else 1)


@dataclass(frozen=True)
class Group:
    key: str
    score: Decimal
    maximum: Decimal
    attainable: Decimal
    rows: list[Row]

    @property
    def label(self) -> str:
        return gettext(INDEX_GROUPS[self.key])


def groups_of(result: ServiceIndex) -> list[Group]:
    """The five groups in the order of service-index.md, each with its indicators."""
    rows: dict[str, list[Row]] = {group: [] for group in GROUPS}
    for item in result.index.indicators:
        pair = INDICATORS.get(item.key)
        numerator = denominator = None
        if pair is not None and item.computed:
            numerator = Count(pair[0], result.counts[pair[0]])
            denominator = Count(pair[1], result.counts[pair[1]])
        reason = result.reasons.get(item.key) if not item.computed else None
        rows[item.rule.group].append(
            Row(item, numerator, denominator, gettext(INDEX_REASONS[reason]) if reason else "")
        )
    order = ("publicity", "progress", "online", "satisfaction", "digitization")
    return [
        Group(
            group,
            result.index.groups[group],
            GROUPS[group],
            result.index.group_attainable[group],
            rows[group],
        )
        for group in order
    ]


@dataclass(frozen=True)
class Ranked:
    """An agency of the ranking, with the points it loses per indicator."""

    row: ServiceIndex
    lost: list[tuple[str, Decimal | None]]  # per ranked indicator: lost, or None if not computed

    @property
    def act_first(self) -> list[tuple[str, Decimal]]:
        losses = [
            (gettext(INDEX_LABELS[item.key]), item.lost)
            for item in self.row.index.indicators
            if item.computed and item.lost > 0
        ]
        return sorted(losses, key=lambda pair: -pair[1])[:ACT_FIRST]


# The indicators a ranking compares: those our data can give for some agency.
RANKED_INDICATORS = [
    rule.key
    for rule in RULES
    if rule.key in INDICATORS or rule.key.startswith("satisfaction.feedback")
]


def ranking(rows: list[ServiceIndex]) -> list[Ranked]:
    result = []
    for row in rows:
        lost = {item.key: item.lost if item.computed else None for item in row.index.indicators}
        result.append(Ranked(row, [(key, lost[key]) for key in RANKED_INDICATORS]))
    return result


@dataclass(frozen=True)
class TrendPoint:
    month: int
    period: Period
    index: IndexScore | None

    @property
    def groups(self) -> list[Decimal]:
        return [self.index.groups[group] for group in GROUPS] if self.index else []


def trend(year: int, agency: Agency | None) -> list[TrendPoint]:
    months = monthly_service_index(year, agency=agency, today=timezone.localdate())
    return [
        TrendPoint(month, period, result.index if result else None)
        for month, (period, result) in enumerate(months, 1)
    ]


@action_required("report.agency")
@require_GET
@on_replica
def service_index_view(request: HttpRequest) -> HttpResponse:
    """The index of the period. The monthly trend (twelve months computed) comes in a second
    request (``part=trend``: htmx loads it when the page has loaded; without JavaScript, a link),
    so that the period's own figures are not kept waiting at province scale."""
    scope = resolve_scope(request.user, request.GET)
    year = board.reporting_year(scope.period.end)
    group_labels = [(key, gettext(INDEX_GROUPS[key])) for key in GROUPS]
    wants_trend = request.GET.get("part") == "trend"
    if wants_trend and request.headers.get("HX-Request"):
        return render(
            request,
            "reports/partials/service_index_trend.html",
            {"trend": trend(year, scope.agency), "trend_year": year, "group_labels": group_labels},
        )
    result, breakdown = service_index_report(scope.period, agency=scope.agency)
    context = {
        "scope": scope,
        "result": result,
        "groups": groups_of(result),
        "legal_source": gettext(LEGAL_SOURCE),
        "ranking": ranking(breakdown),
        "ranked_indicators": [(key, gettext(INDEX_LABELS[key])) for key in RANKED_INDICATORS],
        "trend": trend(year, scope.agency) if wants_trend else None,
        "trend_year": year,
        "trend_query": scope.query + "&part=trend",
        "group_labels": group_labels,
    }
    return render(request, "reports/service_index.html", context)
