"""Province-scale import benchmark: ``motcua import`` of N generated dossiers.

    python bench/import_bench.py --dossiers 700000 [--database-url URL] [--keep]

Generates (or reuses, from bench/out/) a valid package of N dossiers with their agencies,
procedures and supplements; creates a fresh database (PostgreSQL: a temporary database on the
server of the URL; SQLite: a new file), migrates it with ``motcua migrate``, then times
``motcua import`` in a subprocess and prints rows, wall time, rows/s and the import process's
peak RSS; imports the same package again (idempotent: nothing changes) and times that; finally
imports a copy with one bad row and shows that it is refused, named, and that nothing changed.

Numbers are printed the Vietnamese way (700.000; 12,5 s). The generator is self-contained (it
does not use the demo generator) and deterministic: the same N and seed give the same files.
"""

import argparse
import csv
import datetime as dt
import math
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit
from zoneinfo import ZoneInfo

from motcua.utils.formatting import vn_number

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
MOTCUA = Path(sys.executable).with_name("motcua")
LOCAL = ZoneInfo("Asia/Ho_Chi_Minh")
PROVINCE = "H99"
YEAR = 2024
# The day the old system's history was taken: dossiers whose end falls later are still open.
SNAPSHOT = dt.datetime(YEAR + 1, 1, 10, 17, 0, tzinfo=LOCAL)
DOSSIER_COLUMNS = (
    "code",
    "procedure_code",
    "agency_code",
    "channel",
    "received_at",
    "due_at",
    "ended_at",
    "outcome",
    "returned_at",
    "components_digitized",
    "result_digitized",
    "reused_data",
    "paid_online",
)


@dataclass(frozen=True)
class BenchProcedure:
    code: str
    level: str
    agency_code: str
    processing_days: int | None
    fee_vnd: int
    weight: float


# ---------------------------------------------------------------------------------------------
# The package
# ---------------------------------------------------------------------------------------------


def _agencies() -> tuple[list[tuple[str, str, str, str]], list[str], list[str], list[str]]:
    province = f"000.00.00.{PROVINCE}"
    rows = [(province, "UBND tỉnh Thử nghiệm", "province", "")]
    departments = [f"000.00.{n:02}.{PROVINCE}" for n in range(10, 30)]
    rows += [(c, f"Sở số {i + 1}", "department", province) for i, c in enumerate(departments)]
    districts = [f"000.{n:02}.00.{PROVINCE}" for n in range(1, 11)]
    rows += [
        (code, f"UBND huyện số {i + 1}", "district", province) for i, code in enumerate(districts)
    ]
    communes = []
    for d, district in enumerate(districts, start=1):
        for c in range(31, 35):
            code = f"000.{d:02}.{c:02}.{PROVINCE}"
            communes.append(code)
            rows.append((code, f"UBND xã {c - 30} huyện {d}", "commune", district))
    return rows, departments, districts, communes


def _procedures(rng: random.Random, departments: list[str]) -> list[BenchProcedure]:
    procedures = []
    days_choices = [1, 3, 5, 7, 10, 15, 20, 30, None]
    for i in range(40):
        level = "province" if i < 24 else ("district" if i < 32 else "commune")
        procedures.append(
            BenchProcedure(
                code=f"1.{i + 1:06}.000.00.00.{PROVINCE}",
                level=level,
                agency_code=departments[i % len(departments)] if level == "province" else "",
                processing_days=days_choices[i % len(days_choices)],
                fee_vnd=rng.choice([0, 0, 20_000, 50_000, 100_000, 200_000]),
                # A few procedures carry most of the volume, as in every province.
                weight=1 / (i + 1) ** 0.8,
            )
        )
    return procedures


def _working_days() -> list[dt.date]:
    day, end, days = dt.date(YEAR, 1, 2), dt.date(YEAR, 12, 31), []
    while day <= end:
        if day.weekday() < 5:
            days.append(day)
        day += dt.timedelta(days=1)
    return days


def _instant(value: dt.datetime) -> str:
    return value.isoformat(timespec="seconds")


def _office(value: dt.datetime, rng: random.Random, *, after: dt.datetime) -> dt.datetime:
    """``value`` moved into office hours of its day (Monday when it falls on a weekend), unless
    that would put it before ``after``."""
    day = value.date() + dt.timedelta(days=7 - value.weekday() if value.weekday() > 4 else 0)
    minute = rng.randrange(7 * 60 + 30, 16 * 60 + 50)
    moved = dt.datetime(day.year, day.month, day.day, minute // 60, minute % 60, tzinfo=LOCAL)
    return moved if moved >= after else value


def _write_dossiers(folder: Path, count: int, rng: random.Random, procedures, where) -> None:
    districts, communes = where
    days = _working_days()
    weights = [p.weight for p in procedures]
    per_day, extra = divmod(count, len(days))
    sequences: dict[tuple[str, dt.date], int] = {}
    with (
        (folder / "dossiers.csv").open("w", newline="", encoding="utf-8") as dossiers_file,
        (folder / "supplements.csv").open("w", newline="", encoding="utf-8") as supplements_file,
    ):
        dossiers = csv.writer(dossiers_file, lineterminator="\n")
        supplements = csv.writer(supplements_file, lineterminator="\n")
        dossiers.writerow(DOSSIER_COLUMNS)
        supplements.writerow(("dossier_code", "requested_at", "received_at"))
        for index, day in enumerate(days):
            sequences.clear()
            picks = rng.choices(procedures, weights, k=per_day + (1 if index < extra else 0))
            for procedure in picks:
                if procedure.level == "province":
                    agency = procedure.agency_code
                elif procedure.level == "district":
                    agency = rng.choice(districts)
                else:
                    agency = rng.choice(communes)
                sequence = sequences[agency, day] = sequences.get((agency, day), 0) + 1
                code = f"{agency}-{day:%y%m%d}-{sequence:04}"
                minute = rng.randrange(7 * 60 + 30, 16 * 60 + 45)
                received = dt.datetime(
                    day.year,
                    day.month,
                    day.day,
                    minute // 60,
                    minute % 60,
                    rng.randrange(60),
                    tzinfo=LOCAL,
                )
                _dossier_row(dossiers, supplements, rng, code, procedure, agency, received)


def _dossier_row(dossiers, supplements, rng, code, procedure, agency, received) -> None:
    channel = rng.choices(("online", "direct", "postal"), (45, 50, 5))[0]
    allowed = dt.timedelta(days=math.ceil((procedure.processing_days or 10) * 7 / 5))
    due = received + allowed if procedure.processing_days else None
    timing = rng.random()
    if timing < 0.70:
        share = rng.uniform(0.15, 0.95)
    elif timing < 0.80:
        share = 1.0
    else:
        share = rng.uniform(1.02, 1.8)
    ended = _office(received + allowed * share, rng, after=received)
    if rng.random() < 0.01:
        ended = SNAPSHOT + dt.timedelta(days=1)  # long overdue, still open
    outcome = returned = None
    if ended <= SNAPSHOT:
        outcome = rng.choices(("approved", "refused", "stopped", "withdrawn"), (90, 4, 3, 3))[0]
        if outcome in ("approved", "refused") and rng.random() < 0.92:
            returned = _office(ended + dt.timedelta(hours=rng.uniform(0.5, 120)), rng, after=ended)
            returned = returned if returned <= SNAPSHOT else None
    else:
        ended = None
    dossiers.writerow(
        (
            code,
            procedure.code,
            agency,
            channel,
            _instant(received),
            _instant(due) if due else "",
            _instant(ended) if ended else "",
            outcome or "",
            _instant(returned) if returned else "",
            int(rng.random() < 0.7),
            int(outcome == "approved" and rng.random() < 0.6),
            int(rng.random() < 0.2),
            int(channel == "online" and procedure.fee_vnd > 0 and rng.random() < 0.5),
        )
    )
    end = ended or SNAPSHOT
    if rng.random() < (0.07 if ended else 0.2):
        requested = _office(
            received + (end - received) * rng.uniform(0.1, 0.4), rng, after=received
        )
        if requested + dt.timedelta(hours=2) > end:
            return
        if ended is None and rng.random() < 0.7:
            supplements.writerow((code, _instant(requested), ""))
            return
        supplied = requested + (end - requested) * rng.uniform(0.05, 0.5)
        supplements.writerow((code, _instant(requested), _instant(supplied)))
        if rng.random() < 0.15 and end - supplied > dt.timedelta(hours=2):
            again = supplied + (end - supplied) * rng.uniform(0.1, 0.5)
            supplements.writerow((code, _instant(again), _instant(again + (end - again) / 2)))


def generate(folder: Path, count: int, *, seed: int = YEAR) -> None:
    rng = random.Random(seed)
    partial = folder.with_name(folder.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    agencies, departments, districts, communes = _agencies()
    procedures = _procedures(rng, departments)
    with (partial / "agencies.csv").open("w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file, lineterminator="\n")
        writer.writerow(("code", "name", "kind", "parent_code"))
        writer.writerows(agencies)
    with (partial / "decisions.csv").open("w", newline="", encoding="utf-8") as file:
        file.write("number,date,kind,title\n1/QĐ-UBND,2023-12-15,publication,Công bố TTHC\n")
    with (partial / "procedures.csv").open("w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file, lineterminator="\n")
        writer.writerow(
            (
                "code",
                "name",
                "level",
                "authority",
                "agency_code",
                "processing_days",
                "fee_vnd",
                "decision_number",
            )
        )
        for i, p in enumerate(procedures):
            writer.writerow(
                (
                    p.code,
                    f"Thủ tục số {i + 1}",
                    p.level,
                    "central",
                    p.agency_code,
                    p.processing_days or "",
                    p.fee_vnd,
                    "1/QĐ-UBND",
                )
            )
    _write_dossiers(partial, count, rng, procedures, (districts, communes))
    shutil.rmtree(folder, ignore_errors=True)
    partial.rename(folder)


def package_for(count: int) -> Path:
    folder = OUT / f"dossiers-{count}"
    if (folder / "dossiers.csv").exists():
        print(f"Dùng lại gói / reusing package {folder}")
    else:
        started = time.monotonic()
        generate(folder, count)
        print(f"Đã tạo gói / generated {folder}: {vn_number(time.monotonic() - started, 1)} s")
    return folder


def broken_copy(folder: Path, line: int) -> Path:
    """The package with the ``received_at`` of dossiers.csv line ``line`` made invalid."""
    target = folder.with_name(f"{folder.name}-bad-{line}")
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir()
    for path in folder.iterdir():
        if path.name != "dossiers.csv":
            (target / path.name).symlink_to(path)
    with (
        (folder / "dossiers.csv").open(encoding="utf-8", newline="") as source,
        (target / "dossiers.csv").open("w", encoding="utf-8", newline="") as copy,
    ):
        for number, text in enumerate(source, start=1):
            if number == line:
                cells = text.split(",")
                cells[4] = "2024-02-30T08:00:00+07:00"  # received_at: no such date
                text = ",".join(cells)
            copy.write(text)
    return target


# ---------------------------------------------------------------------------------------------
# The database
# ---------------------------------------------------------------------------------------------


class Database:
    def __init__(self, url: str, keep: bool):
        self.keep = keep
        parts = urlsplit(url)
        self.sqlite = parts.scheme == "sqlite"
        if self.sqlite:
            self.path = Path(parts.path[1:] if parts.path.startswith("//") else parts.path)
            self.url = url
        else:
            name = parts.path.strip("/") or f"motcua_bench_{os.getpid()}"
            self.name = name
            self.admin_url = urlunsplit(parts._replace(path="/postgres"))
            self.url = urlunsplit(parts._replace(path=f"/{name}"))

    def create(self) -> None:
        if self.sqlite:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{self.path}{suffix}").unlink(missing_ok=True)
            self.path.parent.mkdir(parents=True, exist_ok=True)
        else:
            self._admin(f'DROP DATABASE IF EXISTS "{self.name}"', f'CREATE DATABASE "{self.name}"')
        run([str(MOTCUA), "migrate", "--verbosity", "0"], self.url, check=True)

    def drop(self) -> None:
        if self.keep:
            print(f"Giữ cơ sở dữ liệu / kept database: {self.url}")
        elif self.sqlite:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{self.path}{suffix}").unlink(missing_ok=True)
        else:
            self._admin(f'DROP DATABASE IF EXISTS "{self.name}"')

    def _admin(self, *statements: str) -> None:
        import psycopg

        with psycopg.connect(self.admin_url, autocommit=True) as connection:
            for statement in statements:
                connection.execute(statement)

    def count(self, table: str) -> int:
        if self.sqlite:
            with sqlite3.connect(self.path) as connection:
                return connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        import psycopg

        with psycopg.connect(self.url) as connection:
            return connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


@dataclass
class Run:
    returncode: int
    seconds: float
    peak_rss_mb: float
    cpu_seconds: float  # user + system time of the process (the database server's not included)
    stdout: str
    stderr: str


def run(command: list[str], database_url: str, *, check: bool = False) -> Run:
    """Run ``command`` with DATABASE_URL set: wall time and that process's own peak RSS
    (``wait4`` gives the rusage of one child, unlike RUSAGE_CHILDREN's maximum over all)."""
    env = {**os.environ, "DATABASE_URL": database_url}
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        started = time.monotonic()
        process = subprocess.Popen(command, env=env, stdout=out, stderr=err, text=True)
        _pid, status, usage = os.wait4(process.pid, 0)
        seconds = time.monotonic() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        cpu = usage.ru_utime + usage.ru_stime
        result = Run(
            process.returncode, seconds, usage.ru_maxrss / 1024, cpu, out.read(), err.read()
        )
    if check and result.returncode != 0:
        sys.exit(f"{' '.join(command)} failed:\n{result.stderr}")
    return result


# ---------------------------------------------------------------------------------------------
# The benchmark
# ---------------------------------------------------------------------------------------------


def _report(label: str, rows: int, result: Run) -> None:
    rate = rows / result.seconds if result.seconds else 0
    print(
        f"{label}: {vn_number(rows)} hồ sơ / dossiers, {vn_number(result.seconds, 1)} s, "
        f"{vn_number(rate)} dòng/s / rows/s, RSS tối đa / peak RSS "
        f"{vn_number(result.peak_rss_mb)} MB, CPU {vn_number(result.cpu_seconds, 1)} s"
    )


def bench(count: int, database_url: str, *, keep: bool) -> None:
    package = package_for(count)
    database = Database(database_url, keep)
    print(f"Cơ sở dữ liệu / database: {database.url}")
    database.create()
    try:
        command = [str(MOTCUA), "import", "--quiet"]
        first = run([*command, str(package)], database.url)
        if first.returncode != 0:
            sys.exit(f"import failed:\n{first.stderr[-5000:]}")
        dossiers = database.count("dossiers_dossier")
        supplements = database.count("dossiers_supplementrequest")
        print(first.stdout.strip())
        _report("Lần nhập đầu / first import", dossiers, first)
        print(f"Yêu cầu bổ sung / supplements: {vn_number(supplements)}")

        second = run([*command, str(package)], database.url)
        print(second.stdout.strip())
        _report("Nhập lại (không đổi gì) / second import (idempotent)", dossiers, second)

        line = 500_001 if count > 500_000 else count // 2 + 1
        broken = broken_copy(package, line)
        third = run([*command, str(broken)], database.url)
        errors = [text for text in third.stderr.splitlines() if text.startswith("dossiers.csv:")]
        after = database.count("dossiers_dossier")
        print(
            f"Gói có một dòng lỗi (dòng {vn_number(line)}) / package with one bad row "
            f"(line {line}): "
            f"{'bị từ chối / refused' if third.returncode else 'ĐƯỢC NHẬP / IMPORTED'} "
            f"{vn_number(third.seconds, 1)} s, RSS {vn_number(third.peak_rss_mb)} MB"
        )
        for text in errors:
            print(f"  {text}")
        print(
            f"Số hồ sơ trước / sau / before / after: {vn_number(dossiers)} / {vn_number(after)} "
            f"({'không đổi / unchanged' if after == dossiers else 'ĐÃ ĐỔI / CHANGED'})"
        )
        shutil.rmtree(broken)
    finally:
        database.drop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dossiers", type=int, default=700_000)
    parser.add_argument(
        "--database-url",
        default="postgres://postgres@127.0.0.1:5432/",
        help="PostgreSQL server (a temporary database is created on it) or sqlite:///FILE",
    )
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    options = parser.parse_args()
    bench(options.dossiers, options.database_url, keep=options.keep)


if __name__ == "__main__":
    main()
