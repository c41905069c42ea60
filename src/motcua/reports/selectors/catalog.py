"""Catalog figures of the periodic report: statistics.md §4 (procedure catalog), §5 (online
public services) and §6 (shortening of processing time), in the shape of the §9 JSON objects
``catalog``, ``online_services`` and ``shortening``.

Every figure is counted in the database with conditional aggregates, one query per figure
family, from the same filters that ``catalog_records`` uses to list the records behind it, so a
figure and its drill-down cannot disagree.

Limitation (§4, §5 "at the end of the period (date T)"): ``Procedure`` holds only the current
status, online level and portal integration, so these figures count procedures as they are
*now*, not as they were at T. ``ProcedureVersion`` keeps the history; counting as of T from it
is a later refinement. For a period that ends today (the usual case) the two agree.
"""

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from django.db.models import (
    Count,
    DecimalField,
    Exists,
    ExpressionWrapper,
    F,
    OuterRef,
    Q,
    QuerySet,
    Sum,
    Value,
)

from motcua.agencies.models import Agency, AgencyKind
from motcua.procedures.models import (
    Authority,
    Decision,
    DecisionKind,
    Level,
    OnlineLevel,
    Procedure,
    ProcedureStatus,
    Shortening,
)
from motcua.utils.formatting import round_half_up
from motcua.utils.periods import Period

HOURS_PER_WORKING_DAY = 8  # §6: each working day saved is 8 hours of the applicant's time
MILLION = Decimal(1_000_000)
LEVELS = (Level.PROVINCE, Level.DISTRICT, Level.COMMUNE)

ONLINE = Q(online_level__in=(OnlineLevel.FULL, OnlineLevel.PARTIAL))
# §4 splits of the active catalog; the keys are the §9 ``catalog`` keys.
_CATALOG_SPLITS: dict[str, Q] = {
    "total": Q(),
    "central": Q(authority=Authority.CENTRAL),
    "local": Q(authority=Authority.LOCAL),
    **{f"by_level.{level}": Q(level=level) for level in LEVELS},
}
# §5 splits of the active catalog; the keys are the §9 ``online_services`` keys.
_ONLINE_SPLITS: dict[str, Q] = {
    "total": ONLINE,
    "full": Q(online_level=OnlineLevel.FULL),
    "partial": Q(online_level=OnlineLevel.PARTIAL),
    "national_portal": ONLINE & Q(national_portal=True),
}
# §5 coverage: the agencies of a kind, and which active procedures make them covered.
_COVERAGE_KINDS = {
    "departments": AgencyKind.DEPARTMENT,
    "districts": AgencyKind.DISTRICT,
    "communes": AgencyKind.COMMUNE,
}
_LEVEL_OF_KIND: dict[str, Level] = {
    AgencyKind.DISTRICT: Level.DISTRICT,
    AgencyKind.COMMUNE: Level.COMMUNE,
}


# --- §4 procedure catalog -------------------------------------------------------------------


def active_procedures() -> QuerySet[Procedure]:
    """Procedures in force (status active), the base of §4 and §5 (current status; see the
    module docstring for the as-of-T limitation)."""
    return Procedure.objects.filter(status=ProcedureStatus.ACTIVE)


def _decisions(period: Period, kind: str) -> QuerySet[Decision]:
    """§4: decisions of ``kind`` dated in [F, T] (a decision's date is already a local date)."""
    return Decision.objects.filter(kind=kind, date__range=(period.start, period.end))


def catalog_figures(period: Period) -> dict[str, Any]:
    """statistics.md §4, the §9 ``catalog`` object.

    - ``total``: active procedures (under local settlement authority), split ``central`` /
      ``local`` by who defined them (authority) and ``by_level`` province/district/commune;
    - ``publication_decisions``: decisions of kind ``publication`` dated in [F, T];
    - ``regulation_documents``: decisions of kind ``regulation`` dated in [F, T]
      (kind ``other`` is never counted).

    Two queries: one over procedures, one over decisions.
    """
    counts = active_procedures().aggregate(
        **{_alias(key): _count(q) for key, q in _CATALOG_SPLITS.items()}
    )
    decisions = Decision.objects.filter(date__range=(period.start, period.end)).aggregate(
        publication_decisions=_count(Q(kind=DecisionKind.PUBLICATION)),
        regulation_documents=_count(Q(kind=DecisionKind.REGULATION)),
    )
    return {
        "total": counts["total"],
        "central": counts["central"],
        "local": counts["local"],
        "by_level": {level.value: counts[_alias(f"by_level.{level}")] for level in LEVELS},
        "publication_decisions": decisions["publication_decisions"],
        "regulation_documents": decisions["regulation_documents"],
    }


# --- §6 shortening of processing time -------------------------------------------------------


def shortenings_in_period(period: Period) -> QuerySet[Shortening]:
    """§6: the shortenings approved by decisions dated in [F, T]."""
    return Shortening.objects.filter(decision__date__range=(period.start, period.end))


def shortenings_with_saving(period: Period, *, hourly_cost_vnd: int) -> QuerySet[Shortening]:
    """The §6 shortenings, each annotated with ``saving_vnd``, its exact annual saving:
    (days_before − days_after) × 8 × hourly_cost_vnd × annual_dossiers.

    On SQLite decimals are floats: read ``saving_vnd`` through ``exact_vnd``.
    """
    return shortenings_in_period(period).annotate(saving_vnd=_saving(hourly_cost_vnd))


def shortened_procedures(period: Period) -> QuerySet[Procedure]:
    """§6: the procedures (of any status) shortened by decisions dated in [F, T], once each."""
    return Procedure.objects.filter(pk__in=shortenings_in_period(period).values("procedure_id"))


def shortening_figures(period: Period, hourly_cost_vnd: int) -> dict[str, Any]:
    """statistics.md §6, the §9 ``shortening`` object.

    - ``total``: procedures whose processing time a decision dated in [F, T] shortened, each
      procedure counted once even if two such decisions shortened it; ``by_level`` splits them
      by the procedure's level. Abolished procedures still count: the shortening happened.
    - ``saving_vnd``: S = Σ (days_before − days_after) × 8 × ``hourly_cost_vnd`` ×
      annual_dossiers over those shortenings (every shortening row adds its saving), rounded
      half up to the nearest million VND (500.000 → 1.000.000).
    - ``saving_per_procedure_vnd``: the *unrounded* S divided by ``total``, then rounded half
      up to the nearest million VND; 0 when there is no shortening.

    One query.
    """
    result = shortenings_in_period(period).aggregate(
        total=Count("procedure", distinct=True),
        **{
            level.value: Count("procedure", distinct=True, filter=Q(procedure__level=level))
            for level in LEVELS
        },
        saving=Sum(_saving(hourly_cost_vnd)),
    )
    total = result["total"]
    saving = exact_vnd(result["saving"] or 0)
    return {
        "total": total,
        "by_level": {level.value: result[level.value] for level in LEVELS},
        "saving_vnd": round_to_million(saving),
        "saving_per_procedure_vnd": round_to_million(saving / total) if total else 0,
    }


def round_to_million(amount: Decimal) -> int:
    """Half up to the nearest million VND (§9: "rounded as in the document")."""
    return int(round_half_up(amount / MILLION) * MILLION)


def exact_vnd(value: Decimal | float | int) -> Decimal:
    """A saving as stored arithmetic gives it, made exact.

    Days have one decimal place and every other factor is an integer, so a saving has at most
    one decimal place; quantizing to it undoes SQLite's float arithmetic (PostgreSQL's numeric
    is exact already).
    """
    return Decimal(str(value)).quantize(Decimal("0.1"))


def _saving(hourly_cost_vnd: int) -> ExpressionWrapper:
    return ExpressionWrapper(
        (F("days_before") - F("days_after"))
        * Value(HOURS_PER_WORKING_DAY * hourly_cost_vnd)
        * F("annual_dossiers"),
        output_field=DecimalField(max_digits=30, decimal_places=1),
    )


# --- §5 online public services --------------------------------------------------------------


def _agencies_of_kind(kind: str) -> QuerySet[Agency]:
    """§5 coverage denominators: the active agencies of ``kind``."""
    return Agency.objects.filter(kind=kind, is_active=True)


def _department_has_online_service() -> Exists:
    """§5: the department itself is the agency of at least one active online procedure
    (procedures of its child units do not count)."""
    return Exists(active_procedures().filter(ONLINE, agency=OuterRef("pk")))


def _covered_agencies(kind: str) -> QuerySet[Agency]:
    """§5 coverage numerators.

    Departments: those with an online service of their own. Districts and communes: all of
    them when at least one active procedure of that level is online, else none.
    """
    agencies = _agencies_of_kind(kind)
    if kind == AgencyKind.DEPARTMENT:
        return agencies.filter(_department_has_online_service())
    return agencies.filter(Exists(active_procedures().filter(ONLINE, level=_LEVEL_OF_KIND[kind])))


def online_service_figures(period: Period) -> dict[str, Any]:
    """statistics.md §5, the §9 ``online_services`` object.

    Over active procedures (at T; current status, see the module docstring):

    - ``total``: online services, i.e. online_level full or partial; ``full`` / ``partial``;
    - ``national_portal``: online services integrated on the National Public Service Portal;
    - ``national_portal_rate``: national_portal / total as a percentage, two decimals, half up
      (740/859 → 86.15); 0.0 when there is no online service;
    - ``departments``: ``covered`` = active departments that are the agency of at least one
      active online procedure, ``total`` = active departments;
    - ``districts`` / ``communes``: ``total`` = active agencies of that kind; ``covered`` =
      ``total`` when at least one active district-level (commune-level) procedure is online,
      else 0.

    ``period`` is accepted for symmetry with the other families: the figures are "at T" and,
    without history, do not depend on it yet.

    Two queries: one over procedures, one over agencies.
    """
    counts = active_procedures().aggregate(
        **{key: _count(q) for key, q in _ONLINE_SPLITS.items()},
        online_district=_count(ONLINE & Q(level=Level.DISTRICT)),
        online_commune=_count(ONLINE & Q(level=Level.COMMUNE)),
    )
    agencies = Agency.objects.filter(is_active=True).aggregate(
        departments_total=_count(Q(kind=AgencyKind.DEPARTMENT)),
        departments_covered=_count(
            Q(kind=AgencyKind.DEPARTMENT) & Q(_department_has_online_service())
        ),
        districts_total=_count(Q(kind=AgencyKind.DISTRICT)),
        communes_total=_count(Q(kind=AgencyKind.COMMUNE)),
    )
    return {
        "total": counts["total"],
        "full": counts["full"],
        "partial": counts["partial"],
        "national_portal": counts["national_portal"],
        "national_portal_rate": percentage(counts["national_portal"], counts["total"]),
        "departments": {
            "covered": agencies["departments_covered"],
            "total": agencies["departments_total"],
        },
        "districts": {
            "covered": agencies["districts_total"] if counts["online_district"] else 0,
            "total": agencies["districts_total"],
        },
        "communes": {
            "covered": agencies["communes_total"] if counts["online_commune"] else 0,
            "total": agencies["communes_total"],
        },
    }


def percentage(part: int, whole: int, places: int = 2) -> float:
    """``part / whole`` in percent, rounded half up (740/859 → 86.15); 0.0 when ``whole`` is 0.

    A float so that JSON carries a number; it is the nearest float to the rounded decimal and
    so prints exactly as it (86.15).
    """
    if not whole:
        return 0.0
    return float(round_half_up(Decimal(part * 100) / Decimal(whole), places))


# --- drill-down -----------------------------------------------------------------------------


def _active_split(q: Q) -> Callable[..., QuerySet]:
    return lambda period, **kw: active_procedures().filter(q)


def _shortened_at_level(level: str) -> Callable[..., QuerySet]:
    return lambda period, **kw: shortened_procedures(period).filter(level=level)


def _saving_rows(period: Period, *, hourly_cost_vnd: int | None = None, **kw) -> QuerySet:
    if hourly_cost_vnd is None:
        raise TypeError("shortening.saving_vnd needs hourly_cost_vnd")
    return shortenings_with_saving(period, hourly_cost_vnd=hourly_cost_vnd)


def _coverage(kind: str, part: str) -> Callable[..., QuerySet]:
    if part == "covered":
        return lambda period, **kw: _covered_agencies(kind)
    return lambda period, **kw: _agencies_of_kind(kind)


FIGURE_RECORDS: dict[str, Callable[..., QuerySet]] = {
    **{f"catalog.{key}": _active_split(q) for key, q in _CATALOG_SPLITS.items()},
    "catalog.publication_decisions": lambda period, **kw: _decisions(
        period, DecisionKind.PUBLICATION
    ),
    "catalog.regulation_documents": lambda period, **kw: _decisions(
        period, DecisionKind.REGULATION
    ),
    "shortening.total": lambda period, **kw: shortened_procedures(period),
    **{f"shortening.by_level.{level}": _shortened_at_level(level) for level in LEVELS},
    "shortening.saving_vnd": _saving_rows,
    **{f"online_services.{key}": _active_split(q) for key, q in _ONLINE_SPLITS.items()},
    **{
        f"online_services.{group}.{part}": _coverage(kind, part)
        for group, kind in _COVERAGE_KINDS.items()
        for part in ("covered", "total")
    },
}


def catalog_records(figure: str, period: Period, **kw: Any) -> QuerySet:
    """The records behind a figure of §4–§6, named by its §9 key path.

    Counts drill down to the records they count (``.count()`` equals the figure):
    ``catalog.total|central|local``, ``catalog.by_level.<level>`` (procedures),
    ``catalog.publication_decisions|regulation_documents`` (decisions),
    ``shortening.total``, ``shortening.by_level.<level>`` (procedures),
    ``online_services.total|full|partial|national_portal`` (procedures),
    ``online_services.<departments|districts|communes>.<covered|total>`` (agencies).

    ``shortening.saving_vnd`` (needs ``hourly_cost_vnd=``) lists the shortening rows annotated
    with ``saving_vnd``; their sum is the unrounded saving. Rates and averages
    (``national_portal_rate``, ``saving_per_procedure_vnd``) drill down through the figures
    they divide.
    """
    try:
        records = FIGURE_RECORDS[figure]
    except KeyError:
        raise KeyError(
            f"Không có chỉ tiêu {figure!r} / Unknown figure {figure!r}; "
            f"known: {', '.join(sorted(FIGURE_RECORDS))}"
        ) from None
    return records(period, **kw)


def _count(q: Q) -> Count:
    # An empty Q means "every row"; Count ignores a falsy filter, but say so explicitly.
    return Count("pk", filter=q) if q else Count("pk")


def _alias(key: str) -> str:
    # Aggregate aliases cannot hold dots: "by_level.province" → "by_level_province".
    return key.replace(".", "_")


def catalog_report(period: Period, *, hourly_cost_vnd: int) -> dict[str, Any]:
    """The §9 objects of §4–§6 for ``period``, under their §9 keys, with the ``period``."""
    return {
        "period": period.as_json(),
        "catalog": catalog_figures(period),
        "shortening": shortening_figures(period, hourly_cost_vnd),
        "online_services": online_service_figures(period),
    }
