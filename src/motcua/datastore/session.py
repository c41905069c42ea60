"""Who is signed in as an applicant. The one place the data store's pages and the online
submission ask; the applicant accounts (the OIDC sign-in of issue #12, part A) set the session
key, and at the merge this function becomes a call of their ``current_applicant()``."""

from __future__ import annotations

from django.http import HttpRequest

SESSION_KEY = "motcua_applicant_identifier"


def _signed_in_identifier(request: HttpRequest) -> str | None:
    """The national identifier of the applicant signed in on this browser, or None."""
    value = request.session.get(SESSION_KEY)
    return value if isinstance(value, str) and value else None
