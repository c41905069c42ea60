"""The applicant's feedback items in their space (``/tai-khoan/``), registered with
``applicants.session.space_section_register`` from this app's ``ready()``.

An item is the applicant's when they sent it signed in: its ``sender_identifier`` is their
national identifier."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone

from motcua.applicants.models import ApplicantAccount
from motcua.feedback.models import Feedback
from motcua.feedback.selectors import current_deadline, is_overdue

SPACE_LIMIT = 100


def applicant_feedback(identifier: str) -> QuerySet[Feedback]:
    """Every item the applicant ``identifier`` sent signed in, the newest first."""
    return Feedback.objects.filter(sender_identifier=identifier, imported=False).order_by(
        "-received_at", "-id"
    )


def space_context(request: HttpRequest, account: ApplicantAccount) -> dict[str, Any]:
    now = timezone.now()
    items = list(applicant_feedback(account.identifier)[: SPACE_LIMIT + 1])
    for item in items[:SPACE_LIMIT]:
        due = current_deadline(item)
        # Local dates: a deadline at 08:00 in Hà Nội is the day before in UTC.
        item.due_on = timezone.localdate(due) if due else None  # type: ignore[attr-defined]
        item.overdue = is_overdue(item, now)  # type: ignore[attr-defined]
    return {"items": items[:SPACE_LIMIT], "more": len(items) > SPACE_LIMIT}
