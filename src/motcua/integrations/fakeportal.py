"""A fake National Public Service Portal for tests, benchmarks and the demo (``motcua
fakeportal --port P``): the synchronisation contract of ``../shared/domain/portal.md`` over
HTTP, in memory.

- ``POST /dossiers/sync`` stores the snapshot under its ``MaHoSo`` and answers
  ``{"error_code": "0"}``; it records, per dossier, the sequence of ``X-Motcua-Version`` values
  received and every regression (a version lower than one stored before).
- ``GET /dossiers/{code}`` answers the stored snapshot (404 when none).
- ``POST /_control`` with ``{"mode": "ok"|"fail"|"error"|"timeout"|"slow", "delay_ms": 200,
  "status": 503, "reject": ["CODE", ...]}`` changes how it answers: ``fail`` with ``status``
  (default 503), ``error`` a 200 whose ``error_code`` is not ``"0"``, ``timeout`` holds the
  request for ``delay_ms`` and closes without an answer (nothing stored), ``slow`` answers (and
  stores) after ``delay_ms``; the codes in ``reject`` are refused with 422 (a permanent
  rejection). ``GET /_control`` answers the mode and the counts.
- Every request without ``Authorization: Bearer <token>`` is answered 401.
"""

from __future__ import annotations

import json
import threading
import time
from collections import defaultdict
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import unquote

from motcua.integrations.portal import VERSION_HEADER

MODES = ("ok", "fail", "error", "timeout", "slow")


class FakePortal:
    """The fake portal on ``host:port`` (port 0: any free port), run in a thread by
    ``start()`` (or as a context manager); ``url`` is its address."""

    def __init__(self, *, token: str, host: str = "127.0.0.1", port: int = 0):
        self.token = token
        self.lock = threading.Lock()
        self.snapshots: dict[str, dict[str, Any]] = {}
        self.versions: dict[str, list[int]] = defaultdict(list)
        self.regressions: list[tuple[str, int, int]] = []  # (code, received, after)
        self.received = 0
        self.mode, self.delay_ms, self.fail_status = "ok", 200, 503
        self.reject: set[str] = set()
        self.server = ThreadingHTTPServer((host, port), _handler(self))
        self.server.daemon_threads = True
        self.thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> FakePortal:
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def __enter__(self) -> FakePortal:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    def control(
        self,
        *,
        mode: str | None = None,
        delay_ms: int | None = None,
        status: int | None = None,
        reject: list[str] | None = None,
    ) -> None:
        if mode is not None and mode not in MODES:
            raise ValueError(f"mode must be one of {MODES}")
        with self.lock:
            self.mode = mode or self.mode
            self.delay_ms = self.delay_ms if delay_ms is None else int(delay_ms)
            self.fail_status = status or self.fail_status
            if reject is not None:
                self.reject = set(reject)

    def state(self) -> dict[str, Any]:
        with self.lock:
            return {
                "mode": self.mode,
                "delay_ms": self.delay_ms,
                "received": self.received,
                "stored": len(self.snapshots),
                "regressions": len(self.regressions),
            }

    def sync(self, payload: Any, version: int | None) -> tuple[int, dict[str, Any] | None]:
        """The answer to a synchronisation (None: hold, then close without an answer)."""
        with self.lock:
            mode, delay, status = self.mode, self.delay_ms / 1000, self.fail_status
        if mode == "timeout":
            time.sleep(delay)
            return 0, None
        if mode == "slow":
            time.sleep(delay)
        if mode == "fail":
            return status, {"error_code": str(status), "message": "Hệ thống đang bận"}
        if mode == "error":
            return 200, {"error_code": "-1", "message": "Lỗi xử lý dữ liệu"}
        record = payload.get("hoSo") if isinstance(payload, dict) else None
        code = record.get("MaHoSo") if isinstance(record, dict) else None
        if not code or not isinstance(payload.get("tienTrinhDongBo"), list):
            return 400, {"error_code": "400", "message": "Thiếu hoSo.MaHoSo hoặc tienTrinhDongBo"}
        with self.lock:
            self.received += 1
            if code in self.reject:
                return 422, {"error_code": "422", "message": f"Hồ sơ {code} không hợp lệ"}
            seen = self.versions[code]
            if version is not None:
                if seen and version < max(seen):
                    self.regressions.append((code, version, max(seen)))
                seen.append(version)
            self.snapshots[code] = payload
        return 200, {"error_code": "0", "message": "Đồng bộ thành công"}


def _handler(portal: FakePortal) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:  # quiet
            return

        def _answer(self, status: int, body: Any) -> None:
            data = json.dumps(body, ensure_ascii=False).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def _authorised(self) -> bool:
            if self.headers.get("Authorization") == f"Bearer {portal.token}":
                return True
            self._answer(401, {"error_code": "401", "message": "Unauthorized"})
            return False

        def _body(self) -> Any:
            length = int(self.headers.get("Content-Length") or 0)
            try:
                return json.loads(self.rfile.read(length) or b"null")
            except ValueError:
                return None

        def do_POST(self) -> None:
            body = self._body()
            if not self._authorised():
                return
            if self.path == "/_control":
                options = body if isinstance(body, dict) else {}
                try:
                    portal.control(
                        mode=options.get("mode"),
                        delay_ms=options.get("delay_ms"),
                        status=options.get("status"),
                        reject=options.get("reject"),
                    )
                except (TypeError, ValueError) as exc:
                    self._answer(400, {"error_code": "400", "message": str(exc)})
                    return
                self._answer(200, portal.state())
                return
            if self.path != "/dossiers/sync":
                self._answer(404, {"error_code": "404", "message": "Not found"})
                return
            header = self.headers.get(VERSION_HEADER, "")
            status, answer = portal.sync(body, int(header) if header.isdigit() else None)
            if answer is None:
                self.close_connection = True
                return
            self._answer(status, answer)

        def do_GET(self) -> None:
            if not self._authorised():
                return
            if self.path == "/_control":
                self._answer(200, portal.state())
                return
            prefix = "/dossiers/"
            code = unquote(self.path[len(prefix) :]) if self.path.startswith(prefix) else ""
            with portal.lock:
                snapshot = portal.snapshots.get(code)
            if snapshot is None:
                self._answer(404, {"error_code": "404", "message": "Not found"})
                return
            self._answer(200, snapshot)

    return Handler
