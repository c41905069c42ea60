"""Blocks other apps add to the dossier pages, as the applicant's space takes sections
(``applicants.session.space_section_register``): an app above dossiers (payments) shows its part
of a dossier without dossiers importing it. Register from ``AppConfig.ready()``.

A context function gets the request and the dossier (already checked: the applicant proved
access, or the officer may see it) and answers the block's context, or None to show nothing.
A block whose form is sent to another site (the payment platform, through our redirect) names
that site's origin under ``form_action``: the page's Content-Security-Policy then allows it,
since browsers apply ``form-action`` to the redirects that follow a form too. A block that
takes the place of one of the page's own notices names it under ``supersedes`` (the payment
block, ``"payment"``, replaces the notice "Bạn cần nộp phí, lệ phí")."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest
from django.http.response import HttpResponseBase

from motcua.dossiers.models import Dossier

ContextFn = Callable[[HttpRequest, Dossier], dict[str, Any] | None]


@dataclass(frozen=True)
class Panel:
    key: str
    template_name: str
    context_fn: ContextFn


_public: dict[str, Panel] = {}
_officer: dict[str, Panel] = {}


def public_panel_register(key: str, template_name: str, context_fn: ContextFn) -> None:
    """A block of the applicant's dossier page (``/tra-cuu/<code>/``)."""
    _public[key] = Panel(key, template_name, context_fn)


def officer_panel_register(key: str, template_name: str, context_fn: ContextFn) -> None:
    """A block of the officer's dossier page."""
    _officer[key] = Panel(key, template_name, context_fn)


def _rendered(panels: dict[str, Panel], request: HttpRequest, dossier: Dossier) -> list[dict]:
    shown = []
    for key in sorted(panels):
        panel = panels[key]
        context = panel.context_fn(request, dossier)
        if context is not None:
            shown.append({"key": key, "template_name": panel.template_name, "context": context})
    return shown


def public_panels(request: HttpRequest, dossier: Dossier) -> list[dict]:
    return _rendered(_public, request, dossier)


def officer_panels(request: HttpRequest, dossier: Dossier) -> list[dict]:
    return _rendered(_officer, request, dossier)


def panels_allow_forms(response: HttpResponseBase, panels: list[dict]) -> HttpResponseBase:
    """Add the origins the shown blocks send forms to (``form_action``) to the response's
    ``form-action`` directive (django-csp reads ``_csp_update``)."""
    origins = sorted({o for panel in panels for o in panel["context"].get("form_action", ())})
    if origins:
        response._csp_update = {"form-action": origins}  # type: ignore[attr-defined]
    return response


def panels_superseded(panels: list[dict]) -> set[str]:
    """The page's own notices that a shown block takes the place of."""
    return {key for panel in panels for key in panel["context"].get("supersedes", ())}
