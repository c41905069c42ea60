"""Inspection figures of the periodic report: statistics.md §8, in the shape of the §9 JSON
object ``inspections``, and the records behind each figure.

The figures and ``inspection_records`` are built from the same querysets, so a figure and its
drill-down cannot disagree.
"""

from typing import Any

from django.db.models import Count, Q, QuerySet

from motcua.inspections.models import Inspection
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
