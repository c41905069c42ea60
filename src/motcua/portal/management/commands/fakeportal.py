"""``motcua fakeportal [--host H] [--port P] [--token T]``: a fake national portal for tests,
benchmarks and the demo (``motcua.integrations.fakeportal``); it keeps what it receives in
memory until stopped."""

import os
import signal
import threading

from django.core.management.base import BaseCommand

from motcua.integrations.fakeportal import FakePortal


class Command(BaseCommand):
    help = "Cổng Dịch vụ công quốc gia giả lập / a fake national portal"

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8765)
        parser.add_argument(
            "--token",
            default=os.environ.get("MOTCUA_PORTAL_TOKEN") or "fake-portal-token",
            help="the bearer token it accepts (default: MOTCUA_PORTAL_TOKEN)",
        )
        parser.add_argument("--delay-ms", type=int, default=200, help="delay of the slow mode")
        parser.add_argument("--mode", default="ok", help="ok, fail, error, timeout or slow")

    def handle(self, *args, host: str, port: int, token: str, delay_ms: int, mode: str, **_):
        portal = FakePortal(token=token, host=host, port=port)
        portal.control(mode=mode, delay_ms=delay_ms)
        stopped = threading.Event()
        signal.signal(signal.SIGTERM, lambda *_: stopped.set())
        signal.signal(signal.SIGINT, lambda *_: stopped.set())
        with portal:
            self.stdout.write(f"Cổng giả lập / fake portal: {portal.url} (mode {mode})")
            self.stdout.flush()
            stopped.wait()
        self.stdout.write("Đã dừng / stopped")
