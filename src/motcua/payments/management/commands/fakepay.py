"""``motcua fakepay [--host H] [--port P] [--secret S] [--merchant M]``: a fake national payment
platform for tests and the demo (``motcua.integrations.fakepay``), speaking the protocol of
docs/payments.md with the secret and merchant code of the settings unless given; it keeps the
orders in memory until stopped."""

import signal
import threading

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from motcua.integrations.fakepay import FakePay


class Command(BaseCommand):
    help = "Nền tảng thanh toán giả lập / a fake national payment platform"

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8767)
        parser.add_argument("--secret", help="the shared secret (default MOTCUA_PAYMENT_SECRET)")
        parser.add_argument(
            "--merchant", help="the merchant code (default MOTCUA_PAYMENT_MERCHANT)"
        )

    def handle(self, *args, host: str, port: int, secret: str | None, merchant: str | None, **_):
        secret = secret or settings.MOTCUA_PAYMENT_SECRET
        if not secret:
            raise CommandError("Cần --secret hoặc MOTCUA_PAYMENT_SECRET / a secret is required")
        pay = FakePay(
            secret=secret,
            merchant=merchant or settings.MOTCUA_PAYMENT_MERCHANT,
            host=host,
            port=port,
        )
        stopped = threading.Event()
        signal.signal(signal.SIGTERM, lambda *_: stopped.set())
        signal.signal(signal.SIGINT, lambda *_: stopped.set())
        with pay:
            self.stdout.write(f"Nền tảng thanh toán giả lập / fake payment platform: {pay.url}")
            self.stdout.flush()
            stopped.wait()
        self.stdout.write("Đã dừng / stopped")
