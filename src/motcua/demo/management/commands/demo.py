"""``motcua demo``: the main job. Generates the synthetic province, imports it through the same
importer a real province uses (officers included, from users.csv), gives the demo accounts the
demo password and serves the web UI, with the worker, a fake national portal (unless
``MOTCUA_PORTAL_URL`` names one) and a fake payment platform (unless ``MOTCUA_PAYMENT_URL`` names
one) beside it."""

import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from motcua.accounts.models import User
from motcua.accounts.roles import Role
from motcua.agencies.models import Agency, AgencyKind
from motcua.demo.applicants import demo_identity_people
from motcua.demo.datastore import demo_document_kinds, demo_result_kinds, demo_store_documents
from motcua.demo.feedback import demo_live_feedback
from motcua.demo.handbook import demo_handbook
from motcua.demo.inspections import demo_inspections
from motcua.demo.live import demo_live_dossiers
from motcua.demo.officials import set_demo_officials

# Long enough for the password rules of settings.AUTH_PASSWORD_VALIDATORS (12 characters).
DEMO_PASSWORD = "motcua-demo-2024"

# The demo accounts: officers of the generated users.csv (generator/officers.py). The import
# never sets passwords; this command gives these the demo password. (username, role, where to
# put it when the package has no such officer: (kind, words in the agency's name))
DEMO_USERS = [
    ("quantri", Role.ADMINISTRATOR, (AgencyKind.DEPARTMENT, "Văn phòng")),
    ("kiemsoat", Role.CONTROLLER, (AgencyKind.DEPARTMENT, "Văn phòng")),
    ("motcua", Role.INTAKE_OFFICER, (AgencyKind.DEPARTMENT, "Tài nguyên")),
    ("chuyenvien", Role.HANDLER, (AgencyKind.DEPARTMENT, "Tài nguyên")),
    ("lanhdao", Role.APPROVER, (AgencyKind.DEPARTMENT, "Tài nguyên")),
    ("bientap", Role.EDITOR, (AgencyKind.DEPARTMENT, "Văn phòng")),
]


class Command(BaseCommand):
    help = "Tạo tỉnh mẫu, nhập dữ liệu, tạo người dùng mẫu và chạy giao diện web / Run the demo."

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=2024)
        parser.add_argument(
            "--scale",
            type=float,
            default=0.05,
            help="dossier volume relative to the 2024 report (1 = 660.557 dossiers)",
        )
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument(
            "--no-serve", action="store_true", help="Prepare the data only; do not serve."
        )

    def handle(self, *args, **options):
        call_command("migrate", interactive=False, verbosity=0)
        # The desks have worked through the 2024 history until today: what is still open is
        # recent (the live dossiers below), not two years of overdue dossiers.
        today = timezone.localdate()
        package = Path(settings.DATA_DIR) / (
            f"demo-package-{options['seed']}-{options['scale']}-{today:%Y%m%d}"
        )
        if not package.exists():
            self.stdout.write(f"Tạo dữ liệu tỉnh mẫu / generating the demo province: {package}")
            call_command(
                "generate",
                str(package),
                seed=options["seed"],
                scale=options["scale"],
                settle_until=today,
            )
        self.stdout.write("Nhập dữ liệu / importing the package")
        call_command("import", str(package))
        users = self._create_users()
        set_demo_officials()
        self._pki()
        if kinds := demo_document_kinds():
            self.stdout.write(
                f"Gắn loại giấy tờ cho {kinds} thành phần hồ sơ / document kinds set "
                f"on {kinds} components (reuse from the data store)"
            )
        if results := demo_result_kinds():
            self.stdout.write(
                f"Gắn loại giấy tờ kết quả cho {results} thủ tục / result kinds set on "
                f"{results} procedures (results stored as what they are)"
            )
        if demo_handbook(today=today, seed=options["seed"]):
            self.stdout.write("Nạp sổ tay cải cách hành chính mẫu / demo handbook loaded")
        # Served, the demo synchronises its dossiers with a portal: the one of
        # MOTCUA_PORTAL_URL, else a fake portal of its own, from the live dossiers on.
        portal = None if options["no_serve"] else self._start_portal()
        idp = payments = None
        try:
            created = demo_live_dossiers(now=timezone.now())
            if created:
                self.stdout.write(
                    f"Tạo {created} hồ sơ đang xử lý mẫu / live demo dossiers created"
                )
            controller = next(u for u in users if u.username == "kiemsoat")
            if demo_inspections(today=timezone.localdate(), actor=controller):
                self.stdout.write("Tạo kế hoạch kiểm tra năm nay / this year's inspection plan")
            if feedback := demo_live_feedback(now=timezone.now()):
                self.stdout.write(f"Tạo {feedback} phản ánh mẫu / demo feedback items created")
            desk = next(u for u in users if u.username == "motcua")
            people = demo_identity_people()
            if stored := demo_store_documents(people, actor=desk, today=timezone.localdate()):
                self.stdout.write(
                    f"Lưu {stored} giấy tờ vào kho dữ liệu điện tử của người dân mẫu / "
                    "documents put in the demo applicants' data stores"
                )
            if options["no_serve"]:
                self._print_credentials(users, options)
                return
            idp = self._start_idp(people)
            payments = self._start_payments()
            call_command("collectstatic", interactive=False, verbosity=0)
            self._serve(users, options)
        finally:
            for process in (portal, idp, payments):
                if process is not None:
                    _stop(process)

    def _pki(self) -> None:
        """The demo PKI (province CA, a seal per agency, a personal certificate per approver)
        where the settings look for keys, unless a key file is configured there already: the
        worker then signs the live dossiers' slips and results like a real agency."""
        from motcua.signing.keys import keys_path
        from motcua.signing.pki import pki_init

        if keys_path().exists():
            return
        result = pki_init(keys_path().parent)
        self.stdout.write(
            f"Tạo hạ tầng khóa mẫu / demo PKI created: {result.directory} "
            "(motcua pki export-ca PATH: the CA certificate)"
        )

    def _start_portal(self) -> subprocess.Popen | None:
        """The fake national portal in a subprocess on a free port, unless MOTCUA_PORTAL_URL
        names a portal; the settings (and the worker's environment) point at it."""
        if settings.MOTCUA_PORTAL_URL:
            self.stdout.write(f"Cổng DVC quốc gia / national portal: {settings.MOTCUA_PORTAL_URL}")
            return None
        port = _free_port()
        token = secrets.token_urlsafe(16)
        portal = subprocess.Popen(
            [sys.executable, "-m", "motcua", "fakeportal", "--port", str(port), "--token", token],
            stdout=subprocess.DEVNULL,
        )
        _wait_for(port)
        url = f"http://127.0.0.1:{port}"
        settings.MOTCUA_PORTAL_URL, settings.MOTCUA_PORTAL_TOKEN = url, token
        os.environ["MOTCUA_PORTAL_URL"], os.environ["MOTCUA_PORTAL_TOKEN"] = url, token
        self.stdout.write(f"Cổng DVC quốc gia giả lập / fake national portal: {url}")
        return portal

    def _start_idp(self, people: list[dict]) -> subprocess.Popen | None:
        """The fake identity provider (docs/applicants.md) in a subprocess on a free port,
        offering applicants of the live dossiers, unless MOTCUA_OIDC_ISSUER names a provider;
        the settings (and the server's environment) point at it."""
        if os.environ.get("MOTCUA_OIDC_ISSUER"):
            self.stdout.write(
                f"Định danh điện tử / identity provider: {settings.MOTCUA_OIDC_ISSUER}"
            )
            return None
        listed = Path(settings.DATA_DIR) / "demo-identity-people.json"
        listed.write_text(json.dumps(people, ensure_ascii=False, indent=1))
        port = _free_port()
        idp = subprocess.Popen(
            [sys.executable, "-m", "motcua", "fakeidp", "--port", str(port), "--people",
             str(listed), "--key-file", str(Path(settings.DATA_DIR) / "demo-idp-key.pem")],
            stdout=subprocess.DEVNULL,
        )  # fmt: skip
        _wait_for(port)
        issuer = f"http://127.0.0.1:{port}"
        settings.MOTCUA_OIDC_ISSUER = os.environ["MOTCUA_OIDC_ISSUER"] = issuer
        self.stdout.write(f"Định danh điện tử giả lập / fake identity provider: {issuer}")
        return idp

    def _start_payments(self) -> subprocess.Popen | None:
        """The fake national payment platform (docs/payments.md) in a subprocess on a free
        port, unless MOTCUA_PAYMENT_URL names a platform; the settings (and the server's and
        worker's environment) point at it with a fresh shared secret."""
        if settings.MOTCUA_PAYMENT_URL:
            self.stdout.write(
                f"Nền tảng thanh toán / payment platform: {settings.MOTCUA_PAYMENT_URL}"
            )
            return None
        port = _free_port()
        secret = secrets.token_urlsafe(24)
        merchant = settings.MOTCUA_PAYMENT_MERCHANT
        platform = subprocess.Popen(
            [sys.executable, "-m", "motcua", "fakepay", "--port", str(port), "--secret", secret,
             "--merchant", merchant],
            stdout=subprocess.DEVNULL,
        )  # fmt: skip
        _wait_for(port)
        url = f"http://127.0.0.1:{port}"
        settings.MOTCUA_PAYMENT_URL, settings.MOTCUA_PAYMENT_SECRET = url, secret
        os.environ["MOTCUA_PAYMENT_URL"], os.environ["MOTCUA_PAYMENT_SECRET"] = url, secret
        os.environ["MOTCUA_PAYMENT_MERCHANT"] = merchant
        self.stdout.write(f"Nền tảng thanh toán giả lập / fake payment platform: {url}")
        return platform

    def _serve(self, users: list[User], options) -> None:
        """The web server, with the notification worker beside it for as long as it runs; the
        credentials are printed last, once both have started."""
        url = f"http://{options['host']}:{options['port']}"
        env = dict(os.environ)
        # Links in notifications point at the port served; the notifications themselves are
        # summarised (one line each) unless a backend was chosen.
        env.setdefault("MOTCUA_PUBLIC_URL", url)
        env.setdefault("EMAIL_BACKEND", "motcua.notifications.summary_email.SummaryEmailBackend")
        env.setdefault("MOTCUA_SMS_BACKEND", "motcua.integrations.sms.SummaryBackend")
        settings.MOTCUA_PUBLIC_URL = env["MOTCUA_PUBLIC_URL"]
        worker = subprocess.Popen([sys.executable, "-m", "motcua", "worker"], env=env)

        def stop(signum, frame):  # SIGTERM (kill, a supervisor): stop like Ctrl-C does
            raise KeyboardInterrupt

        previous = signal.signal(signal.SIGTERM, stop)
        timer = threading.Timer(3.0, self._print_credentials, args=(users, options))
        timer.daemon = True
        timer.start()
        try:
            call_command("runserver", f"{options['host']}:{options['port']}", use_reloader=False)
        finally:
            timer.cancel()
            signal.signal(signal.SIGTERM, previous)
            _stop(worker)

    @transaction.atomic
    def _create_users(self) -> list[User]:
        users = []
        for username, role, (kind, words) in DEMO_USERS:
            agency = Agency.objects.filter(kind=kind, name__icontains=words).first()
            user, _created = User.objects.get_or_create(
                username=username,
                defaults={"role": role, "agency": agency},
            )
            if not user.has_usable_password():
                user.set_password(DEMO_PASSWORD)
                user.is_staff = role == Role.ADMINISTRATOR
                user.is_superuser = role == Role.ADMINISTRATOR
                user.save()
            users.append(user)
        return users

    def _print_credentials(self, users: list[User], options) -> None:
        url = f"http://{options['host']}:{options['port']}/"
        self.stdout.write(self.style.SUCCESS(f"\nTỉnh mẫu sẵn sàng / demo ready: {url}"))
        self.stdout.write(f"Tài khoản mẫu (mật khẩu / password: {DEMO_PASSWORD}):")
        for user in users:
            agency = user.agency.name if user.agency else "-"
            self.stdout.write(f"  {user.username:<12} {user.get_role_display():<28} {agency}")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_for(port: int) -> None:
    for _attempt in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.1)


def _stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
