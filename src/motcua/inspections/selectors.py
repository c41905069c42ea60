"""Inspection figures of the periodic report: statistics.md §8, in the shape of the §9 JSON
object ``inspections``, and the records behind each figure.

The figures and ``inspection_records`` are built from the same querysets, so a figure and its
drill-down cannot disagree.
"""

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Case, Count, F, IntegerField, Q, QuerySet, Value, When

from motcua.agencies.models import Agency
from motcua.inspections.models import (
    Inspection,
    InspectionPlan,
    Recommendation,
    RecommendationState,
)
from motcua.inspections.rules import recommendation_late
from motcua.utils.periods import Period

FIGURES = ("planned", "done", "surprise")
PREFIX = "inspections."


def planned_inspections(period: Period) -> QuerySet[Inspection]:
    """§8: planned = 1 and plan_year = Y, the year of the period's end (T)."""
    return Inspection.objects.filter(planned=True, plan_year=period.end.year)


def _done(period: Period) -> Q:
    """§8: of the planned ones, those that took place by T."""
    return Q(inspected_on__lte=period.end)


def surprise_inspections(period: Period) -> QuerySet[Inspection]:
    """§8: planned = 0 and inspected_on in [F, T], by date (then agency name, for a stable
    order among inspections of the same day)."""
    return (
        Inspection.objects.filter(planned=False, inspected_on__range=(period.start, period.end))
        .select_related("agency")
        .order_by("inspected_on", "agency__name", "pk")
    )


def inspection_figures(period: Period) -> dict[str, Any]:
    """statistics.md §8, the §9 ``inspections`` object:
    ``{"planned": N, "done": N, "surprise": [{"agency": name, "date": "YYYY-MM-DD"}, …]}``.

    Two queries: the planned counts, the surprise list. Completion (done / planned) is for the
    document to show beside them.
    """
    counts = planned_inspections(period).aggregate(
        planned=Count("pk"), done=Count("pk", filter=_done(period))
    )
    surprise = surprise_inspections(period).values_list("agency__name", "inspected_on")
    return {
        "planned": counts["planned"],
        "done": counts["done"],
        "surprise": [{"agency": name, "date": on.isoformat()} for name, on in surprise if on],
    }


def inspection_records(figure: str, period: Period) -> QuerySet[Inspection]:
    """The inspections behind a figure, named by its §9 key path (``inspections.planned``,
    ``inspections.done``, ``inspections.surprise``; the prefix may be left out).
    ``.count()`` equals the count (the length of the list for ``surprise``, in its order)."""
    key = figure.removeprefix(PREFIX)
    if key == "planned":
        records = planned_inspections(period)
    elif key == "done":
        records = planned_inspections(period).filter(_done(period))
    elif key == "surprise":
        return surprise_inspections(period)
    else:
        known = ", ".join(PREFIX + name for name in FIGURES)
        raise KeyError(f"Không có chỉ tiêu {figure!r} / Unknown figure {figure!r}; known: {known}")
    return records.select_related("agency").order_by("agency__name", "pk")


# ---- the plan, its progress and the follow-up (issue #11) ------------------------------------


def late_q(today: dt.date) -> Q:
    """``rules.recommendation_late`` as a query: open past due, or reported or done after it."""
    return Q(state=RecommendationState.OPEN, due_on__lt=today) | (
        ~Q(state=RecommendationState.OPEN) & Q(completed_on__gt=F("due_on"))
    )


def late_recommendations(
    recommendations: QuerySet[Recommendation], *, today: dt.date
) -> QuerySet[Recommendation]:
    """The late ones of ``recommendations``: the still open (overdue) first, longest overdue
    first; then those reported or done late."""
    return (
        recommendations.filter(late_q(today))
        .select_related("inspection__agency", "owner")
        .annotate(
            overdue=Case(
                When(state=RecommendationState.OPEN, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            )
        )
        .order_by("overdue", "due_on", "pk")
    )


@dataclass(frozen=True)
class QuarterProgress:
    quarter: int | None
    planned: int
    done: int


def plan_progress(plan: InspectionPlan, *, today: dt.date) -> list[QuarterProgress]:
    """Planned and done inspections of the plan by quarter (one query); done: took place by
    ``today``."""
    rows = (
        Inspection.objects.filter(plan=plan)
        .values("quarter")
        .annotate(planned=Count("pk"), done=Count("pk", filter=Q(inspected_on__lte=today)))
    )
    found: dict[int | None, tuple[int, int]] = {
        row["quarter"]: (row["planned"], row["done"]) for row in rows
    }
    return [QuarterProgress(q, *found.get(q, (0, 0))) for q in (1, 2, 3, 4)]


def inspections_of_plan(plan: InspectionPlan) -> QuerySet[Inspection]:
    return (
        Inspection.objects.filter(plan=plan)
        .select_related("agency")
        .prefetch_related("members", "recommendations")
        .order_by("quarter", "agency__name", "pk")
    )


def surprise_inspections_of_year(year: int) -> QuerySet[Inspection]:
    return (
        Inspection.objects.filter(planned=False, inspected_on__year=year)
        .select_related("agency")
        .prefetch_related("recommendations")
        .order_by("inspected_on", "agency__name", "pk")
    )


def agency_inspections(agency: Agency) -> QuerySet[Inspection]:
    """Every inspection of ``agency`` (imported and recorded here), the latest first."""
    return (
        Inspection.objects.filter(agency=agency)
        .select_related("plan")
        .prefetch_related("recommendations")
        .order_by(F("inspected_on").desc(nulls_first=True), "-plan_year", "-pk")
    )


def recommendation_counts(inspection: Inspection, *, today: dt.date) -> dict[str, int]:
    """Open, reported, done and late recommendations of an inspection (prefetched rows)."""
    recs = list(inspection.recommendations.all())
    return {
        "total": len(recs),
        "open": sum(r.state == RecommendationState.OPEN for r in recs),
        "late": sum(
            recommendation_late(
                state=r.state, due_on=r.due_on, completed_on=r.completed_on, today=today
            )
            for r in recs
        ),
    }
