"""Applicants' pages: sign-in through the national identity provider, sign-out, and their
space (``/tai-khoan/``), made of the sections other apps register (``session.py``)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from motcua.applicants import oidc, services
from motcua.applicants.session import (
    applicant_required,
    current_applicant,
    session_end,
    session_start,
    space_sections,
)
from motcua.audit.services import audit_request_data
from motcua.utils import ratelimit

NEXT_KEY = "motcua_applicant_next"
SIGN_IN_LIMIT = "sign_in_address"


def _safe_next(request: HttpRequest, value: str | None) -> str:
    if value and url_has_allowed_host_and_scheme(
        value, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return value
    return reverse("applicant-space")


def _refused(request: HttpRequest, reason: str, status: int) -> HttpResponse:
    ratelimit.hit(SIGN_IN_LIMIT, ratelimit.client_address(request))
    services.applicant_sign_in_refused(reason=reason, request_data=audit_request_data(request))
    return render(request, "applicants/sign_in_error.html", status=status)


def _too_many_refused(request: HttpRequest) -> bool:
    """Too many refused sign-ins from this address in the window (``sign_in_address``)."""
    client = ratelimit.client_address(request)
    return ratelimit.count(SIGN_IN_LIMIT, client) >= ratelimit.rate(SIGN_IN_LIMIT).count


@never_cache
@require_GET
def sign_in(request: HttpRequest) -> HttpResponse:
    """Straight to the provider's authorization endpoint."""
    request.session[NEXT_KEY] = _safe_next(request, request.GET.get("next"))
    callback = request.build_absolute_uri(reverse("applicant-sign-in-callback"))
    try:
        return oidc.authorization_redirect(request, callback)
    except oidc.SignInError as error:
        return _refused(request, str(error), 502)


@never_cache
@require_GET
def sign_in_callback(request: HttpRequest) -> HttpResponse:
    if _too_many_refused(request):
        return render(request, "applicants/sign_in_error.html", {"too_many": True}, status=429)
    try:
        claims = oidc.verified_claims(request)
        account = services.applicant_sign_in(
            claims=claims, now=timezone.now(), request_data=audit_request_data(request)
        )
    except oidc.SignInError as error:
        return _refused(request, str(error), 400)
    except services.DomainError as error:
        return _refused(request, error.code, 400)
    next_url = request.session.get(NEXT_KEY) or reverse("applicant-space")
    session_start(request, account)
    return HttpResponseRedirect(next_url)


@require_POST
def sign_out(request: HttpRequest) -> HttpResponse:
    account = current_applicant(request)
    if account is not None:
        services.applicant_sign_out(account=account, request_data=audit_request_data(request))
        session_end(request)
    return HttpResponseRedirect(reverse("catalog"))


@never_cache
@applicant_required
def space(request: HttpRequest) -> HttpResponse:
    account = current_applicant(request)
    assert account is not None
    sections = [
        {
            "key": section.key,
            "template_name": section.template_name,
            "context": {"applicant": account, **section.context_fn(request, account)},
        }
        for section in space_sections()
    ]
    return render(request, "applicants/space.html", {"applicant": account, "sections": sections})
