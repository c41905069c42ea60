"""Officers and the applicants' electronic data store (issue #12, privacy): an officer sees an
applicant's store only while handling a dossier of that applicant (a live dossier visible to
them) or at the counter while receiving that applicant's dossier; every look is a read of
personal data, written to the audit trail."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils import timezone

from motcua.audit.services import audit_event, audit_request_data
from motcua.datastore.models import StoredDocument
from motcua.datastore.selectors import reusable_by_kind
from motcua.dossiers.models import LIVE_STATES, Dossier
from motcua.procedures.models import Procedure


def store_read_audited(request: HttpRequest, *, identifier: str, **data: Any) -> None:
    """An officer looked at the store of ``identifier`` (the entry names the applicant, not a
    row: the store is all of their documents)."""
    audit_event(
        action="datastore.read",
        target_type="datastore.store",
        target_id=identifier,
        actor=request.user,
        data={**audit_request_data(request), **data},
    )


def handling_allows_store(dossier: Dossier) -> bool:
    """A dossier (already visible to the officer) opens its applicant's store while it is
    being handled: submitted or open, with an applicant identifier."""
    return bool(dossier.applicant_id_number) and dossier.state in LIVE_STATES


def intake_reusable(
    request: HttpRequest, *, procedure: Procedure | None, identifier: str
) -> dict[str, list[StoredDocument]] | None:
    """At the counter: the applicant's valid documents of the kinds ``procedure`` asks for,
    read (and audited) only when the procedure has such components and an ID number is typed."""
    if procedure is None or not identifier:
        return None
    kinds = [k for k in procedure.components.values_list("document_kind", flat=True) if k]
    if not kinds:
        return None
    found = reusable_by_kind(identifier, kinds=kinds, on=timezone.localdate())
    store_read_audited(
        request,
        identifier=identifier,
        at="intake",
        procedure=procedure.code,
        documents=[str(d.public_id) for documents in found.values() for d in documents],
    )
    return found
