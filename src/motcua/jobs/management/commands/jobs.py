"""``motcua jobs [list|retry ID…|retry --dead]``: what is queued, failing (with the error) and
dead, and sending jobs back to the queue."""

from django.core.management.base import BaseCommand, CommandError

from motcua.jobs.models import Job, JobStatus
from motcua.jobs.services import job_label, job_retry, jobs_summary
from motcua.utils.formatting import vn_datetime, vn_number

STATES = {
    "queued": "chờ chạy / queued",
    "failing": "lỗi, sẽ thử lại / failing, will retry",
    "running": "đang chạy / running",
    "dead": "lỗi, đã dừng / dead",
}


class Command(BaseCommand):
    help = "Xem và chạy lại công việc nền / list and retry background jobs"

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action")
        listing = sub.add_parser("list", help="jobs that are not done")
        listing.add_argument(
            "--status", choices=["queued", "failing", "running", "dead"], default=None
        )
        listing.add_argument("--limit", type=int, default=50)
        retry = sub.add_parser("retry", help="send jobs back to the queue")
        retry.add_argument("ids", nargs="*", type=int)
        retry.add_argument("--dead", action="store_true", help="every dead job")

    def handle(self, *args, action=None, **options):
        if action == "retry":
            ids = list(options["ids"])
            if options["dead"]:
                ids += list(Job.objects.filter(status=JobStatus.DEAD).values_list("pk", flat=True))
            if not ids:
                raise CommandError("Chưa chọn công việc nào / no job given (IDs or --dead)")
            count = job_retry(ids=ids)
            self.stdout.write(f"{vn_number(count)} công việc được chạy lại / jobs queued again")
            return
        summary = jobs_summary()
        self.stdout.write(
            "; ".join(f"{STATES[name]}: {vn_number(summary[name])}" for name in STATES)
        )
        if action != "list":
            return
        rows = Job.objects.exclude(status=JobStatus.DONE).order_by("run_after", "id")
        status = options["status"]
        if status == "failing":
            rows = rows.filter(status=JobStatus.QUEUED, attempts__gt=0)
        elif status == "queued":
            rows = rows.filter(status=JobStatus.QUEUED, attempts=0)
        elif status:
            rows = rows.filter(status=status)
        for row in rows[: options["limit"]]:
            line = (
                f"#{row.pk} {job_label(row.name)} ({row.name}) [{row.status}] lần / attempts "
                f"{row.attempts}/{row.max_attempts}, chạy từ / run after "
                f"{vn_datetime(row.run_after)}"
            )
            if row.key:
                line += f", khóa / key {row.key}"
            self.stdout.write(line)
            if row.last_error:
                self.stdout.write(f"    {row.last_error.splitlines()[0][:300]}")
