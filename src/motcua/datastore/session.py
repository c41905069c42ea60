"""Who is signed in as an applicant, as the data store's pages and the online submission ask it:
the national identifier of the account the OIDC sign-in put in the session
(``applicants.session.current_applicant``)."""

from __future__ import annotations

from django.http import HttpRequest

from motcua.applicants.session import current_applicant


def _signed_in_identifier(request: HttpRequest) -> str | None:
    """The national identifier of the applicant signed in on this browser, or None (also when
    an officer is signed in)."""
    account = current_applicant(request)
    return account.identifier if account is not None else None
