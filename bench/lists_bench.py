"""Lists and lookups under load: 16 users at once against the application served by gunicorn.

    python bench/lists_bench.py [--dossiers 2200000] [--database-url URL] [--keep]
                                [--clients 16] [--requests 480] [--workers 4]

Builds a PostgreSQL database of N generated dossiers with ``import_bench``'s package generator
and ``motcua import`` (or reuses it: a database named in ``--database-url`` that already holds
dossiers, or the one ``--keep`` left behind, ``motcua_lists_<N>``), migrates it, creates three
officers (a handler of the department with the most dossiers, an intake officer of a district,
the provincial controller), gives a sample of dossiers an applicant's phone number for the
lookups, then serves the application with ``motcua serve`` (``--workers`` gunicorn processes
of 4 threads), logs the officers in (session cookies)
and runs ``--clients`` concurrent clients (threads, one HTTP request at a time each, with no
pause or ``--think`` seconds between requests on average)
for ``--requests`` requests per page: the work list, the dossier API list, the dossier page, the
public lookup (page and API) and a catalog search. Prints p50, p95 and requests per second of
each next to the goal (p50 < 50 ms, p95 < 200 ms), and how many answers were not the expected
status. Figures are printed the Vietnamese way (1.234,5).
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import re
import secrets
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode, urlsplit, urlunsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))
from import_bench import MOTCUA, Database, package_for, run  # noqa: E402

from motcua.utils.formatting import vn_number  # noqa: E402

GOAL_P50_MS = 50
GOAL_P95_MS = 200
PASSWORD = "Bench-" + "lists-2024"

# Run inside a Django process on the benchmark's database: the officers, dossiers each may
# open, lookups that succeed, catalog words. Prints JSON.
SETUP = r"""
import json, os, sys
import django
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "motcua.settings")
django.setup()
from django.db import connection
from django.db.models import Count
from django.utils import timezone
from motcua.accounts.models import User
from motcua.accounts.roles import Role
from motcua.agencies.models import Agency
from motcua.dossiers.models import Dossier
from motcua.dossiers.selectors import work_list
from motcua.procedures.models import Procedure

password = sys.argv[1]
busiest = (
    Dossier.objects.filter(agency__kind="department").values("agency_id")
    .annotate(n=Count("id")).order_by("-n").first()["agency_id"]
)
district = Agency.objects.filter(kind="district").order_by("code").first()
province = Agency.objects.filter(parent=None).order_by("code").first()
officers = {
    "handler": (Role.HANDLER, Agency.objects.get(pk=busiest)),
    "intake": (Role.INTAKE_OFFICER, district),
    "controller": (Role.CONTROLLER, province),
}
out = {"officers": {}}
now = timezone.now()
for name, (role, agency) in officers.items():
    user, _ = User.objects.update_or_create(
        username=f"bench-{name}",
        defaults={"role": role, "agency": agency, "is_active": True,
                  "full_name": f"Bench {name}"},
    )
    user.set_password(password)
    user.save()
    codes = list(
        Dossier.objects.filter(pk__in=[r["pk"] for r in work_list(user, now=now)[:200]])
        .values_list("code", flat=True)
    )
    out["officers"][name] = {"username": user.username, "agency": agency.code, "codes": codes}
# Imported history carries no applicant's phone: a sample gets one, so lookups succeed.
with connection.cursor() as cursor:
    cursor.execute(
        "UPDATE dossiers_dossier SET applicant_phone = '0912' || lpad((id % 1000000)::text, 6, '0')"
        " WHERE id % 997 = 0 AND applicant_phone = ''"
    )
    cursor.execute("ANALYZE")
out["lookups"] = [
    [code, phone[-4:]]
    for code, phone in Dossier.objects.filter(applicant_phone__startswith="0912")
    .order_by("id").values_list("code", "applicant_phone")[:2000]
]
out["words"] = sorted({w for name in Procedure.objects.values_list("name", flat=True)
                       for w in name.split() if len(w) > 2})[:20] or ["thủ tục"]
out["dossiers"] = Dossier.objects.count()
print(json.dumps(out))
"""


# ---------------------------------------------------------------------------------------------
# The server
# ---------------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(database_url: str, port: int, workers: int) -> subprocess.Popen:
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "SECRET_KEY": secrets.token_urlsafe(40),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DEBUG": "",
        # Connections kept between requests, as a server in production does.
        "DB_CONN_MAX_AGE": "60",
        "MOTCUA_WEB_WORKERS": str(workers),
        "LOG_LEVEL": "ERROR",
    }
    bind = f"127.0.0.1:{port}"
    command = [str(MOTCUA), "serve", "--bind", bind, "--no-migrate"]
    print(f"Máy chủ / server: {' '.join(command)}", flush=True)
    server = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit(f"the server stopped: {server.returncode}")
        try:
            status, _body, _cookies = request(port, "GET", "/dang-nhap/")
            if status == 200:
                return server
        except OSError:
            pass
        time.sleep(0.3)
    server.terminate()
    sys.exit("the server did not answer within 60 s")


# ---------------------------------------------------------------------------------------------
# HTTP
# ---------------------------------------------------------------------------------------------


def request(
    port: int,
    method: str,
    path: str,
    *,
    body: bytes | None = None,
    headers: dict[str, str] | None = None,
) -> tuple[int, bytes, dict[str, str]]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    try:
        connection.request(
            method, path, body=body, headers={"Host": "127.0.0.1", **(headers or {})}
        )
        response = connection.getresponse()
        data = response.read()
        cookies = {}
        for name, value in response.getheaders():
            if name.lower() == "set-cookie":
                key, _, rest = value.partition("=")
                cookies[key] = rest.split(";", 1)[0]
        return response.status, data, cookies
    finally:
        connection.close()


def csrf(port: int, path: str) -> tuple[str, str]:
    """(cookie, form token) from a page with a form."""
    _status, body, cookies = request(port, "GET", path)
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body)
    if token is None or "csrftoken" not in cookies:
        sys.exit(f"no CSRF token on {path}")
    return cookies["csrftoken"], token.group(1).decode()


def login(port: int, username: str) -> str:
    """The session cookie of ``username``."""
    cookie, token = csrf(port, "/dang-nhap/")
    body = urlencode(
        {"username": username, "password": PASSWORD, "csrfmiddlewaretoken": token}
    ).encode()
    status, _body, cookies = request(
        port,
        "POST",
        "/dang-nhap/",
        body=body,
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": f"csrftoken={cookie}",
        },
    )
    if status != 302 or "sessionid" not in cookies:
        sys.exit(f"login of {username} failed: HTTP {status}")
    return f"sessionid={cookies['sessionid']}"


# ---------------------------------------------------------------------------------------------
# Load
# ---------------------------------------------------------------------------------------------

Request = tuple[str, str, bytes | None, dict[str, str]]


@dataclass
class Scenario:
    label: str
    make: Callable[[int], Request]  # the i-th request
    expect: int = 200


@dataclass
class Result:
    latencies: list[float] = field(default_factory=list)
    unexpected: dict[int, int] = field(default_factory=dict)
    seconds: float = 0.0


def load(port: int, scenario: Scenario, *, clients: int, total: int, think: float = 0.0) -> Result:
    """``total`` requests from ``clients`` threads, each sending its next request as soon as
    the previous one is answered, or after a pause of ``think`` seconds on average (between
    half and one and a half of it: people read a page before the next click); a warm-up round
    first (not counted)."""
    pauses = random.Random(2024)
    result = Result()
    lock = threading.Lock()
    counter = iter(range(total))

    def one(index: int, record: bool) -> None:
        method, path, body, headers = scenario.make(index)
        began = time.perf_counter()
        try:
            status, _data, _cookies = request(port, method, path, body=body, headers=headers)
        except OSError:
            status = 0
        elapsed = time.perf_counter() - began
        if record:
            with lock:
                result.latencies.append(elapsed)
                if status != scenario.expect:
                    result.unexpected[status] = result.unexpected.get(status, 0) + 1

    def worker() -> None:
        while True:
            with lock:
                index = next(counter, None)
            if index is None:
                return
            one(index, True)
            if think:
                with lock:
                    pause = think * (0.5 + pauses.random())
                time.sleep(pause)

    warm = [threading.Thread(target=one, args=(total + i, False)) for i in range(clients)]
    for thread in warm:
        thread.start()
    for thread in warm:
        thread.join()
    threads = [threading.Thread(target=worker) for _ in range(clients)]
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    result.seconds = time.perf_counter() - began
    return result


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def scenarios(port: int, setup: dict) -> list[Scenario]:
    found: list[Scenario] = []
    sessions = {name: login(port, o["username"]) for name, o in setup["officers"].items()}
    who = {
        "handler": "chuyên viên sở đông nhất / handler, busiest department",
        "intake": "một cửa huyện / district intake",
        "controller": "kiểm soát tỉnh / province controller",
    }

    def get(path: str, cookie: str = "") -> Request:
        return ("GET", path, None, {"Cookie": cookie} if cookie else {})

    for name, label in who.items():
        cookie = sessions[name]
        found.append(
            Scenario(
                f"Danh sách hồ sơ / work list — {label}",
                lambda i, c=cookie: get("/can-bo/ho-so/", c),
            )
        )
        found.append(
            Scenario(
                f"GET /api/dossiers/ — {label}",
                lambda i, c=cookie: get("/api/dossiers/", c),
            )
        )
        codes = setup["officers"][name]["codes"]
        if codes:
            found.append(
                Scenario(
                    f"Trang hồ sơ / dossier page — {label}",
                    lambda i, c=cookie, codes=codes: get(
                        f"/can-bo/ho-so/{codes[i % len(codes)]}/", c
                    ),
                )
            )
    lookups = setup["lookups"]
    cookie, token = csrf(port, "/tra-cuu/")

    def lookup_page(i: int) -> Request:
        code, secret = lookups[i % len(lookups)]
        body = urlencode({"code": code, "secret": secret, "csrfmiddlewaretoken": token})
        return (
            "POST",
            "/tra-cuu/",
            body.encode(),
            {
                "Content-Type": "application/x-www-form-urlencoded",
                "Cookie": f"csrftoken={cookie}",
            },
        )

    def lookup_api(i: int) -> Request:
        code, secret = lookups[i % len(lookups)]
        return (
            "POST",
            f"/api/public/dossiers/{code}/lookup/",
            json.dumps({"secret": secret}).encode(),
            {"Content-Type": "application/json"},
        )

    found.append(Scenario("Tra cứu hồ sơ (trang) / public lookup page", lookup_page, 302))
    found.append(Scenario("POST /api/public/dossiers/…/lookup/", lookup_api))
    words = setup["words"]
    found.append(
        Scenario(
            "Tìm thủ tục / catalog search",
            lambda i: get("/?" + urlencode({"q": words[i % len(words)]})),
        )
    )
    return found


# ---------------------------------------------------------------------------------------------
# The benchmark
# ---------------------------------------------------------------------------------------------


def database_for(url: str, count: int, keep: bool) -> tuple[Database, bool]:
    """The database to measure, and whether it was built now. A URL without a database name
    means ``motcua_lists_<count>`` on that server (reused when it holds dossiers)."""
    parts = urlsplit(url)
    if not parts.path.strip("/"):
        url = urlunsplit(parts._replace(path=f"/motcua_lists_{count}"))
    database = Database(url, keep)
    try:
        existing = database.count("dossiers_dossier")
    except Exception:  # noqa: BLE001 - no such database or table yet
        existing = 0
    if existing:
        print(f"Dùng lại / reusing {database.url}: {vn_number(existing)} hồ sơ / dossiers")
        run([str(MOTCUA), "migrate", "--verbosity", "0"], database.url, check=True)
        return database, False
    folder = package_for(count)
    database.create()
    imported = run([str(MOTCUA), "import", "--quiet", str(folder)], database.url, check=True)
    print(f"Nhập / imported in {vn_number(imported.seconds, 1)} s", flush=True)
    return database, True


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dossiers", type=int, default=2_200_000)
    parser.add_argument(
        "--database-url",
        default="postgres://postgres@127.0.0.1:5432/",
        help="PostgreSQL server (database motcua_lists_N on it) or a database to reuse",
    )
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--requests", type=int, default=480, help="requests per page")
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--only", default="", help="run only the pages whose label has this")
    parser.add_argument(
        "--think",
        type=float,
        default=0.0,
        help="seconds each user reads a page before the next request (average; 0: none)",
    )
    args = parser.parse_args()

    database, built = database_for(args.database_url, args.dossiers, args.keep)
    # A database the benchmark did not build is the caller's: never dropped.
    database.keep = database.keep or not built
    server = None
    try:
        prepared = run([sys.executable, "-c", SETUP, PASSWORD], database.url, check=True)
        setup = json.loads(prepared.stdout.strip().splitlines()[-1])
        print(f"{vn_number(setup['dossiers'])} hồ sơ / dossiers")
        for name, officer in setup["officers"].items():
            print(f"  {name}: {officer['agency']}")
        port = free_port()
        server = start_server(database.url, port, args.workers)
        load_average = os.getloadavg()[0]
        print(
            f"\n{args.clients} người dùng cùng lúc, {vn_number(args.requests)} yêu cầu mỗi trang"
            f" / {args.clients} concurrent users, {args.requests} requests per page, "
            f"think time {vn_number(args.think, 1)} s; "
            f"mục tiêu / goal p50 < {GOAL_P50_MS} ms, p95 < {GOAL_P95_MS} ms; "
            f"tải máy trước khi chạy / load average before: {vn_number(load_average, 2)}\n"
        )
        for scenario in scenarios(port, setup):
            if args.only and args.only not in scenario.label:
                continue
            result = load(
                port, scenario, clients=args.clients, total=args.requests, think=args.think
            )
            p50 = statistics.median(result.latencies) * 1000
            p95 = percentile(result.latencies, 0.95) * 1000
            rate = len(result.latencies) / result.seconds
            verdict = "đạt / met" if p50 < GOAL_P50_MS and p95 < GOAL_P95_MS else "CHƯA / NOT met"
            wrong = ", ".join(f"HTTP {s}: {n}" for s, n in sorted(result.unexpected.items())) or "0"
            print(
                f"{scenario.label}\n    p50 {vn_number(p50, 1)} ms (< {GOAL_P50_MS}), "
                f"p95 {vn_number(p95, 1)} ms (< {GOAL_P95_MS}), {vn_number(rate, 1)} yêu cầu/s"
                f" / req/s — {verdict}; sai trạng thái / unexpected status: {wrong}",
                flush=True,
            )
        print(f"\nTải máy sau / load average after: {vn_number(os.getloadavg()[0], 2)}")
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
        database.drop()


if __name__ == "__main__":
    main()
