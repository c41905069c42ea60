"""Health and readiness, for the load balancer and systemd (docs/operations.md).

``/healthz``: the process answers (no database, no storage: a restart would not fix either).
``/readyz``: it can serve — the database answers a query and the file store takes, returns and
deletes a small object; 503 with what failed otherwise, so the balancer sends requests to
another server until this one is ready again. Neither needs a login, neither says more than
"ok" or "unavailable" about each part (the reason goes to the log).
"""

from __future__ import annotations

import logging
import os
import socket

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connections
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

logger = logging.getLogger(__name__)

PROBE = b"motcua readiness probe\n"


def database_ready() -> None:
    with connections["default"].cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def storage_ready() -> None:
    """Write, read back and delete one small object: a store that can be listed but not
    written (full disk, read-only credentials) is not ready."""
    name = default_storage.save(
        f"readiness/{socket.gethostname()}-{os.getpid()}.txt", ContentFile(PROBE)
    )
    try:
        with default_storage.open(name, "rb") as handle:
            if handle.read() != PROBE:
                raise OSError("the file store returned other bytes than were written")
    finally:
        default_storage.delete(name)


CHECKS = {"database": database_ready, "storage": storage_ready}


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"status": "ok"})


@never_cache
@require_GET
def readyz(request: HttpRequest) -> JsonResponse:
    parts = {}
    for name, check in CHECKS.items():
        try:
            check()
        except Exception:  # any failure of a dependency means "not ready", never a 500
            logger.exception("readiness check failed: %s", name)
            parts[name] = "unavailable"
        else:
            parts[name] = "ok"
    ready = all(state == "ok" for state in parts.values())
    return JsonResponse(
        {"status": "ok" if ready else "unavailable", **parts}, status=200 if ready else 503
    )
