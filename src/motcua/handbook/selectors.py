"""Reads of the handbook: searches over the folded text columns (the database does the
matching, on PostgreSQL and SQLite alike), targets with their status on a given day, index
series and the agencies' ranking, and the figures the annual report cites."""

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Case, Count, F, Q, QuerySet, Value, When
from django.db.models.functions import ExtractYear

from motcua.agencies.models import Agency, AgencyKind
from motcua.handbook.models import (
    AgencyIndexResult,
    Document,
    IndexKind,
    IndexResult,
    Question,
    QuestionState,
    Target,
    TargetProgress,
)
from motcua.handbook.rules import DONE, DONE_LATE, LATE, ON_TRACK, ranks
from motcua.utils.text import fold


def _words(query: str) -> list[str]:
    return fold(query).split()


def _matching(queryset: QuerySet, query: str, column: str = "search_text") -> QuerySet:
    """Rows whose folded text holds every word of ``query``, diacritics or not."""
    for word in _words(query):
        queryset = queryset.filter(**{f"{column}__contains": word})
    return queryset


# --- documents ----------------------------------------------------------------------------


def document_search(
    *,
    query: str = "",
    year: int | None = None,
    issuer: str = "",
    kind: str = "",
    level: str = "",
) -> QuerySet[Document]:
    documents = _matching(Document.objects.all(), query)
    if year:
        documents = documents.filter(issued_on__year=year)
    if issuer:
        documents = documents.filter(issuer=issuer)
    if kind:
        documents = documents.filter(kind=kind)
    if level:
        documents = documents.filter(level=level)
    return documents.order_by("-issued_on", "number")


def document_years() -> list[int]:
    return list(
        Document.objects.annotate(y=ExtractYear("issued_on"))
        .values_list("y", flat=True)
        .distinct()
        .order_by("-y")
    )


def document_issuers() -> list[str]:
    return list(Document.objects.values_list("issuer", flat=True).distinct().order_by("issuer"))


# --- targets ------------------------------------------------------------------------------


def _status_case(today: dt.date) -> Case:
    """``rules.target_status`` in SQL, so that lists filter and count by it."""
    done = Q(done_on__isnull=False, done_on__lte=today)
    return Case(
        When(done & Q(done_on__lte=F("deadline")), then=Value(DONE)),
        When(done, then=Value(DONE_LATE)),
        When(deadline__lt=today, then=Value(LATE)),
        default=Value(ON_TRACK),
    )


def targets_with_status(today: dt.date) -> QuerySet[Target]:
    """Every target, annotated with ``status`` as of ``today`` and its latest progress."""
    return Target.objects.select_related("agency").annotate(status=_status_case(today))


def target_search(
    *,
    today: dt.date,
    agency: Agency | None = None,
    year: int | None = None,
    phase: str = "",
    status: str = "",
) -> QuerySet[Target]:
    targets = targets_with_status(today)
    if agency is not None:
        targets = targets.filter(agency=agency)
    if year:
        targets = targets.filter(year=year)
    if phase:
        targets = targets.filter(phase=phase)
    if status:
        targets = targets.filter(Q(status=status))
    return targets.order_by("agency__name", "deadline", "code")


def targets_late(today: dt.date) -> QuerySet[Target]:
    """The province-wide view of what is late on ``today``."""
    return (
        targets_with_status(today)
        .filter(Q(status=LATE))
        .order_by("deadline", "agency__name", "code")
    )


def target_years() -> list[int]:
    return list(Target.objects.values_list("year", flat=True).distinct().order_by("-year"))


def target_phases() -> list[str]:
    return list(Target.objects.values_list("phase", flat=True).distinct().order_by("phase"))


def target_agencies() -> QuerySet[Agency]:
    return Agency.objects.filter(handbook_targets__isnull=False).distinct().order_by("name")


def latest_progress(targets: list[Target]) -> dict[int, int]:
    """Each target's latest reported percentage (one query)."""
    latest: dict[int, int] = {}
    rows = (
        TargetProgress.objects.filter(target__in=targets)
        .order_by("target_id", "-reported_on", "-id")
        .values_list("target_id", "percent")
    )
    for target_id, percent in rows:
        latest.setdefault(target_id, percent)
    return latest


# --- indices ------------------------------------------------------------------------------


@dataclass
class IndexSeries:
    index: str
    label: str
    results: list[IndexResult]
    # The latest year's components beside the previous year's: (name, score, previous, max).
    components: list[tuple[str, Decimal, Decimal | None, Decimal | None]] = field(
        default_factory=list
    )

    @property
    def sources(self) -> list[str]:
        """Each source once, in the order of the years (the same one usually covers all)."""
        return list(dict.fromkeys(r.source for r in self.results))

    @property
    def latest(self) -> IndexResult | None:
        return self.results[-1] if self.results else None

    @property
    def previous(self) -> IndexResult | None:
        return self.results[-2] if len(self.results) > 1 else None


def index_series() -> list[IndexSeries]:
    """Every national index with its results by year (oldest first) and the latest year's
    components side by side with the previous year's."""
    results = IndexResult.objects.prefetch_related("components").order_by("year")
    by_index: dict[str, list[IndexResult]] = {kind: [] for kind in IndexKind.values}
    for result in results:
        by_index[result.index].append(result)
    series = []
    for kind in IndexKind:
        one = IndexSeries(index=kind.value, label=str(kind.label), results=by_index[kind.value])
        if one.latest is not None:
            before = {}
            if one.previous is not None:
                before = {c.name: c.score for c in one.previous.components.all()}
            one.components = [
                (c.name, c.score, before.get(c.name), c.maximum)
                for c in one.latest.components.all()
            ]
        series.append(one)
    return series


@dataclass(frozen=True)
class AgencyRank:
    agency: Agency
    score: Decimal
    rank: int
    previous_score: Decimal | None


AGENCY_GROUPS = (AgencyKind.DEPARTMENT, AgencyKind.DISTRICT)


def agency_index_years() -> list[int]:
    return list(
        AgencyIndexResult.objects.values_list("year", flat=True).distinct().order_by("-year")
    )


def agency_index_ranking(year: int) -> dict[str, list[AgencyRank]]:
    """The province's reform index of ``year``: departments and localities each ranked
    among their own kind (highest score first), with last year's score beside."""
    rows = list(
        AgencyIndexResult.objects.filter(year__in=[year, year - 1]).select_related("agency")
    )
    previous = {r.agency_id: r.score for r in rows if r.year == year - 1}
    groups: dict[str, list[AgencyRank]] = {}
    for kind in AGENCY_GROUPS:
        current = sorted(
            (r for r in rows if r.year == year and r.agency.kind == kind),
            key=lambda r: (-r.score, r.agency.name),
        )
        places = ranks([r.score for r in current])
        groups[kind.value] = [
            AgencyRank(r.agency, r.score, place, previous.get(r.agency_id))
            for r, place in zip(current, places, strict=True)
        ]
    return groups


def agency_index_trend(agency: Agency) -> list[tuple[int, Decimal, int, int]]:
    """One agency's score and rank among its kind, year by year: (year, score, rank, of)."""
    years = list(
        AgencyIndexResult.objects.filter(agency=agency)
        .order_by("year")
        .values_list("year", flat=True)
    )
    trend = []
    for year in years:
        ranking = agency_index_ranking(year).get(agency.kind, [])
        for row in ranking:
            if row.agency.pk == agency.pk:
                trend.append((year, row.score, row.rank, len(ranking)))
    return trend


# --- questions ----------------------------------------------------------------------------


def question_search(*, query: str = "", category_id: int | None = None) -> QuerySet[Question]:
    """Published questions whose question or answer holds every word of ``query``."""
    questions = _matching(
        Question.objects.filter(state=QuestionState.PUBLISHED).select_related("category"), query
    )
    if category_id:
        questions = questions.filter(category_id=category_id)
    return questions.order_by("-answered_at", "-id")


def questions_pending() -> QuerySet[Question]:
    return Question.objects.filter(state=QuestionState.PENDING).order_by("asked_at", "id")


# --- the annual report --------------------------------------------------------------------


@dataclass(frozen=True)
class HandbookFigures:
    """What the annual report says of the handbook for a year (as of the year's last day)."""

    documents: int
    documents_central: int
    documents_province: int
    targets: int
    targets_done: int
    targets_late: int
    # (label, year, score, rank, rank_of) of each index's latest result up to the year.
    indices: list[tuple[str, int, Decimal, int | None, int]]
    questions_answered: int


def handbook_figures(*, year: int, start: dt.date, end: dt.date) -> HandbookFigures | None:
    """The handbook's figures of the report year ``start``–``end``: documents issued then,
    the year's targets done or late on ``end``, the latest index results; None when the
    handbook holds nothing."""
    if not (
        Document.objects.exists()
        or Target.objects.exists()
        or IndexResult.objects.exists()
        or Question.objects.exists()
    ):
        return None
    docs = Document.objects.filter(issued_on__range=(start, end)).aggregate(
        total=Count("id"),
        central=Count("id", filter=Q(level="central")),
        province=Count("id", filter=Q(level="province")),
    )
    targets = (
        targets_with_status(end)
        .filter(year=year)
        .aggregate(
            total=Count("id"),
            done=Count("id", filter=Q(status__in=[DONE, DONE_LATE])),
            late=Count("id", filter=Q(status=LATE)),
        )
    )
    indices = []
    for kind in IndexKind:
        latest = IndexResult.objects.filter(index=kind, year__lte=year).order_by("-year").first()
        if latest is not None:
            indices.append(
                (str(kind.label), latest.year, latest.score, latest.rank, latest.rank_of)
            )
    answered = Question.objects.filter(
        state=QuestionState.PUBLISHED, answered_at__date__range=(start, end)
    ).count()
    return HandbookFigures(
        documents=docs["total"],
        documents_central=docs["central"],
        documents_province=docs["province"],
        targets=targets["total"],
        targets_done=targets["done"],
        targets_late=targets["late"],
        indices=indices,
        questions_answered=answered,
    )
