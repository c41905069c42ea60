"""Officer pages at province scale: how long each takes to render on PostgreSQL.

    python bench/pages_bench.py [--scale 1.0] [--seed 2024] [--repeat 3] [--keep]
                                [--database-url postgres://postgres@127.0.0.1:5432/motcua_pages]

Generates (or reuses, from bench/out/) the demo province at the given scale (scale 1: about
750.000 dossiers), imports it into a fresh PostgreSQL database (or reuses the database named in
``--database-url`` when it already holds dossiers), then renders the reports pages through
Django's test client as the provincial controller and prints the best of ``--repeat`` renders of
each, with the number of SQL queries. The first render of each page is counted too (cold).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from import_bench import MOTCUA, Database, run  # noqa: E402
from report_bench import package  # noqa: E402

from motcua.utils.formatting import vn_number  # noqa: E402

# Rendered inside a Django process on the database of DATABASE_URL: prints JSON.
PAGE_TIMER = """
import json, os, sys, time
import django
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "motcua.settings")
django.setup()
from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from motcua.accounts.models import User
from motcua.accounts.roles import Role
from motcua.agencies.models import Agency
settings.ALLOWED_HOSTS = ["*"]
repeat, pages = int(sys.argv[1]), json.loads(sys.argv[2])
controller, _ = User.objects.get_or_create(
    username="bench-controller",
    defaults={"role": Role.CONTROLLER, "agency": Agency.objects.filter(parent=None).first(),
              "full_name": "Kiểm soát viên"},
)
client = Client()
client.force_login(controller)
out = {}
for label, url in pages.items():
    times, queries, status = [], 0, 0
    for _ in range(repeat + 1):
        with CaptureQueriesContext(connection) as captured:
            began = time.perf_counter()
            response = client.get(url)
            times.append(time.perf_counter() - began)
        status, queries = response.status_code, len(captured)
    out[label] = {"cold": times[0], "best": min(times[1:]), "queries": queries, "status": status}
print(json.dumps(out))
"""

PAGES = {
    "Bảng điều khiển, năm 2024 / dashboard, year": "/can-bo/bao-cao/?year=2024&period=year",
    "Bảng điều khiển, tháng 6/2024 / dashboard, month": "/can-bo/bao-cao/?year=2024&period=m6",
    "Chỉ số phục vụ, năm 2024 / service index, year": (
        "/can-bo/bao-cao/chi-so-phuc-vu/?year=2024&period=year"
    ),
    "Chỉ số phục vụ, tháng 6/2024 / service index, month": (
        "/can-bo/bao-cao/chi-so-phuc-vu/?year=2024&period=m6"
    ),
    "Danh sách hồ sơ / work list": "/can-bo/ho-so/",
    "Trễ hạn chưa xin lỗi / late without apology": "/can-bo/ho-so/tre-han-chua-xin-loi/",
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/")
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    args = parser.parse_args()

    database = Database(args.database_url, keep=args.keep)
    try:
        existing = database.count("dossiers_dossier")
    except Exception:  # noqa: BLE001 - no such database or table yet
        existing = 0
    if not existing:
        folder = package(args.scale, args.seed)
        database.create()
        imported = run([str(MOTCUA), "import", "--quiet", str(folder)], database.url, check=True)
        print(f"Nhập / imported in {vn_number(imported.seconds, 1)} s", flush=True)
    try:
        count = database.count("dossiers_dossier")
        print(f"{vn_number(count)} hồ sơ / dossiers")
        result = run(
            [sys.executable, "-c", PAGE_TIMER, str(args.repeat), json.dumps(PAGES)],
            database.url,
            check=True,
        )
        timings = json.loads(result.stdout.strip().splitlines()[-1])
        print(f"\nTrang, tốt nhất trong {args.repeat} lần / page, best of {args.repeat}:")
        for label, t in timings.items():
            print(
                f"  {label}: {vn_number(t['best'] * 1000)} ms (lần đầu / cold "
                f"{vn_number(t['cold'] * 1000)} ms), {t['queries']} truy vấn / queries, "
                f"HTTP {t['status']}"
            )
    finally:
        database.drop()


if __name__ == "__main__":
    main()
