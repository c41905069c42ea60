"""``motcua fakeidp [--host H] [--port P] [--people FILE] [--key-file FILE]``: a fake national
identity provider for tests and the demo (``motcua.integrations.fakeidp``), whose client is
``MOTCUA_OIDC_CLIENT_ID`` / ``MOTCUA_OIDC_CLIENT_SECRET``; it keeps codes and tokens in memory
until stopped."""

import json
import signal
import threading

from django.conf import settings
from django.core.management.base import BaseCommand

from motcua.integrations.fakeidp import FakeIdP


class Command(BaseCommand):
    help = "Hệ thống định danh điện tử giả lập / a fake national identity provider"

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8766)
        parser.add_argument(
            "--people", help="a JSON list of people (claims) to offer instead of the demo's five"
        )
        parser.add_argument(
            "--key-file", help="the RSA signing key (PEM): read, or written when missing"
        )

    def handle(self, *args, host: str, port: int, people: str | None, key_file: str | None, **_):
        listed = None
        if people:
            with open(people, encoding="utf-8") as handle:
                listed = json.load(handle)
        idp = FakeIdP(
            client_id=settings.MOTCUA_OIDC_CLIENT_ID,
            client_secret=settings.MOTCUA_OIDC_CLIENT_SECRET,
            host=host,
            port=port,
            people=listed,
            key_file=key_file,
        )
        stopped = threading.Event()
        signal.signal(signal.SIGTERM, lambda *_: stopped.set())
        signal.signal(signal.SIGINT, lambda *_: stopped.set())
        with idp:
            self.stdout.write(f"Định danh điện tử giả lập / fake identity provider: {idp.issuer}")
            self.stdout.flush()
            stopped.wait()
        self.stdout.write("Đã dừng / stopped")
