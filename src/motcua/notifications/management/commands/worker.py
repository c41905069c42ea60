"""``motcua worker``: delivers the outbox (notifications) and runs the jobs the apps registered
(waiting report exports), forever or once."""

import signal
import time

from django.core.management.base import BaseCommand

from motcua.notifications.jobs import JOBS
from motcua.notifications.services import outbox_deliver_due


class Command(BaseCommand):
    help = "Gửi các thông báo trong hàng đợi / deliver queued notifications"

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="deliver what is due, then exit")
        parser.add_argument("--interval", type=float, default=2.0, help="seconds between polls")

    def handle(self, *args, once: bool, interval: float, **options):
        stopping = []
        signal.signal(signal.SIGTERM, lambda *_: stopping.append(True))
        while True:
            sent, failed = outbox_deliver_due()
            if sent or failed:
                self.stdout.write(f"outbox: {sent} đã gửi / sent, {failed} lỗi / failed")
            for job in JOBS:
                if done := job.run():
                    self.stdout.write(f"{job.label}: {done} đã chạy / run")
            if once or stopping:
                return
            time.sleep(interval)
