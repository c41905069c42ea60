"""``signed_in_applicant`` in every template: the applicant of the request's session, looked
up only when a template asks (a callable, which the template language calls); and
``applicant_sign_in_offered``: whether a provider is configured (``MOTCUA_OIDC_ISSUER``)."""

from typing import Any

from django.conf import settings
from django.http import HttpRequest

from motcua.applicants.session import current_applicant


def applicant(request: HttpRequest) -> dict[str, Any]:
    return {
        "signed_in_applicant": lambda: current_applicant(request),
        "applicant_sign_in_offered": bool(settings.MOTCUA_OIDC_ISSUER),
    }
