"""The signed-in applicant of a request, and the sections of their space (``/tai-khoan/``).

A session holds either an officer (Django's auth) or an applicant (``SESSION_KEY``), never
both: signing in as an applicant flushes the session, and ``current_applicant`` answers None
while an officer is signed in. Other apps import ``current_applicant`` and
``applicant_required`` from here, and add their part of the space with
``space_section_register`` from their ``AppConfig.ready()``."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse

from motcua.applicants.models import ApplicantAccount

SESSION_KEY = "motcua_applicant"
# When the applicant signed in: the session ends MOTCUA_SESSION_MAX_AGE seconds later however
# busy it has been (as officers' do, accounts/middleware.py); the idle limit is the cookie's.
STARTED_KEY = "motcua_applicant_at"


def current_applicant(request: HttpRequest) -> ApplicantAccount | None:
    """The applicant signed in on this request's session, or None (also while an officer is
    signed in: the two never mix). Read once per request."""
    if hasattr(request, "_motcua_applicant"):
        return request._motcua_applicant
    account = None
    pk = request.session.get(SESSION_KEY)
    user = getattr(request, "user", None)
    started = request.session.get(STARTED_KEY, 0)
    if pk is not None and time.time() - started > settings.MOTCUA_SESSION_MAX_AGE:
        request.session.flush()
    elif pk is not None and not (user is not None and user.is_authenticated):
        account = ApplicantAccount.objects.filter(pk=pk).first()
    request._motcua_applicant = account  # type: ignore[attr-defined]
    return account


def session_start(request: HttpRequest, account: ApplicantAccount) -> None:
    """Put ``account`` in a fresh session (any officer or applicant before is signed out)."""
    request.session.flush()
    request.session[SESSION_KEY] = account.pk
    request.session[STARTED_KEY] = int(time.time())
    request._motcua_applicant = account  # type: ignore[attr-defined]


def session_end(request: HttpRequest) -> None:
    request.session.flush()
    request._motcua_applicant = None  # type: ignore[attr-defined]


def sign_in_url(next_url: str) -> str:
    return f"{reverse('applicant-sign-in')}?{urlencode({'next': next_url})}"


def applicant_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """A view only for a signed-in applicant; others go to the sign-in with ``?next=``."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if current_applicant(request) is None:
            return HttpResponseRedirect(sign_in_url(request.get_full_path()))
        return view(request, *args, **kwargs)

    return wrapper


@dataclass(frozen=True)
class SpaceSection:
    """One section of the applicant's space: ``template_name`` is rendered with the context
    ``context_fn(request, account)`` returns (plus ``applicant``); ``order`` sorts them."""

    key: str
    template_name: str
    context_fn: Callable[[HttpRequest, ApplicantAccount], dict[str, Any]]
    order: int = 100


_sections: dict[str, SpaceSection] = {}


def space_section_register(
    key: str,
    template_name: str,
    context_fn: Callable[[HttpRequest, ApplicantAccount], dict[str, Any]],
    *,
    order: int = 100,
) -> None:
    """Add (or replace, by ``key``) a section of ``/tai-khoan/``; call from ``ready()``."""
    _sections[key] = SpaceSection(key, template_name, context_fn, order)


def space_sections() -> list[SpaceSection]:
    return sorted(_sections.values(), key=lambda section: (section.order, section.key))
