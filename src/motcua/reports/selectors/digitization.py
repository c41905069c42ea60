"""Digitization of dossiers and results (số hóa hồ sơ, kết quả giải quyết): statistics.md §7, in
the shape of the §9 ``digitization`` object.

The counts are those of conditional aggregates over the dossiers received in the period (the
rows of form 06, ``digitization_counts_direct``); ``digitization_records`` lists the dossiers
behind each count with the same conditions. ``digitization_counts`` reads them from the form 06
rollup instead (``reports/rollups.py``), where all but one are linear in a single date: new with
a flag on date(received), approved (with its result digitized) on date(ended). "Digitized" is
new with components digitized, less those of them approved by T without a digitized result, a
condition on two dates (received in [F, T], ended ≤ T) that a partial index of the dossiers
answers (``dossier_result_undigitized``: a small set). A property test holds both ways equal.

Rates are percentages with one decimal, half up, like the headline rate of the report (73,1%).
§7 fixes one decimal only for the headline rate; the other rates are shown beside it in the
same document, so they take the same precision (a decision of this module).
"""

from typing import Any

from django.db.models import Count, Q, QuerySet

from motcua.agencies.models import Agency
from motcua.dossiers.models import Dossier
from motcua.dossiers.workflow import Outcome
from motcua.reports.selectors.catalog import percentage
from motcua.reports.selectors.dossiers import agency_ids, received_dossiers, rollup_sums
from motcua.utils.periods import Period

RATE_PLACES = 1

# The counts behind the rates; each rate is (numerator, denominator).
COUNTS = (
    "new",
    "digitized",
    "components_digitized",
    "reused_data",
    "paid_online",
    "approved",
    "result_digitized",
)
RATES: dict[str, tuple[str, str]] = {
    "rate": ("digitized", "new"),
    "components_rate": ("components_digitized", "new"),
    "results_rate": ("result_digitized", "approved"),
    "reuse_rate": ("reused_data", "new"),
    "online_payment_rate": ("paid_online", "new"),
}


def digitization_conditions(period: Period) -> dict[str, Q]:
    """The §7 condition of every count, over ``received_dossiers(period)``:

    - ``new``: date(received) in [F, T] (the base of every rate but the results rate);
    - ``digitized``: new, components digitized at intake and, if it ended approved by T
      (date(ended) ≤ T), its result digitized too;
    - ``components_digitized`` / ``reused_data`` / ``paid_online``: new with that flag;
    - ``approved``: approved in the period (received, date(ended) in [F, T], outcome approved);
    - ``result_digitized``: approved in the period with its result digitized.
    """
    first, last = period.start, period.end
    new = Q(received_on__gte=first, received_on__lte=last)
    approved_by_end = Q(outcome=Outcome.APPROVED, ended_on__lte=last)
    approved = Q(outcome=Outcome.APPROVED, ended_on__gte=first, ended_on__lte=last)
    return {
        "new": new,
        "digitized": new
        & Q(components_digitized=True)
        & (Q(result_digitized=True) | ~approved_by_end),
        "components_digitized": new & Q(components_digitized=True),
        "reused_data": new & Q(reused_data=True),
        "paid_online": new & Q(paid_online=True),
        "approved": approved,
        "result_digitized": approved & Q(result_digitized=True),
    }


def digitization_counts(period: Period, *, agency: Agency | None = None) -> dict[str, int]:
    """The counts behind the §7 rates (keys: ``COUNTS``), from the rollup and one count of the
    partial index (module docstring); equal to ``digitization_counts_direct``."""
    ids = agency_ids(agency, True)
    (sums,) = rollup_sums([period], ids)
    undigitized = Dossier.objects.filter(
        received_on__gte=period.start,
        received_on__lte=period.end,
        ended_on__lte=period.end,
        outcome=Outcome.APPROVED,
        components_digitized=True,
        result_digitized=False,
    )
    if ids is not None:
        undigitized = undigitized.filter(agency_id__in=ids)
    return {
        "new": sums["w_received"],
        "digitized": sums["w_new_components"] - undigitized.count(),
        "components_digitized": sums["w_new_components"],
        "reused_data": sums["w_new_reused"],
        "paid_online": sums["w_new_paid"],
        "approved": sums["w_approved"],
        "result_digitized": sums["w_approved_result"],
    }


def digitization_counts_direct(period: Period, *, agency: Agency | None = None) -> dict[str, int]:
    """``digitization_counts`` counted from the dossiers in one query, exactly as
    ``digitization_records`` lists them."""
    conditions = digitization_conditions(period)
    return received_dossiers(period, agency=agency).aggregate(
        **{name: Count("pk", filter=conditions[name]) for name in COUNTS}
    )


def digitization_rates(counts: dict[str, int]) -> dict[str, float]:
    """The §9 ``digitization`` object from the counts: each rate in percent, one decimal, half
    up (731/1000 → 73.1; 7305/10000 → 73.1); 0.0 when its denominator is 0."""
    return {
        rate: percentage(counts[part], counts[whole], RATE_PLACES)
        for rate, (part, whole) in RATES.items()
    }


def digitization(period: Period, *, agency: Agency | None = None) -> dict[str, float]:
    """statistics.md §7, exactly the §9 ``digitization`` object, in two queries:

    - ``rate``: digitized / new;
    - ``components_rate``: components digitized / new;
    - ``results_rate``: results digitized / dossiers approved in the period;
    - ``reuse_rate``: reused data / new;
    - ``online_payment_rate``: paid online / new.
    """
    return digitization_rates(digitization_counts(period, agency=agency))


def digitization_records(
    count: str, period: Period, *, agency: Agency | None = None
) -> QuerySet[Dossier]:
    """The dossiers behind a count of §7 (``COUNTS``); ``.count()`` equals it. A rate drills
    down through its numerator and denominator (``RATES``)."""
    conditions: dict[str, Any] = digitization_conditions(period)
    if count not in conditions:
        raise KeyError(
            f"Không có chỉ tiêu {count!r} / Unknown count {count!r}; known: {', '.join(COUNTS)}"
        )
    return received_dossiers(period, agency=agency).filter(conditions[count])
