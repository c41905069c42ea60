"""Reads of dossiers: what an officer may see, work lists, the public lookup."""

from __future__ import annotations

import datetime as dt
import hmac
import re

from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet
from django.utils import timezone
from django.utils.translation import get_language

from motcua.accounts.roles import can
from motcua.agencies.selectors import agencies_visible_to
from motcua.calendar.rules import Deadline
from motcua.dossiers.authz import shows_personal_numbers
from motcua.dossiers.models import (
    LIVE_STATES,
    Apology,
    CounterVisit,
    Dossier,
    DossierStep,
    VisitOutcome,
)
from motcua.dossiers.workflow import OPEN_STATES, State
from motcua.utils.formatting import vn_datetime, vn_number


def dossiers_visible_to(user) -> QuerySet[Dossier]:
    """Dossiers ``user`` may see: received by, settled by, or now at one of the agencies the
    user may see (their own and those below it; the whole province for the controller). A user
    whose role has no dossier work (an editor, no role yet) sees none."""
    base = Dossier.objects.select_related(
        "procedure", "agency", "receiving_agency", "current_agency"
    )
    if can(user, "dossier.view_all"):
        return base
    if not can(user, "dossier.work"):
        return base.none()
    agencies = agencies_visible_to(user).values("pk")
    # Agencies that handled a step of an inter-agency dossier keep seeing it afterwards.
    handled = DossierStep.objects.filter(dossier=OuterRef("pk"), agency__in=agencies)
    return base.filter(
        Q(receiving_agency__in=agencies)
        | Q(agency__in=agencies)
        | Q(current_agency__in=agencies)
        | Exists(handled)
    )


# The work list's default: the work still to do. Imported history holds many dossiers resolved
# long ago whose hand-over the old system never recorded (state RESOLVED): they are reached
# through the state filter, not listed with today's work (docs/dossiers.md, "Work list").
RECENTLY_RESOLVED = dt.timedelta(days=30)


VISIBILITY_COLUMNS = ("receiving_agency", "agency", "current_agency")


def visible_ids(
    dossiers: QuerySet[Dossier], user, states: list[Q], *, fields: tuple[str, ...] = ("due_at",)
) -> QuerySet:
    """Rows (``pk`` and ``fields``) of ``dossiers`` in one of ``states`` (alternatives, each
    a ``Q`` an index answers) that ``user`` may see: the same rule as ``dossiers_visible_to``,
    shaped for lists.

    That rule is an OR over three agency columns and the steps' EXISTS, which no index
    answers: the database reads every dossier the other filters leave and tries each. Here
    it is the union of two parts, each answered from indexes: the OR of (column, state) pairs
    (each pair has an index: ``Dossier.Meta.indexes``) and the dossiers with a step at the
    user's agencies; so a list touches only the rows it may show, and never the history of
    past years unless a state asks for it."""
    rows = dossiers.order_by().values("pk", *fields)
    in_states = Q()
    for alternative in states:
        in_states |= alternative
    if can(user, "dossier.view_all"):
        return rows.filter(in_states)
    if not can(user, "dossier.work"):
        return rows.none()
    agencies = list(agencies_visible_to(user).values_list("pk", flat=True))
    by_column = Q()
    for column in VISIBILITY_COLUMNS:
        for alternative in states:
            by_column |= Q(**{f"{column}__in": agencies}) & alternative
    by_step = rows.filter(in_states, steps__agency__in=agencies)
    return rows.filter(by_column).union(by_step)


def work_list(
    user,
    *,
    now: dt.datetime,
    state: int | None = None,
    query: str = "",
    only_mine: bool = False,
    overdue: bool = False,
) -> QuerySet:
    """The officer's work list as rows of ``pk`` (and ``due_at``), soonest due first (no due
    date last); ``dossiers_in_order`` loads a page of them. Without a state: the dossiers
    still to accept or settle, and those resolved in the last 30 days whose result is not
    handed over yet."""
    if state:
        states = [Q(state=state)]
    else:
        states = [
            Q(state__in=LIVE_STATES),
            Q(state=State.RESOLVED, ended_at__gte=now - RECENTLY_RESOLVED),
        ]
    dossiers = Dossier.objects.all()
    if query := query.strip():
        dossiers = dossiers.filter(Q(code__icontains=query) | Q(applicant_name__icontains=query))
    if only_mine:
        dossiers = dossiers.filter(steps__assignee=user, steps__finished_at__isnull=True)
    if overdue:
        dossiers = dossiers.filter(due_at__lt=now, state__in=OPEN_STATES).exclude(
            state=State.AWAITING_SUPPLEMENT
        )
    # Dossiers without a due date come last on every database (SQLite sorts NULL first).
    return visible_ids(dossiers, user, states).order_by(F("due_at").asc(nulls_last=True), "pk")


def dossiers_in_order(rows) -> list[Dossier]:
    """The dossiers of ``rows`` (a page of ``work_list``), in that order, with what a list
    shows of them."""
    ids = [row["pk"] for row in rows]
    loaded = Dossier.objects.select_related(
        "procedure", "agency", "receiving_agency", "current_agency"
    ).in_bulk(ids)
    return [loaded[pk] for pk in ids]


def late_without_apology(user, *, now: dt.datetime) -> QuerySet[Dossier]:
    """Late dossiers the agency has not apologised for (Decree 61/2018 art. 19: a late dossier
    needs an apology, form 04, sent before the deadline), for the controller to follow up.

    Late: still open and past the due date (not while the clock is paused for a supplement),
    or ended after the due date's day (statistics.md §2). Imported history counts like the
    rest; the latest due first."""
    apologised = Exists(Apology.objects.filter(dossier=OuterRef("pk")))
    open_late = Q(state__in=OPEN_STATES, due_at__lt=now) & ~Q(state=State.AWAITING_SUPPLEMENT)
    ended_late = Q(ended_on__isnull=False, due_on__isnull=False, ended_on__gt=F("due_on"))
    return (
        dossiers_visible_to(user)
        .filter(due_at__isnull=False)
        .filter(open_late | ended_late)
        .exclude(state__in=[State.SUBMITTED, State.REJECTED])
        .filter(~apologised)
        .order_by(F("due_at").desc(), "-id")
    )


def dossier_search(dossiers: QuerySet[Dossier], query: str) -> QuerySet[Dossier]:
    """``dossiers`` whose code, applicant's name or phone number contain ``query`` (the phone
    compared on its digits: "0912 345 678" finds 0912345678)."""
    query = query.strip()
    if not query:
        return dossiers
    match = Q(code__icontains=query) | Q(applicant_name__icontains=query)
    digits = _digits(query)
    if len(digits) >= 3 and len(digits) >= len(query.replace(" ", "").replace(".", "")) - 1:
        match |= Q(applicant_phone__contains=digits)
    return dossiers.filter(match)


def _digits(value: str) -> str:
    """The ASCII digits of ``value`` (``str.isdigit`` also takes "١" or "１", which
    ``hmac.compare_digest`` then refuses with an error)."""
    return "".join(c for c in value if c in "0123456789")


def dossier_lookup(*, code: str, secret: str) -> Dossier | None:
    """The dossier ``code`` if ``secret`` is the last 4 digits of its applicant's phone or ID
    number; otherwise None, whichever part was wrong (a lookup reveals nothing)."""
    if not re.fullmatch(r"[0-9]{4}", secret or ""):
        return None
    dossier = (
        Dossier.objects.select_related("procedure", "agency", "receiving_agency")
        .filter(code=(code or "").strip())
        .first()
    )
    if dossier is None:
        return None
    candidates = [_digits(dossier.applicant_phone)[-4:], _digits(dossier.applicant_id_number)[-4:]]
    if any(len(c) == 4 and hmac.compare_digest(c, secret) for c in candidates):
        return dossier
    return None


def mask(value: str, keep: int = 3) -> str:
    """``0912345678`` → ``*******678``: personal numbers shown only as much as needed."""
    if not value:
        return ""
    return "*" * max(len(value) - keep, 0) + value[-keep:]


def personal_numbers(user, dossier: Dossier) -> dict[str, str]:
    """The applicant's phone and ID number as ``user`` may see them, for the dossier page and
    the API alike: in full for the receiving desk and the competent agency
    (``authz.shows_personal_numbers``), masked for everyone else."""
    phone, id_number = dossier.applicant_phone, dossier.applicant_id_number
    if shows_personal_numbers(user, dossier):
        return {"phone": phone, "id_number": id_number}
    return {"phone": mask(phone), "id_number": mask(id_number)}


def deadline_text(dossier: Dossier, language: str | None = None) -> str:
    """The due date as a person reads it, in the page's language: how it was computed, and the
    pauses that moved it (waiting for a supplement; waiting for fees or taxes when the
    procedure says so)."""
    if not dossier.deadline:
        return ""
    english = (language or get_language() or "vi").startswith("en")
    text = Deadline.from_dict(dossier.deadline).as_text("en" if english else "vi")
    pauses = dossier.deadline.get("pauses") or []
    if pauses and dossier.due_at:
        parts = []
        for kind, label_vi, label_en in (
            ("supplement", "chờ bổ sung", "waiting for a supplement"),
            ("payment", "chờ thực hiện nghĩa vụ tài chính", "waiting for fees or taxes"),
        ):
            mine = [p for p in pauses if p.get("kind", "supplement") == kind]
            if mine:
                seconds = sum(p["working_seconds"] for p in mine)
                hours = vn_number(seconds / 3600, 1).removesuffix(",0")
                if english:
                    times = "once" if len(mine) == 1 else f"{len(mine)} times"
                    parts.append(f"{label_en} {times} ({hours} working hours)")
                else:
                    parts.append(f"{label_vi} {len(mine)} lần ({hours} giờ làm việc)")
        due = vn_datetime(dossier.due_at)
        if english:
            text += f" Paused, {'; '.join(parts)}: new deadline {due}."
        else:
            text += f" Tạm dừng {'; '.join(parts)}: hạn mới {due}."
    return text


def evaluation_facts(dossier: Dossier):
    """The facts the computed evaluation indicators depend on (``evaluation_rules``), read from
    the dossier, its steps and its supplement requests; instants become local dates."""
    from django.utils import timezone

    from motcua.dossiers.evaluation_rules import EvaluationFacts, StepTiming

    def local(instant: dt.datetime | None) -> dt.date | None:
        return timezone.localdate(instant) if instant is not None else None

    steps = list(dossier.steps.values_list("due_at", "finished_at", "agency_id"))
    agencies = {agency_id for _due, _finished, agency_id in steps}
    if dossier.agency_id is not None:
        agencies.add(dossier.agency_id)
    return EvaluationFacts(
        ended_on=dossier.ended_on or local(dossier.ended_at),
        due_on=dossier.due_on or local(dossier.due_at),
        steps=tuple(StepTiming(local(due), local(finished)) for due, finished, _a in steps),
        supplement_requests=dossier.supplements.count(),
        agencies=frozenset(agencies),
        channel=dossier.channel,
        online_level=dossier.procedure.online_level,
    )


def computed_indicators(dossier: Dossier) -> list[dict]:
    """The system-computed indicators of ``dossier`` as they stand now, shown read-only next to
    the evaluation form: label, points (0–2) and the facts behind them."""
    from motcua.dossiers.evaluation_rules import (
        COMPUTED_INDICATORS,
        computed_scores,
        explanations,
    )
    from motcua.dossiers.models import INDICATORS

    facts = evaluation_facts(dossier)
    points, why = computed_scores(facts), explanations(facts)
    labels = dict(INDICATORS)
    return [
        {"name": n, "label": labels[n], "points": points[n], "explanation": why[n]}
        for n in COMPUTED_INDICATORS
    ]


def visit_filter(
    visits: QuerySet[CounterVisit],
    *,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    outcome: str = "",
    q: str = "",
) -> QuerySet[CounterVisit]:
    """Counter visits of a period (local dates of the visit), an outcome, a name or phone."""
    if date_from:
        visits = visits.filter(at__gte=_day_start(date_from))
    if date_to:
        visits = visits.filter(at__lt=_day_start(date_to + dt.timedelta(days=1)))
    if outcome:
        visits = visits.filter(outcome=outcome)
    q = q.strip()
    if q:
        match = Q(applicant_name__icontains=q)
        digits = _digits(q)
        if len(digits) >= 3:
            match |= Q(applicant_phone__contains=digits)
        visits = visits.filter(match)
    return visits


def _day_start(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def visit_counts(visits: QuerySet[CounterVisit]) -> dict[str, int]:
    """How many visits ended with guidance (form 02) and with a refusal (form 03)."""
    return visits.order_by().aggregate(
        guidance=Count("id", filter=Q(outcome=VisitOutcome.GUIDANCE)),
        refusal=Count("id", filter=Q(outcome=VisitOutcome.REFUSAL)),
    )
