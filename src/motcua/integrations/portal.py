"""The National Public Service Portal's dossier synchronisation, behind one small interface
(``../shared/domain/portal.md``, "How it is sent").

``POST {MOTCUA_PORTAL_URL}/dossiers/sync`` with the bearer token and the snapshot as JSON. The
answer is classified once, here: stored (``200`` with ``error_code`` ``"0"``), a failure to
retry later (``PortalUnavailable``: another ``error_code``, ``5xx``, ``408``, ``429``, a timeout,
a refused or broken connection) or a permanent rejection (``PortalRejected``: any other
``4xx``, the payload is wrong and an operator must look at it).

Besides the payload, each request carries ``X-Motcua-Version``: the sender's version of the
snapshot (monotonic per dossier). The portal ignores it; the fake portal checks with it that no
older snapshot ever arrives after a newer one.
"""

from __future__ import annotations

import http.client
import json
from dataclasses import dataclass
from typing import Any, Protocol
from urllib.parse import urlsplit

from django.conf import settings

VERSION_HEADER = "X-Motcua-Version"
# At most this much of an answer is kept (in the error shown to the operator).
ANSWER_LIMIT = 2000


class PortalUnavailable(Exception):
    """The portal did not store the snapshot; sending again later may succeed. ``uncertain``:
    the request may have reached the portal (a timeout or a connection broken after it was
    sent), so the portal may still store it."""

    def __init__(self, message: str, *, uncertain: bool = False):
        super().__init__(message)
        self.uncertain = uncertain


class PortalRejected(Exception):
    """The portal refused the snapshot as wrong (a ``4xx`` other than ``408``/``429``):
    sending it again cannot succeed."""

    def __init__(self, status: int, answer: str):
        super().__init__(f"HTTP {status}: {answer[:300]}")
        self.status, self.answer = status, answer


class PortalClient(Protocol):
    def send(self, *, payload: dict[str, Any], version: int) -> None:
        """Store ``payload`` on the portal; raise ``PortalUnavailable`` or ``PortalRejected``."""


def classify(status: int, body: str) -> None:
    """Nothing when the portal stored the snapshot; otherwise the exception that says whether
    to retry (portal.md: 200 + error_code "0" stored; other error_code, 5xx, 408, 429 retry;
    other 4xx rejected)."""
    if status == 200:
        try:
            answer = json.loads(body)
            code = str(answer.get("error_code"))
        except (ValueError, AttributeError):
            raise PortalUnavailable(f"HTTP 200 không phải JSON / not JSON: {body[:200]}") from None
        if code == "0":
            return
        message = str(answer.get("message", ""))[:300]
        raise PortalUnavailable(f"error_code {code}: {message}")
    if status in (408, 429) or status >= 500:
        raise PortalUnavailable(f"HTTP {status}: {body[:300]}")
    if 400 <= status < 500:
        raise PortalRejected(status, body[:ANSWER_LIMIT])
    raise PortalUnavailable(f"HTTP {status}: {body[:300]}")


@dataclass(frozen=True)
class HttpPortalClient:
    """The contract over HTTP(S) with the standard library: one connection per request, every
    socket operation limited by ``timeout`` seconds."""

    url: str
    token: str
    timeout: float = 30.0

    def send(self, *, payload: dict[str, Any], version: int) -> None:
        parts = urlsplit(self.url.rstrip("/") + "/dossiers/sync")
        connection_class = (
            http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
        )
        connection = connection_class(parts.netloc, timeout=self.timeout)
        body = json.dumps(payload, ensure_ascii=False).encode()
        headers = {
            "Content-Type": "application/json; charset=utf-8",
            "Authorization": f"Bearer {self.token}",
            VERSION_HEADER: str(version),
        }
        sent = False
        try:
            connection.connect()
            connection.request("POST", parts.path, body=body, headers=headers)
            sent = True
            response = connection.getresponse()
            text = response.read(ANSWER_LIMIT * 4).decode("utf-8", errors="replace")
            status = response.status
        except (OSError, http.client.HTTPException) as exc:
            # Refused, unreachable, timed out or broken: once the whole request was written,
            # the portal may have it and store it even though no answer came back.
            raise PortalUnavailable(f"{type(exc).__name__}: {exc}", uncertain=sent) from exc
        finally:
            connection.close()
        classify(status, text)


def portal_client() -> PortalClient | None:
    """The client of the configured portal, or None when the exchange is off
    (``MOTCUA_PORTAL_URL`` unset)."""
    if not settings.MOTCUA_PORTAL_URL:
        return None
    return HttpPortalClient(
        url=settings.MOTCUA_PORTAL_URL,
        token=settings.MOTCUA_PORTAL_TOKEN,
        timeout=settings.MOTCUA_PORTAL_TIMEOUT,
    )
