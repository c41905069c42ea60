"""Middleware of our own: input cleaned at the edge, and the one response header Django has no
setting for.

Input cleaned at the edge, before any view, form or query sees it.

- A NUL byte has no business in a web request, and PostgreSQL refuses it in text ("A string
  literal cannot contain NUL"), which turned a stray ``%00`` into a server error. A request
  carrying one in its path, query string, form fields, file names, JSON body, cookies or
  headers (``Authorization`` credentials included, decoded) is refused with a 400: the API's
  error shape under ``/api/``, a plain page elsewhere.
- Text of the query string and of form fields is put in Unicode NFC, the form the database
  holds, so a search typed in decomposed form ("Nguyễn" as e + combining marks) finds what
  it should. (JSON bodies are left as sent; the applicant's data is normalised by
  ``dossiers.applicant.applicant_clean`` whichever way it comes.)
"""

from __future__ import annotations

import base64
import binascii
import unicodedata
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, JsonResponse, QueryDict

MESSAGE_VI = "Yêu cầu chứa ký tự không hợp lệ (ký tự NUL)."
MESSAGE_EN = "The request contains an invalid character (NUL)."
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


def _has_nul(values) -> bool:
    return any("\x00" in value for value in values if isinstance(value, str))


def _querydict_items(data: QueryDict):
    for key, values in data.lists():
        yield key
        yield from values


def _credentials_have_nul(header: str) -> bool:
    scheme, _, credentials = header.partition(" ")
    if scheme.lower() != "basic":
        return False
    try:
        return b"\x00" in base64.b64decode(credentials.strip(), validate=False)
    except (binascii.Error, ValueError):
        return False


def _body_has_nul(request: HttpRequest) -> bool:
    content_type = request.content_type or ""
    if content_type in FORM_TYPES:
        try:
            post, files = request.POST, request.FILES
        except Exception:  # a malformed body: the view answers it as before
            return False
        names = [f.name for f in files.values()]
        return _has_nul(_querydict_items(post)) or _has_nul(names) or _has_nul(files.keys())
    if "json" in content_type:
        body = request.body
        return b"\x00" in body or b"\\u0000" in body.lower()
    return False


def request_has_nul(request: HttpRequest) -> bool:
    headers = [v for k, v in request.META.items() if k.startswith("HTTP_")]
    return (
        "\x00" in request.path
        or _has_nul(_querydict_items(request.GET))
        or _has_nul(request.COOKIES.keys())
        or _has_nul(request.COOKIES.values())
        or _has_nul(headers)
        or _credentials_have_nul(request.META.get("HTTP_AUTHORIZATION", ""))
        or (request.method in ("POST", "PUT", "PATCH") and _body_has_nul(request))
    )


def _nfc(data: QueryDict, encoding: str | None) -> QueryDict:
    normalised = QueryDict(mutable=True, encoding=encoding)
    for key, values in data.lists():
        normalised.setlist(
            unicodedata.normalize("NFC", key), [unicodedata.normalize("NFC", v) for v in values]
        )
    normalised._mutable = False
    return normalised


def bad_request(request: HttpRequest) -> HttpResponse:
    if request.path.startswith("/api/"):
        error = {"code": "invalid", "message": f"{MESSAGE_VI} / {MESSAGE_EN}", "details": None}
        return JsonResponse({"error": error}, status=400)
    return HttpResponseBadRequest(
        f"<!doctype html><html lang='vi'><meta charset='utf-8'><title>400</title>"
        f"<h1>400</h1><p>{MESSAGE_VI}</p><p lang='en'>{MESSAGE_EN}</p></html>",
        content_type="text/html; charset=utf-8",
    )


class CleanInputMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request_has_nul(request):
            return bad_request(request)
        request.GET = _nfc(request.GET, request.encoding)
        if request.method == "POST" and request.content_type in FORM_TYPES:
            request.POST = _nfc(request.POST, request.encoding)
        return self.get_response(request)


class PermissionsPolicyMiddleware:
    """``Permissions-Policy`` on every response: no page of this site uses the camera,
    microphone, location, payment or USB, so no page (nor anything injected into one) may."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        policy = getattr(settings, "PERMISSIONS_POLICY", "")
        if policy:
            response.headers.setdefault("Permissions-Policy", policy)
        return response
