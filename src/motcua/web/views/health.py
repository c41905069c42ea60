"""Health and readiness, for the load balancer and systemd (docs/operations.md).

``/healthz``: the process answers (no database, no storage: a restart would not fix either).
``/readyz``: it can serve — the database answers a query and the file store takes, returns and
deletes a small object; 503 with what failed otherwise, so the balancer sends requests to
another server until this one is ready again. Neither needs a login, neither says more than
"ok" or "unavailable" about each part (the reason goes to the log).
"""

from __future__ import annotations

import logging

from django.db import connections
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from motcua.utils.storage import storage_check

logger = logging.getLogger(__name__)


def database_ready() -> None:
    with connections["default"].cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


CHECKS = {"database": database_ready, "storage": storage_check}


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
