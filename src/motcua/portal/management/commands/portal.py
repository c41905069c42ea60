"""``motcua portal status [CODE]`` and ``motcua portal resend CODE… | --rejected | --failing``:
the exchange with the national portal, what is in sync, waiting, failing and rejected, and
sending dossiers again (docs/portal.md)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from motcua.dossiers.models import Dossier
from motcua.jobs.models import Job, JobStatus
from motcua.portal.models import Outcome, PortalSync
from motcua.portal.services import portal_resend, portal_resend_where, portal_summary, sync_key
from motcua.portal.tasks import portal_sync
from motcua.utils.formatting import vn_datetime, vn_number

STATES = {
    "in_sync": "đã đồng bộ / in sync",
    "waiting": "chờ gửi / waiting",
    "failing": "lỗi, sẽ gửi lại / failing, will retry",
    "rejected": "bị Cổng từ chối / rejected",
}


class Command(BaseCommand):
    help = "Đồng bộ hồ sơ với Cổng Dịch vụ công quốc gia / exchange with the national portal"

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action")
        status = sub.add_parser("status", help="counts, or one dossier's synchronisation")
        status.add_argument("code", nargs="?")
        resend = sub.add_parser("resend", help="send dossiers again now")
        resend.add_argument("codes", nargs="*")
        resend.add_argument("--rejected", action="store_true", help="every rejected dossier")
        resend.add_argument("--failing", action="store_true", help="every failing dossier")

    def handle(self, *args, action=None, **options):
        if action == "resend":
            self._resend(options)
            return
        if not settings.MOTCUA_PORTAL_URL:
            self.stdout.write("Chưa cấu hình MOTCUA_PORTAL_URL: không gửi / exchange off")
        code = options.get("code")
        if code:
            self._dossier(code)
            return
        summary = portal_summary()
        self.stdout.write(
            "; ".join(f"{STATES[name]}: {vn_number(summary[name] or 0)}" for name in STATES)
        )
        dead = Job.objects.filter(name=portal_sync.name, status=JobStatus.DEAD).count()
        if dead:
            self.stdout.write(f"công việc đã dừng / dead jobs: {vn_number(dead)}")
        rejected = PortalSync.objects.filter(outcome=Outcome.REJECTED).select_related("dossier")
        for row in rejected.order_by("-last_attempt_at")[:20]:
            self.stdout.write(f"  {row.dossier.code}: {row.last_error.splitlines()[0][:200]}")

    def _dossier(self, code: str) -> None:
        dossier = Dossier.objects.filter(code=code).first()
        if dossier is None:
            raise CommandError(f"Không có hồ sơ / no dossier {code}")
        row = PortalSync.objects.filter(dossier=dossier).first()
        if row is None:
            self.stdout.write(f"{code}: chưa từng gửi / never scheduled")
            return
        state = "in_sync" if row.in_sync else (row.outcome or "waiting")
        if state == Outcome.OK:
            state = "waiting"
        self.stdout.write(
            f"{code}: {STATES[state]}; phiên bản / version {row.version}, "
            f"đã gửi / sent {row.sent_version}, lỗi liên tiếp / failed attempts {row.attempts}"
        )
        if row.synced_at:
            self.stdout.write(f"  đồng bộ lúc / synced at {vn_datetime(row.synced_at)}")
        if row.last_attempt_at:
            self.stdout.write(f"  gửi lần cuối / last attempt {vn_datetime(row.last_attempt_at)}")
        if row.last_error:
            self.stdout.write(f"  lỗi gần nhất / last error: {row.last_error[:1000]}")
        job = Job.objects.filter(key=sync_key(dossier.pk)).exclude(status=JobStatus.DONE).first()
        if job is not None:
            self.stdout.write(
                f"  công việc / job #{job.pk} [{job.status}], chạy từ / run after "
                f"{vn_datetime(job.run_after)}"
            )

    def _resend(self, options) -> None:
        count = 0
        if options["rejected"]:
            count += portal_resend_where(outcome=Outcome.REJECTED)
        if options["failing"]:
            count += portal_resend_where(outcome=Outcome.FAILING)
        for code in options["codes"]:
            dossier = Dossier.objects.filter(code=code).first()
            if dossier is None:
                raise CommandError(f"Không có hồ sơ / no dossier {code}")
            portal_resend(dossier=dossier)
            count += 1
        if not (options["codes"] or options["rejected"] or options["failing"]):
            raise CommandError("Chưa chọn hồ sơ / no dossier given (CODE…, --rejected, --failing)")
        self.stdout.write(f"{vn_number(count)} hồ sơ sẽ được gửi lại / dossiers queued again")
