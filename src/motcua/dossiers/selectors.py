"""Reads of dossiers: what an officer may see, work lists, the public lookup."""

from __future__ import annotations

import datetime as dt
import hmac
import re

from django.db.models import Exists, F, OuterRef, Q, QuerySet

from motcua.accounts.roles import can
from motcua.agencies.selectors import agencies_visible_to
from motcua.calendar.rules import Deadline
from motcua.dossiers.authz import shows_personal_numbers
from motcua.dossiers.models import Dossier, DossierStep
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


def work_list(
    user,
    *,
    now: dt.datetime,
    state: int | None = None,
    query: str = "",
    only_mine: bool = False,
    overdue: bool = False,
) -> QuerySet[Dossier]:
    """The officer's work list, soonest due first (no due date last)."""
    dossiers = dossiers_visible_to(user)
    if state:
        dossiers = dossiers.filter(state=state)
    else:
        dossiers = dossiers.filter(state__in=[*OPEN_STATES, State.SUBMITTED, State.RESOLVED])
    if query := query.strip():
        dossiers = dossiers.filter(Q(code__icontains=query) | Q(applicant_name__icontains=query))
    if only_mine:
        dossiers = dossiers.filter(steps__assignee=user, steps__finished_at__isnull=True)
    if overdue:
        dossiers = dossiers.filter(due_at__lt=now, state__in=OPEN_STATES).exclude(
            state=State.AWAITING_SUPPLEMENT
        )
    return dossiers.order_by(F("due_at").asc(nulls_last=True), "id")


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


def deadline_text(dossier: Dossier) -> str:
    """The due date as a person reads it: how it was computed, and the supplement pauses that
    moved it."""
    if not dossier.deadline:
        return ""
    text = Deadline.from_dict(dossier.deadline).as_text()
    pauses = dossier.deadline.get("pauses") or []
    if pauses and dossier.due_at:
        hours = vn_number(sum(p["working_seconds"] for p in pauses) / 3600, 1).removesuffix(",0")
        text += (
            f" Tạm dừng chờ bổ sung {len(pauses)} lần ({hours} giờ làm việc):"
            f" hạn mới {vn_datetime(dossier.due_at)}."
        )
    return text
