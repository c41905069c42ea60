"""The annual report (statistics.md §9): the figures of §2–§8 for year Y gathered into the §9
object, and what its documents show beside those figures.

``annual_figures`` is the machine-readable report, key for key the §9 object; every figure comes
from the selector that defines it, so the JSON, the DOCX and the XLSX cannot disagree with the
dashboards or with each other.
"""

import datetime as dt
from dataclasses import dataclass
from typing import Any

from motcua.agencies.models import Province
from motcua.feedback.selectors import feedback_breakdown, feedback_figures
from motcua.handbook.selectors import HandbookFigures, handbook_figures
from motcua.inspections.selectors import inspection_figures
from motcua.reports.selectors.catalog import (
    catalog_figures,
    catalog_records,
    online_service_figures,
    shortening_figures,
    shortenings_in_period,
)
from motcua.reports.selectors.digitization import digitization
from motcua.reports.selectors.dossiers import BreakdownRow, form06, form06_breakdown
from motcua.reports.selectors.evaluations import evaluations_json
from motcua.reports.selectors.service_index import service_index
from motcua.reports.service_index_rules import index_json
from motcua.utils.periods import Period

# The annexes: form 06 by field (lĩnh vực) and the feedback table by agency.
ANNEX_FORM06 = "Phụ lục I"
ANNEX_FEEDBACK = "Phụ lục II"
FORM06_ANNEX_BY = "field"
FEEDBACK_ANNEX_BY = "agency"


def annual_period(year: int) -> Period:
    """Year Y: 15/12/Y−1 to 14/12/Y (§1)."""
    return Period.for_year(year)


def _province() -> Province | None:
    # Read, never create, the province row: a report must not write.
    return Province.objects.filter(pk=1).first()


def annual_figures(year: int) -> dict[str, Any]:
    """statistics.md §9: exactly its object, in its key order.

    Counts are integers, rates percentages as numbers rounded as the document shows them
    (86.15; 73.1), money rounded half up to the nearest million VND (980000000), the service
    index's scores with two decimals (service-index.md; indicators our data cannot give count
    in no score).
    """
    period = annual_period(year)
    province = _province()
    hourly_cost = province.hourly_cost_vnd if province else 0
    return {
        "period": period.as_json(),
        "catalog": catalog_figures(period),
        "shortening": shortening_figures(period, hourly_cost),
        "online_services": online_service_figures(period),
        "dossiers": form06(period),
        "digitization": digitization(period),
        "feedback": feedback_figures(period),
        "inspections": inspection_figures(period),
        "evaluations": evaluations_json(period),
        "service_index": index_json(service_index(period).index),
    }


@dataclass(frozen=True)
class DecisionRef:
    """A decision that approved shortenings, as the report cites it (number and date)."""

    number: str
    date: dt.date


@dataclass(frozen=True)
class AnnualContent:
    """The §9 figures with what the documents name beside them: the province, the decisions
    that approved the shortenings, the departments without an online service of their own,
    and the annex breakdowns (their totals are the §9 figures)."""

    year: int
    period: Period
    province_name: str
    figures: dict[str, Any]
    shortening_decisions: list[DecisionRef]
    departments_without_online: list[str]
    dossiers_by_field: list[BreakdownRow]
    feedback_by_agency: list[dict[str, Any]]
    # The handbook's figures of the year; None while the handbook holds nothing.
    handbook: HandbookFigures | None = None


def annual_content(year: int, figures: dict[str, Any] | None = None) -> AnnualContent:
    """Everything the annual documents show; ``figures`` when ``annual_figures(year)`` is
    already at hand."""
    period = annual_period(year)
    province = _province()
    decisions = (
        shortenings_in_period(period)
        .values_list("decision__number", "decision__date")
        .distinct()
        .order_by("decision__date", "decision__number")
    )
    covered = catalog_records("online_services.departments.covered", period)
    uncovered = (
        catalog_records("online_services.departments.total", period)
        .exclude(pk__in=covered.values("pk"))
        .order_by("name")
        .values_list("name", flat=True)
    )
    return AnnualContent(
        year=year,
        period=period,
        province_name=province.name if province else "",
        figures=figures if figures is not None else annual_figures(year),
        shortening_decisions=[DecisionRef(number, date) for number, date in decisions],
        departments_without_online=list(uncovered),
        dossiers_by_field=form06_breakdown(period, FORM06_ANNEX_BY),
        feedback_by_agency=feedback_breakdown(period, by=FEEDBACK_ANNEX_BY),
        handbook=handbook_figures(year=year, start=period.start, end=period.end),
    )
