"""Evaluations of the settlement (Decree 61/2018's 9 indicators, 0–18 points): statistics.md §9
``evaluations``, per period and per agency, with drill-down to the records.

The rows are the applicant's own evaluations (``source`` = applicant) of dossiers whose result
was returned in [F, T]; an evaluation the desk recorded on the applicant's behalf is not counted
(statistics.md §9) and is reported apart, as ``desk_on_behalf`` (a count only). "Returned in
[F, T]" is ``returned_at`` in the local instants of the period. The agency of an evaluation is
its dossier's settling agency (with the agencies below it, like form 06).

Every figure family is one query of conditional aggregates: the headline (``evaluation_figures``)
and the breakdown by agency (``evaluation_breakdown``). ``evaluation_records`` filters the same
rows with the same conditions, so a figure and its records cannot disagree.
"""

from decimal import Decimal
from typing import Any

from django.db.models import Count, F, Q, QuerySet, Sum
from django.db.models.lookups import GreaterThanOrEqual

from motcua.agencies.models import Agency
from motcua.agencies.selectors import agency_descendant_ids
from motcua.dossiers.evaluation_rules import MAX_TOTAL, SATISFIED_TOTAL
from motcua.dossiers.models import INDICATORS, Evaluation, EvaluationSource
from motcua.reports.selectors.catalog import percentage
from motcua.utils.formatting import round_half_up
from motcua.utils.periods import Period
from motcua.utils.text import vn_sorted

# The figures that drill down to records: every counted evaluation, and the satisfied ones.
RECORD_FIGURES = ("count", "satisfied", "desk_on_behalf")


def evaluation_score() -> Any:
    """The total score (0–18) of an evaluation as a database expression."""
    expression: Any = F(INDICATORS[0][0])
    for name, _label in INDICATORS[1:]:
        expression = expression + F(name)
    return expression


def evaluation_rows(period: Period, agency: Agency | None = None) -> QuerySet[Evaluation]:
    """Evaluations of dossiers returned in [F, T] (any source)."""
    start, after_end = period.instant_bounds()
    rows = Evaluation.objects.filter(
        dossier__returned_at__gte=start, dossier__returned_at__lt=after_end
    )
    if agency is not None:
        rows = rows.filter(dossier__agency_id__in=agency_descendant_ids(agency))
    return rows


def evaluation_conditions() -> dict[str, Q]:
    applicant = Q(source=EvaluationSource.APPLICANT)
    return {
        "count": applicant,
        "satisfied": applicant & Q(GreaterThanOrEqual(evaluation_score(), SATISFIED_TOTAL)),
        "desk_on_behalf": Q(source=EvaluationSource.DESK_ON_BEHALF),
    }


def _aggregates() -> dict[str, Any]:
    conditions = evaluation_conditions()
    return {
        "count": Count("pk", filter=conditions["count"]),
        "satisfied": Count("pk", filter=conditions["satisfied"]),
        "points": Sum(evaluation_score(), filter=conditions["count"]),
        "desk_on_behalf": Count("pk", filter=conditions["desk_on_behalf"]),
    }


def _figures(row: dict[str, Any]) -> dict[str, Any]:
    """The §9 ``evaluations`` object (and the counts behind it) from one aggregate row:
    ``average`` = mean total, one decimal, half up; ``satisfied_rate`` = share with a total
    ≥ 15, percent, two decimals, half up; 0.0 without evaluations."""
    count = row["count"] or 0
    points = row["points"] or 0
    average = float(round_half_up(Decimal(points) / Decimal(count), 1)) if count else 0.0
    return {
        "count": count,
        "average": average,
        "satisfied_rate": percentage(row["satisfied"] or 0, count),
        "satisfied": row["satisfied"] or 0,
        "desk_on_behalf": row["desk_on_behalf"] or 0,
        "max": MAX_TOTAL,
    }


def evaluation_figures(period: Period, *, agency: Agency | None = None) -> dict[str, Any]:
    """The evaluation figures of ``period`` (and ``agency``), in one query."""
    return _figures(evaluation_rows(period, agency).aggregate(**_aggregates()))


def evaluations_json(period: Period) -> dict[str, Any]:
    """Exactly the §9 ``evaluations`` object: ``{"count", "average", "satisfied_rate"}``."""
    figures = evaluation_figures(period)
    return {key: figures[key] for key in ("count", "average", "satisfied_rate")}


def evaluation_breakdown(
    period: Period, *, agency: Agency | None = None
) -> list[tuple[Agency, dict[str, Any]]]:
    """The figures per settling agency (only agencies with evaluations), in one grouped query,
    sorted by the agency's name."""
    grouped = (
        evaluation_rows(period, agency)
        .values("dossier__agency_id")
        .annotate(**_aggregates())
        .order_by("dossier__agency_id")
    )
    rows: dict[int, dict[str, Any]] = {row["dossier__agency_id"]: dict(row) for row in grouped}
    agencies = Agency.objects.in_bulk(list(rows))
    result = [(agencies[pk], _figures(row)) for pk, row in rows.items() if pk in agencies]
    return vn_sorted(result, key=lambda item: item[0].name)


def evaluation_records(
    figure: str, period: Period, *, agency: Agency | None = None
) -> QuerySet[Evaluation]:
    """The evaluations behind a figure (``RECORD_FIGURES``); ``.count()`` equals it."""
    conditions = evaluation_conditions()
    if figure not in conditions:
        raise KeyError(
            f"Không có chỉ tiêu {figure!r} / Unknown figure {figure!r}; "
            f"known: {', '.join(RECORD_FIGURES)}"
        )
    return (
        evaluation_rows(period, agency)
        .filter(conditions[figure])
        .annotate(score=evaluation_score())
        .select_related("dossier", "dossier__agency", "dossier__procedure")
        .order_by("dossier__returned_at", "pk")
    )
