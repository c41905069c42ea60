"""``motcua serve``: the application under gunicorn, as in production (docs/operations.md).

Before the workers start it collects the static files (hashed, compressed: WhiteNoise serves
them) and, unless ``--no-migrate``, applies the migrations. Workers and threads come from the
environment (``MOTCUA_WEB_WORKERS``, default twice the cores plus one; ``MOTCUA_WEB_THREADS``,
default 4; ``MOTCUA_WEB_TIMEOUT``, default 60 s); the access log is one JSON line a request with
the request id that the application's own log lines carry too."""

from __future__ import annotations

import os
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

# gunicorn's access log as JSON: one line a request, keyed like the application's lines.
ACCESS_LOG_FORMAT = (
    '{"time": "%(t)s", "level": "INFO", "logger": "gunicorn.access", "remote": "%(h)s", '
    '"method": "%(m)s", "path": "%(U)s", "status": %(s)s, "bytes": "%(B)s", '
    '"duration_ms": %(M)s, "request_id": "%({x-request-id}o)s", "agent": "%(a)s"}'
)


def _int_env(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        number = int(value)
    except ValueError as error:
        raise CommandError(f"{name}={value!r}: cần một số nguyên / must be an integer") from error
    if number < 1:
        raise CommandError(f"{name}={value!r}: phải lớn hơn 0 / must be positive")
    return number


def gunicorn_options(bind: str) -> dict:
    cores = os.cpu_count() or 1
    return {
        "bind": bind,
        "workers": _int_env("MOTCUA_WEB_WORKERS", _int_env("WEB_CONCURRENCY", 2 * cores + 1)),
        "threads": _int_env("MOTCUA_WEB_THREADS", 4),
        "worker_class": "gthread",
        "timeout": _int_env("MOTCUA_WEB_TIMEOUT", 60),
        "graceful_timeout": 30,
        "keepalive": 5,
        # A worker is replaced after this many requests (a slow leak cannot grow for ever).
        "max_requests": _int_env("MOTCUA_WEB_MAX_REQUESTS", 2000),
        "max_requests_jitter": 200,
        "accesslog": "-",
        "access_log_format": ACCESS_LOG_FORMAT,
        "errorlog": "-",
        "loglevel": os.environ.get("LOG_LEVEL", "info").lower(),
        # Behind the reverse proxy: its X-Forwarded-* are read by Django (MOTCUA_TRUSTED_PROXIES).
        "forwarded_allow_ips": "",
        "proc_name": "motcua",
        # No control socket in the service user's home: several instances on one machine
        # would fight over it, and systemd already controls the process.
        "control_socket_disable": True,
    }


def _collect_static() -> None:
    """collectstatic, one instance at a time: several servers on one machine share the folder
    (a second one waits for the first, then finds everything collected)."""
    import fcntl

    from django.conf import settings

    root = Path(settings.STATIC_ROOT)
    root.mkdir(parents=True, exist_ok=True)
    with (root.parent / ".collectstatic.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        call_command("collectstatic", interactive=False, verbosity=0)


class Command(BaseCommand):
    help = (
        "Chạy ứng dụng dưới gunicorn (môi trường vận hành) / Serve the application under gunicorn"
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--bind",
            default=os.environ.get("MOTCUA_BIND", "127.0.0.1:8000"),
            help="HOST:PORT hoặc unix:PATH (mặc định 127.0.0.1:8000) / address to listen on",
        )
        parser.add_argument(
            "--no-migrate",
            action="store_true",
            help="Không chạy migrate trước / do not apply migrations first",
        )

    def handle(self, *args, **options):
        from gunicorn.app.base import BaseApplication

        if not options["no_migrate"]:
            call_command("migrate", interactive=False, verbosity=0)
        _collect_static()
        # Only now: WhiteNoise lists the collected files when the application is made.
        from motcua.wsgi import application

        settings_ = gunicorn_options(options["bind"])

        class Application(BaseApplication):
            def load_config(self):
                for key, value in settings_.items():
                    self.cfg.set(key, value)

            def load(self):
                return application

        self.stdout.write(
            f"motcua: {settings_['workers']} tiến trình × {settings_['threads']} luồng / "
            f"workers × threads, http://{settings_['bind']}/"
        )
        Application().run()
