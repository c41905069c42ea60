"""Structured logs: every line of a request carries that request's id.

The id comes from the reverse proxy's ``X-Request-ID`` when the request came through a trusted
proxy (``MOTCUA_TRUSTED_PROXIES``; nginx sets ``$request_id``), so that a line of the proxy's log,
of gunicorn's access log and of the application's own logs can be matched; otherwise it is made
here. It is sent back in the response's ``X-Request-ID`` header, and an error page can show it
for the help desk.

``MOTCUA_LOG_FORMAT=json`` (the default of ``motcua serve``) writes one JSON object a line —
time, level, logger, message, request id, and the exception's traceback — which journald,
Loki or Elasticsearch take as they are; ``text`` is for a developer's terminal.
"""

from __future__ import annotations

import contextvars
import json
import logging
import re
import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING

from motcua.utils.client import from_trusted_proxy

if TYPE_CHECKING:  # the settings import this module: it imports no part of Django's web stack
    from django.http import HttpRequest, HttpResponse

HEADER = "X-Request-ID"
_META_KEY = "HTTP_X_REQUEST_ID"
# What a proxy's id may look like (nginx: 32 hex digits; others: UUIDs); anything else is
# replaced, so that nobody writes arbitrary text into our logs.
_ACCEPTED = re.compile(r"^[A-Za-z0-9._-]{8,64}$")

_request_id: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="")


def current_request_id() -> str:
    """The id of the request being served, or "" outside a request (worker, command)."""
    return _request_id.get()


def request_id_for(request: HttpRequest) -> str:
    sent = request.META.get(_META_KEY, "")
    if sent and _ACCEPTED.match(sent) and from_trusted_proxy(request):
        return sent
    return uuid.uuid4().hex


class RequestIdMiddleware:
    """First middleware: gives the request its id before anything can log."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request_id = request_id_for(request)
        request.request_id = request_id  # type: ignore[attr-defined]
        token = _request_id.set(request_id)
        try:
            response = self.get_response(request)
        finally:
            _request_id.reset(token)
        response[HEADER] = request_id
        return response


class RequestIdFilter(logging.Filter):
    """Adds ``request_id`` to every record (empty outside a request)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not getattr(record, "request_id", ""):
            record.request_id = current_request_id()
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object a line."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", ""),
            "process": record.process,
        }
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)


def logging_config(*, level: str, fmt: str) -> dict:
    """The LOGGING setting: console, with the request id, as JSON or as text."""
    formatter = (
        {"()": "motcua.utils.logs.JsonFormatter"}
        if fmt == "json"
        else {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"}
    )
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"request_id": {"()": "motcua.utils.logs.RequestIdFilter"}},
        "formatters": {"default": formatter},
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "filters": ["request_id"],
                "formatter": "default",
            }
        },
        "root": {"handlers": ["console"], "level": level},
        # Django's request logger writes the traceback of a 500 (with the request id).
        "loggers": {"django.request": {"level": "ERROR", "propagate": True}},
    }
