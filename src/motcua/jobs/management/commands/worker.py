"""``motcua worker [--once] [--queue Q]``: runs the queued jobs (notifications, portal
synchronisation, deadline recomputation, exports) and the apps' periodic work; several workers
may run at once. ``--once``: what is queued now, then exit."""

import signal

from django.core.management.base import BaseCommand

from motcua.jobs.services import worker_id, worker_run


class Command(BaseCommand):
    help = "Chạy các công việc nền trong hàng đợi / run the queued background jobs"

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="run what is queued now, then exit")
        parser.add_argument("--queue", action="append", help="only these queues (repeatable)")
        parser.add_argument("--interval", type=float, default=1.0, help="seconds between polls")

    def handle(self, *args, once: bool, queue, interval: float, **options):
        stopping: list[bool] = []
        signal.signal(signal.SIGTERM, lambda *_: stopping.append(True))
        signal.signal(signal.SIGINT, lambda *_: stopping.append(True))
        me = worker_id()
        if not once:
            self.stdout.write(f"Worker {me}: đang chạy / running")
        ran = worker_run(
            once=once,
            queues=queue,
            interval=interval,
            worker=me,
            stopping=lambda: bool(stopping),
            report=self.stdout.write,
        )
        if once:
            self.stdout.write(f"{ran} công việc đã chạy / jobs run")
