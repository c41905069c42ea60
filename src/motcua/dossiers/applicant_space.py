"""The applicant's dossiers and results in their space (``/tai-khoan/``), registered with
``applicants.session.space_section_register`` from this app's ``ready()``.

A dossier is the applicant's when its ``applicant_id_number`` is their national identifier."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest

from motcua.applicants.models import ApplicantAccount
from motcua.dossiers.models import Dossier
from motcua.dossiers.workflow import State

SPACE_LIMIT = 100


def applicant_dossiers(account: ApplicantAccount) -> QuerySet[Dossier]:
    """Every dossier of ``account`` (by identifier), the newest first."""
    return (
        Dossier.objects.filter(applicant_id_number=account.identifier)
        .select_related("procedure", "agency")
        .order_by("-submitted_at", "-id")
    )


def space_context(request: HttpRequest, account: ApplicantAccount) -> dict[str, Any]:
    dossiers = list(applicant_dossiers(account)[: SPACE_LIMIT + 1])
    return {
        "dossiers": dossiers[:SPACE_LIMIT],
        "more": len(dossiers) > SPACE_LIMIT,
        "results": [d for d in dossiers[:SPACE_LIMIT] if d.result_file],
        "ended_states": (State.RESOLVED, State.RETURNED),
    }
