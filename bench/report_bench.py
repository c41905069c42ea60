"""Province-scale statistics benchmark: the annual and a monthly Form 06 (statistics.md §2).

    python bench/report_bench.py [--scale 1.0] [--seed 2024] [--repeat 5] [--skip-sqlite]

Generates (or reuses, from bench/out/) the demo province at the given scale (scale 1 is a
province-year of about 750.000 dossiers whose 2024 figures are those of the seed report), imports
it into a fresh PostgreSQL database and a fresh SQLite file with ``motcua import``, then times
``form06`` (from the rollup) and ``form06_direct`` (counted from the dossiers) for the year 2024
and for month 6 of 2024 on each, next to the same aggregation run by DuckDB over the package's
CSV held in memory (the reference point), then the parts of the province's dashboard. Prints the
best of ``--repeat`` runs of each, the ratio to DuckDB, and checks that all agree figure by
figure.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

import duckdb

sys.path.insert(0, str(Path(__file__).resolve().parent))
from import_bench import MOTCUA, OUT, Database, run  # noqa: E402

from motcua.utils.formatting import vn_number  # noqa: E402

PERIODS = {
    "năm 2024 / year": ("2023-12-15", "2024-12-14"),
    "tháng 6/2024 / month": ("2024-05-15", "2024-06-14"),
}

# Timed inside a Django process on the database of DATABASE_URL: prints JSON.
DJANGO_TIMER = """
import json, os, sys, time, datetime as dt
import django
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "motcua.settings")
django.setup()
from motcua.utils.periods import Period
from motcua.reports.selectors.dossiers import form06, form06_direct
from motcua.reports import dashboard as board
repeat, periods = int(sys.argv[1]), json.loads(sys.argv[2])

def best(call):
    times = []
    for _ in range(repeat):
        began = time.perf_counter()
        result = call()
        times.append(time.perf_counter() - began)
    return min(times), result

out = {}
for label, (start, end) in periods.items():
    period = Period(dt.date.fromisoformat(start), dt.date.fromisoformat(end))
    seconds, figures = best(lambda: form06(period))
    direct_seconds, direct = best(lambda: form06_direct(period))
    out[label] = {"seconds": seconds, "figures": figures, "direct_seconds": direct_seconds,
                  "direct_figures": direct}
year = Period.for_year(2024)
today = dt.date(2025, 1, 10)
out["dashboard"] = {
    name: best(call)[0]
    for name, call in {
        "dashboard()": lambda: board.dashboard(year, agency=None),
        "monthly_trend()": lambda: board.monthly_trend(2024, agency=None, today=today),
        "breakdown(agency)": lambda: board.breakdown(year, "agency", agency=None),
        "public_statistics()": lambda: board.public_statistics(year, min_resolved=10),
    }.items()
}
print(json.dumps(out))
"""

# Local dates (statistics compare local dates): Vietnam is UTC+7 all year, without DST.
DUCKDB_LOAD = """
CREATE MACRO local_day(instant) AS
    CAST(CAST(instant AS TIMESTAMPTZ) AT TIME ZONE 'UTC' + INTERVAL 7 HOUR AS DATE);
CREATE TABLE d AS
SELECT code, channel, local_day(received_at) AS received_on, local_day(due_at) AS due_on,
       local_day(ended_at) AS ended_on
FROM read_csv('{dossiers}', header = true, all_varchar = true);
CREATE TABLE s AS
SELECT dossier_code, local_day(requested_at) AS requested_on,
       local_day(received_at) AS supplied_on
FROM read_csv('{supplements}', header = true, all_varchar = true);
"""

# statistics.md §2, the same definitions as reports/selectors/dossiers.py, written for DuckDB.
DUCKDB_FORM06 = """
WITH counted AS (
  SELECT d.*, d.code IN (SELECT dossier_code FROM s WHERE requested_on <= $T
                         AND (supplied_on IS NULL OR supplied_on > $T)) AS paused
  FROM d WHERE received_on <= $T AND (ended_on IS NULL OR ended_on >= $F)
)
SELECT count(*),
  count(*) FILTER (WHERE received_on < $F),
  count(*) FILTER (WHERE received_on >= $F),
  count(*) FILTER (WHERE received_on >= $F AND channel = 'online'),
  count(*) FILTER (WHERE received_on >= $F AND channel = 'direct'),
  count(*) FILTER (WHERE received_on >= $F AND channel = 'postal'),
  count(*) FILTER (WHERE ended_on <= $T),
  count(*) FILTER (WHERE ended_on <= $T AND ended_on < due_on),
  count(*) FILTER (WHERE ended_on <= $T AND (ended_on = due_on OR due_on IS NULL)),
  count(*) FILTER (WHERE ended_on <= $T AND ended_on > due_on),
  count(*) FILTER (WHERE ended_on IS NULL OR ended_on > $T),
  count(*) FILTER (WHERE (ended_on IS NULL OR ended_on > $T)
                   AND (due_on >= $T OR due_on IS NULL OR paused)),
  count(*) FILTER (WHERE (ended_on IS NULL OR ended_on > $T)
                   AND due_on < $T AND NOT paused)
FROM counted
"""
KEYS = [
    ("received", "total"),
    ("received", "carried_over"),
    ("received", "new"),
    ("received", "new_online"),
    ("received", "new_direct"),
    ("received", "new_postal"),
    ("resolved", "total"),
    ("resolved", "early"),
    ("resolved", "on_time"),
    ("resolved", "late"),
    ("in_process", "total"),
    ("in_process", "within_deadline"),
    ("in_process", "overdue"),
]


def package(scale: float, seed: int) -> Path:
    folder = OUT / f"province-{seed}-{scale}"
    if not (folder / "dossiers.csv").exists():
        print(f"Tạo dữ liệu / generating {folder} …", flush=True)
        began = time.monotonic()
        subprocess.run(
            [
                str(MOTCUA),
                "generate",
                str(folder),
                "--seed",
                str(seed),
                "--scale",
                str(scale),
                "--force",
            ],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        print(f"  {vn_number(time.monotonic() - began, 1)} s")
    return folder


def in_django(database: Database, repeat: int) -> dict:
    result = run(
        [sys.executable, "-c", DJANGO_TIMER, str(repeat), json.dumps(PERIODS)],
        database.url,
        check=True,
    )
    return json.loads(result.stdout)


def in_duckdb(folder: Path, repeat: int) -> dict:
    connection = duckdb.connect()
    began = time.perf_counter()
    connection.execute(
        DUCKDB_LOAD.format(dossiers=folder / "dossiers.csv", supplements=folder / "supplements.csv")
    )
    print(
        f"DuckDB: đọc CSV vào bộ nhớ / CSV loaded in memory in "
        f"{vn_number(time.perf_counter() - began, 1)} s"
    )
    out = {}
    for label, (start, end) in PERIODS.items():
        query = DUCKDB_FORM06.replace("$F", f"DATE '{start}'").replace("$T", f"DATE '{end}'")
        times, row = [], None
        for _ in range(repeat):
            began = time.perf_counter()
            row = connection.execute(query).fetchone()
            times.append(time.perf_counter() - began)
        figures: dict = {}
        for (group, key), value in zip(KEYS, row, strict=True):
            figures.setdefault(group, {})[key] = value
        out[label] = {"seconds": min(times), "figures": figures}
    return out


def ms(seconds: float) -> str:
    return f"{vn_number(seconds * 1000)} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/")
    parser.add_argument("--skip-sqlite", action="store_true")
    args = parser.parse_args()

    folder = package(args.scale, args.seed)
    reference = in_duckdb(folder, args.repeat)
    targets = [("PostgreSQL", Database(args.database_url, keep=False))]
    if not args.skip_sqlite:
        sqlite = OUT / f"report-bench-{args.seed}-{args.scale}.sqlite3"
        targets.append(("SQLite", Database(f"sqlite:///{sqlite}", keep=False)))
    results = {}
    for name, database in targets:
        database.create()
        try:
            imported = run(
                [str(MOTCUA), "import", "--quiet", str(folder)], database.url, check=True
            )
            count = database.count("dossiers_dossier")
            print(
                f"{name}: nhập / imported {vn_number(count)} hồ sơ / dossiers in "
                f"{vn_number(imported.seconds, 1)} s",
                flush=True,
            )
            results[name] = in_django(database, args.repeat)
        finally:
            database.drop()

    print()
    print(f"Form 06, tốt nhất trong {args.repeat} lần / best of {args.repeat} runs:")
    for label in PERIODS:
        duck = reference[label]["seconds"]
        print(f"  {label}: DuckDB {ms(duck)}")
        for name, result in results.items():
            seconds = result[label]["seconds"]
            same = result[label]["figures"] == reference[label]["figures"]
            print(
                f"    {name}: {ms(seconds)} (gấp / ratio {vn_number(seconds / duck, 1)} lần "
                f"DuckDB) — số liệu {'khớp' if same else 'KHÔNG KHỚP'} / figures "
                f"{'match' if same else 'DIFFER'}"
            )
            direct = result[label]["direct_seconds"]
            same = result[label]["direct_figures"] == reference[label]["figures"]
            print(
                f"      {name}, đếm thẳng từ hồ sơ / counted from the dossiers: {ms(direct)} — "
                f"số liệu {'khớp' if same else 'KHÔNG KHỚP'} / figures "
                f"{'match' if same else 'DIFFER'}"
            )
    print(
        f"  Mục tiêu / goal: Form 06 năm / annual ≤ DuckDB "
        f"({ms(reference[next(iter(PERIODS))]['seconds'])})"
    )
    print(
        "\nBảng điều khiển năm 2024 toàn tỉnh / province dashboard, year 2024 (mục tiêu / goal "
        "trang / page < 300 ms):"
    )
    for name, result in results.items():
        for part, seconds in result["dashboard"].items():
            print(f"  {name}: {part} {ms(seconds)}")
    year = next(iter(PERIODS))
    print(f"\nSố liệu năm / year figures: {json.dumps(reference[year]['figures'])}")


if __name__ == "__main__":
    main()
