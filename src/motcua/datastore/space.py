"""The applicant's electronic data store in their space (``/tai-khoan/``), registered with
``applicants.session.space_section_register`` from this app's ``ready()``."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone

from motcua.applicants.models import ApplicantAccount
from motcua.datastore.models import StoredDocument
from motcua.datastore.selectors import documents_of


def documents_shown(identifier: str) -> list[StoredDocument]:
    """The applicant's documents as their pages show them: expired or not today, and the link
    of the view that downloads them (never the storage's own URL)."""
    today = timezone.localdate()
    documents = list(documents_of(identifier))
    for document in documents:
        document.expired = not document.valid_on(today)  # type: ignore[attr-defined]
        document.download_url = reverse(  # type: ignore[attr-defined]
            "datastore-document", args=[document.public_id]
        )
    return documents


def space_context(request: HttpRequest, account: ApplicantAccount) -> dict[str, Any]:
    return {"documents": documents_shown(account.identifier)}
