"""Feedback figures of the periodic report: statistics.md §3, in the shape of the §9 JSON object
``feedback``, with their breakdowns and the records behind each figure.

Every figure is one condition on the local dates kept beside the instants (``received_on``,
``processed_on``, ``published_on``). The figures count those conditions in one query with
conditional aggregates, and ``feedback_records`` filters by the very same conditions, so a
figure and its drill-down cannot disagree.
"""

import datetime as dt
from collections.abc import Mapping
from typing import Any

from django.db.models import (
    Case,
    Count,
    DateTimeField,
    F,
    IntegerField,
    Q,
    QuerySet,
    Value,
    When,
)

from motcua.agencies.models import Agency
from motcua.agencies.selectors import agency_descendant_ids
from motcua.dossiers.selectors import mask
from motcua.feedback.models import Feedback, FeedbackKind, FeedbackState
from motcua.utils.masking import mask_personal_data
from motcua.utils.periods import Period
from motcua.utils.text import fold

# The §9 key paths of the ``feedback`` object, in its order.
FIGURES = (
    "received.total",
    "received.new",
    "received.carried_over",
    "received.regulation",
    "received.behaviour",
    "processed.total",
    "processed.published",
    "in_process",
)
PREFIX = "feedback."
NO_AGENCY = "(Không xác định cơ quan / No agency)"


def feedback_conditions(period: Period) -> dict[str, Q]:
    """statistics.md §3 for [F, T], one condition per figure, by its §9 key path:

    - ``received.new``: date(received) in [F, T];
    - ``received.carried_over``: date(received) < F and not processed before F (no
      processed_at, or date(processed) ≥ F);
    - ``received.total`` = new + carried over; ``received.regulation`` / ``.behaviour``: the
      received ones by kind (the split covers all received);
    - ``processed.total``: received and date(processed) in [F, T]; ``processed.published``: of
      those, published_at set and date(published) ≤ T;
    - ``in_process``: received and not processed by T (no processed_at, or date(processed) > T).

    received = processed + in process holds because processing never precedes receipt (a
    database constraint).
    """
    start, end = period.start, period.end
    new = Q(received_on__gte=start, received_on__lte=end)
    carried_over = Q(received_on__lt=start) & (
        Q(processed_on__isnull=True) | Q(processed_on__gte=start)
    )
    received = new | carried_over
    processed = received & Q(processed_on__gte=start, processed_on__lte=end)
    return {
        "received.total": received,
        "received.new": new,
        "received.carried_over": carried_over,
        "received.regulation": received & Q(kind=FeedbackKind.REGULATION),
        "received.behaviour": received & Q(kind=FeedbackKind.BEHAVIOUR),
        "processed.total": processed,
        "processed.published": processed & Q(published_on__lte=end),
        "in_process": received & (Q(processed_on__isnull=True) | Q(processed_on__gt=end)),
    }


def _scope(agency: Agency | None) -> QuerySet[Feedback]:
    """All feedback, or that about ``agency`` and the agencies below it."""
    if agency is None:
        return Feedback.objects.all()
    return Feedback.objects.filter(agency_id__in=agency_descendant_ids(agency))


def _counts(conditions: dict[str, Q]) -> dict[str, Count]:
    return {_alias(key): Count("pk", filter=q) for key, q in conditions.items()}


def _shape(row: Mapping[str, Any]) -> dict[str, Any]:
    """Flat aggregate aliases → the §9 ``feedback`` object."""
    return {
        "received": {
            part: row[_alias(f"received.{part}")]
            for part in ("total", "new", "carried_over", "regulation", "behaviour")
        },
        "processed": {part: row[_alias(f"processed.{part}")] for part in ("total", "published")},
        "in_process": row["in_process"],
    }


def feedback_figures(period: Period, *, agency: Agency | None = None) -> dict[str, Any]:
    """statistics.md §3, the §9 ``feedback`` object, for the whole province or for ``agency``
    (with the agencies below it). One query."""
    conditions = feedback_conditions(period)
    row = _scope(agency).filter(conditions["received.total"]).aggregate(**_counts(conditions))
    return _shape(row)


def feedback_breakdown(
    period: Period, *, by: str, agency: Agency | None = None
) -> list[dict[str, Any]]:
    """The §3 figures split ``by`` ``"agency"`` (the agency the feedback concerns; feedback
    about no agency has its own row, key None) or ``"kind"`` (both kinds, even when zero).
    Rows are ``{"key", "label", "figures"}``, ``figures`` in the §9 shape; the rows' figures
    add up to ``feedback_figures``. One query.
    """
    conditions = feedback_conditions(period)
    received = _scope(agency).filter(conditions["received.total"])
    counts = _counts(conditions)
    if by == "agency":
        rows = (
            received.values("agency__code", "agency__name")
            .annotate(**counts)
            .order_by(F("agency__code").asc(nulls_last=True))
        )
        return [
            {
                "key": row["agency__code"],
                "label": row["agency__name"] or NO_AGENCY,
                "figures": _shape(row),
            }
            for row in rows
        ]
    if by == "kind":
        found = {row["kind"]: row for row in received.values("kind").annotate(**counts)}
        empty = dict.fromkeys(counts, 0)
        return [
            {"key": kind.value, "label": str(kind.label), "figures": _shape(found.get(kind, empty))}
            for kind in FeedbackKind
        ]
    raise ValueError(f"Không chia được theo {by!r} / Cannot break down by {by!r}")


def feedback_records(
    figure: str, period: Period, *, agency: Agency | None = None
) -> QuerySet[Feedback]:
    """The feedback behind a figure, named by its §9 key path (``feedback.received.total``,
    …, ``feedback.in_process``; the ``feedback.`` prefix may be left out). ``.count()`` equals
    the figure."""
    key = figure.removeprefix(PREFIX)
    conditions = feedback_conditions(period)
    if key not in conditions:
        known = ", ".join(PREFIX + name for name in FIGURES)
        raise KeyError(f"Không có chỉ tiêu {figure!r} / Unknown figure {figure!r}; known: {known}")
    return (
        _scope(agency)
        .filter(conditions[key])
        .select_related("agency")
        .order_by("received_at", "code")
    )


def masked_contact(feedback: Feedback) -> str:
    """The submitter as a list may show them: initials of the name, the last digits of the
    phone, the domain of the e-mail (personal data stays on the record's own page)."""
    parts = []
    if feedback.submitter_name:
        parts.append(" ".join(f"{word[0]}." for word in feedback.submitter_name.split()))
    if feedback.submitter_phone:
        parts.append(mask(feedback.submitter_phone))
    if feedback.submitter_email:
        parts.append("***@" + feedback.submitter_email.rpartition("@")[2])
    return ", ".join(parts)


def masked_subject(feedback: Feedback) -> str:
    """The subject as a list may show it: the sender's own data and whatever else
    ``utils.masking`` detects masked (the full text stays on the item's own page)."""
    return mask_personal_data(
        feedback.subject,
        names=[feedback.submitter_name] if feedback.submitter_name else [],
        phones=[feedback.submitter_phone] if feedback.submitter_phone else [],
        emails=[feedback.submitter_email] if feedback.submitter_email else [],
    )


def _alias(key: str) -> str:
    # Aggregate aliases cannot hold dots: "received.total" → "received_total".
    return key.replace(".", "_")


# ---- the handling workflow's reads ----------------------------------------------------------

# The deadline each open state runs against (workflow.py): classification (and refusal), the
# answer, the publication. An item waiting for its sender runs against none.
STEP_DEADLINE = {
    FeedbackState.RECEIVED: "classify_due_at",
    FeedbackState.CLASSIFIED: "classify_due_at",
    FeedbackState.PROCESSING: "answer_due_at",
    FeedbackState.AWAITING_APPROVAL: "answer_due_at",
}


def current_deadline(feedback: Feedback) -> dt.datetime | None:
    """The deadline of the step ``feedback`` is at (None: none runs)."""
    if feedback.state == FeedbackState.PROCESSED and feedback.published_at is None:
        return feedback.publish_due_at
    name = STEP_DEADLINE.get(FeedbackState(feedback.state)) if feedback.state else None
    return getattr(feedback, name) if name else None


def is_overdue(feedback: Feedback, now: dt.datetime) -> bool:
    """Derived, never stored: the current step's deadline has passed."""
    due = current_deadline(feedback)
    return due is not None and due < now


def _current_due() -> Case:
    return Case(
        *(When(state=state, then=F(name)) for state, name in STEP_DEADLINE.items()),
        When(state=FeedbackState.PROCESSED, published_at__isnull=True, then=F("publish_due_at")),
        default=Value(None),
        output_field=DateTimeField(),
    )


QUEUE_STATES = [
    FeedbackState.RECEIVED,
    FeedbackState.AWAITING_INFO,
    FeedbackState.CLASSIFIED,
    FeedbackState.PROCESSING,
    FeedbackState.AWAITING_APPROVAL,
]


def feedback_queue(
    items: QuerySet[Feedback],
    *,
    now: dt.datetime,
    state: str = "",
    overdue: bool = False,
    kind: str = "",
    agency: int | None = None,
    query: str = "",
) -> QuerySet[Feedback]:
    """The officers' queue over ``items`` (already limited by ``authz.visible_feedback``):
    open items and answers waiting to be published, or the items of ``state`` (``closed``,
    ``published``...); overdue first, then by deadline, then oldest. Imported history is not
    handled here and is left out."""
    items = (
        items.filter(imported=False)
        .annotate(due=_current_due())
        .annotate(
            late=Case(
                When(due__lt=now, then=Value(0)), default=Value(1), output_field=IntegerField()
            )
        )
        .select_related("agency", "procedure")
    )
    if state == "published":
        items = items.filter(published_at__isnull=False)
    elif state:
        items = items.filter(state=state)
    else:
        items = items.filter(
            Q(state__in=QUEUE_STATES) | Q(state=FeedbackState.PROCESSED, published_at__isnull=True)
        )
    if overdue:
        items = items.filter(due__lt=now)
    if kind:
        items = items.filter(kind=kind)
    if agency:
        items = items.filter(agency_id=agency)
    if query:
        text = query.strip()
        items = items.filter(Q(code__icontains=text) | Q(subject__icontains=text))
    return items.order_by("late", F("due").asc(nulls_last=True), "received_at", "id")


def published_feedback(query: str = "", *, procedure: str = "") -> QuerySet[Feedback]:
    """The published answers, newest first; ``query`` matched word by word against the folded
    public texts (with or without diacritics, the same on SQLite and PostgreSQL)."""
    items = Feedback.objects.filter(published_at__isnull=False, imported=False).exclude(
        public_answer=""
    )
    for word in fold(query or "").split():
        items = items.filter(search_text__contains=word)
    if procedure:
        items = items.filter(procedure__code=procedure)
    return items.select_related("agency", "procedure").order_by("-published_at", "-id")
