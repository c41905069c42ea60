"""Reads of the electronic data store. Every read is by the applicant's identifier: callers
prove first that the reader may see that applicant's store (the applicant signed in, or an
officer handling a dossier of theirs, ``dossiers.access``)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable

from django.db.models import Q, QuerySet

from motcua.datastore.models import StoredDocument


def documents_of(identifier: str) -> QuerySet[StoredDocument]:
    """Every document of the applicant ``identifier`` (none for an empty identifier)."""
    if not identifier:
        return StoredDocument.objects.none()
    return StoredDocument.objects.filter(identifier=identifier).order_by("kind", "-created_at")


def valid_documents(identifier: str, *, on: dt.date) -> QuerySet[StoredDocument]:
    """The applicant's documents valid on ``on`` (``rules.is_valid``, in the database)."""
    return documents_of(identifier).filter(Q(valid_until__isnull=True) | Q(valid_until__gte=on))


def reusable_by_kind(
    identifier: str, *, kinds: Iterable[str], on: dt.date
) -> dict[str, list[StoredDocument]]:
    """The applicant's valid documents of each of ``kinds``, newest first (a kind without
    one is absent). Empty kinds (components that allow no reuse) are ignored."""
    wanted = {k for k in kinds if k}
    found: dict[str, list[StoredDocument]] = {}
    if not wanted:
        return found
    for document in valid_documents(identifier, on=on).filter(kind__in=wanted):
        found.setdefault(document.kind, []).append(document)
    return found


def document_of(identifier: str, public_id: uuid.UUID | str) -> StoredDocument | None:
    """The document ``public_id`` if it is the applicant ``identifier``'s; None otherwise
    (another applicant's document is as absent as a missing one)."""
    try:
        key = uuid.UUID(str(public_id))
    except ValueError:
        return None
    return documents_of(identifier).filter(public_id=key).first()
