"""Real processes for the tests of several servers on one database: ``motcua serve`` and
``motcua worker`` started as the operations guide starts them, against the test database and
a local S3-compatible server, and killed as a crash would kill them."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.error import URLError
from urllib.request import urlopen

from django.db import connection


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def database_url() -> str:
    """The URL of the database the test runs on (the test database, already migrated)."""
    s = connection.settings_dict
    host = s.get("HOST") or "127.0.0.1"
    port = s.get("PORT") or "5432"
    user = s.get("USER") or "postgres"
    password = f":{s['PASSWORD']}" if s.get("PASSWORD") else ""
    return f"postgres://{user}{password}@{host}:{port}/{s['NAME']}"


def process_env(data_dir: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MOTCUA_", "DATABASE_URL"))}
    env.update(
        {
            "DATABASE_URL": database_url(),
            "MOTCUA_DATA_DIR": str(data_dir),
            "SECRET_KEY": "several-processes-one-secret-key-for-the-test",
            "DJANGO_SETTINGS_MODULE": "motcua.settings",
            "PYTHONPATH": os.pathsep.join(p for p in sys.path if p),
            "LOG_LEVEL": "WARNING",
        }
    )
    env.update(extra)
    return env


def _libc():
    if sys.platform != "linux":
        return None
    import ctypes

    try:
        return ctypes.CDLL("libc.so.6", use_errno=True)
    except OSError:
        return None


# Loaded here, in the parent: the child between fork and exec only calls into it.
_LIBC = _libc()
_PR_SET_PDEATHSIG = 1


def _die_with_the_tests() -> None:
    """In the child, before it runs: Linux sends it SIGKILL when the test process (the thread
    that started it) dies, so a test run that is itself killed leaves no server or worker
    behind."""
    if _LIBC is not None:
        _LIBC.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)


def _motcua(*args: str) -> list[str]:
    return [sys.executable, "-m", "motcua", *args]


@dataclass
class Process:
    """A process group (gunicorn's master and its workers are one group): killed together."""

    args: list[str]
    env: dict[str, str]
    log: Path
    popen: subprocess.Popen | None = field(default=None, repr=False)

    def start(self) -> Process:
        handle = self.log.open("ab")
        self.popen = subprocess.Popen(
            self.args,
            env=self.env,
            stdout=handle,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            preexec_fn=_die_with_the_tests if _LIBC is not None else None,
        )
        return self

    def kill(self, sig: int = signal.SIGKILL) -> None:
        if self.popen is None or self.popen.poll() is not None:
            return
        try:
            os.killpg(self.popen.pid, sig)
        except ProcessLookupError:
            return
        try:
            self.popen.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(self.popen.pid, signal.SIGKILL)
            self.popen.wait(timeout=10)

    def output(self) -> str:
        return self.log.read_text(errors="replace")[-4000:]


@dataclass
class Server(Process):
    port: int = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def wait_ready(self, timeout: float = 90) -> Server:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert self.popen is not None
            if self.popen.poll() is not None:
                raise AssertionError(f"server exited:\n{self.output()}")
            try:
                with urlopen(f"{self.url}/readyz", timeout=5) as response:
                    if response.status == 200:
                        return self
            except (URLError, OSError):
                pass
            time.sleep(0.3)
        raise AssertionError(f"server not ready in {timeout} s:\n{self.output()}")


def server(data_dir: Path, env: dict[str, str], *, workers: int = 2) -> Server:
    port = free_port()
    env = {**env, "MOTCUA_WEB_WORKERS": str(workers), "MOTCUA_WEB_THREADS": "4"}
    return Server(
        args=_motcua("serve", "--bind", f"127.0.0.1:{port}", "--no-migrate"),
        env=env,
        log=data_dir / f"serve-{port}.log",
        port=port,
    )


def worker(data_dir: Path, env: dict[str, str], name: str) -> Process:
    return Process(
        args=_motcua("worker", "--interval", "0.2"),
        env=env,
        log=data_dir / f"worker-{name}.log",
    )
