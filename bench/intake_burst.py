"""Intake burst: online submissions through the public API at a fixed rate under `motcua serve`.

    python bench/intake_burst.py [--rate 200] [--seconds 60] [--database-url URL] [--keep]

Creates a PostgreSQL database (on the server of --database-url), migrates it and imports a
small province package of bench/import_bench.py (agencies, 40 procedures, --history dossiers),
starts `motcua serve` on a free port, then sends `--rate` submissions a second for `--seconds`
seconds (an open loop: each request leaves at its scheduled time, whatever the answers before
it; 64 client threads with keep-alive connections), each with its own applicant and
Idempotency-Key. Afterwards it checks against the database that every submission answered 201
is there, that no dossier code repeats, and counts what was stored without an answer (a
request cut off by the client's timeout). Prints the rate reached, latency p50/p95/p99/max
next to the goal (200 a second for a minute: none lost, no duplicate codes, p95 reported).
"""

from __future__ import annotations

import argparse
import csv
import http.client
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import import_bench  # noqa: E402  (bench/ is not a package)

from motcua.utils.formatting import vn_number  # noqa: E402

GOAL_RATE = 200
CLIENTS = 64
TIMEOUT = 30.0


def percentile(values: list[float], share: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def ms(value: float) -> str:
    return f"{vn_number(value * 1000, 1)} ms"


class Burst:
    def __init__(self, port: int, procedures: list[str], rate: float, seconds: float):
        self.port = port
        self.procedures = procedures
        self.total = int(rate * seconds)
        self.interval = 1 / rate
        self.next = 0
        self.lock = threading.Lock()
        self.results: list[tuple[int, float, float, str]] = []  # status, sent, latency, code

    def _take(self) -> int | None:
        with self.lock:
            if self.next >= self.total:
                return None
            self.next += 1
            return self.next - 1

    def _body(self, i: int) -> bytes:
        return json.dumps(
            {
                "procedure_code": self.procedures[i % len(self.procedures)],
                "applicant_name": f"Burst Nguyễn Văn {i}",
                "applicant_phone": f"09{i:08d}",
            }
        ).encode()

    def client(self, start: float) -> None:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=TIMEOUT)
        while (i := self._take()) is not None:
            scheduled = start + i * self.interval
            if (wait := scheduled - time.monotonic()) > 0:
                time.sleep(wait)
            sent = time.monotonic()
            try:
                connection.request(
                    "POST",
                    "/api/public/dossiers/",
                    body=self._body(i),
                    headers={"Content-Type": "application/json", "Idempotency-Key": f"b{i}"},
                )
                response = connection.getresponse()
                payload = response.read()
                status = response.status
                code = json.loads(payload)["code"] if status == 201 else payload[:200].decode()
            except (OSError, http.client.HTTPException) as error:
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=TIMEOUT)
                status, code = 0, type(error).__name__
            with self.lock:
                self.results.append((status, sent - start, time.monotonic() - sent, code))
        connection.close()

    def run(self) -> float:
        start = time.monotonic() + 0.5
        threads = [threading.Thread(target=self.client, args=(start,)) for _ in range(CLIENTS)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        return time.monotonic() - start


def wait_ready(port: int, server: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit(f"motcua serve exited:\n{log.read_text()[-3000:]}")
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            connection.request("GET", "/readyz")
            if connection.getresponse().status == 200:
                return
        except OSError:
            pass
        time.sleep(0.5)
    sys.exit("motcua serve was not ready in 120 s")


def stored(database: import_bench.Database, codes: list[str]) -> tuple[set[str], int, int]:
    """(answered codes found, burst dossiers in the database, codes that repeat)."""
    import psycopg

    with psycopg.connect(database.url) as connection:
        found = {
            row[0]
            for row in connection.execute(
                "SELECT code FROM dossiers_dossier WHERE code = ANY(%s)", [codes]
            )
        }
        burst = connection.execute(
            "SELECT count(*) FROM dossiers_dossier WHERE applicant_name LIKE 'Burst %%'"
        ).fetchone()[0]
        repeated = connection.execute(
            "SELECT count(*) FROM (SELECT code FROM dossiers_dossier GROUP BY code "
            "HAVING count(*) > 1) AS r"
        ).fetchone()[0]
    return found, burst, repeated


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rate", type=float, default=GOAL_RATE, help="submissions a second")
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--history", type=int, default=10_000, help="dossiers imported first")
    parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/")
    parser.add_argument(
        "--workers", type=int, default=0, help="gunicorn processes (default: serve's)"
    )
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    options = parser.parse_args()

    package = import_bench.package_for(options.history)
    database = import_bench.Database(options.database_url, options.keep)
    print(f"Cơ sở dữ liệu / database: {database.url}")
    database.create()
    data = Path(tempfile.mkdtemp(prefix="motcua-burst-"))
    server = None
    try:
        imported = import_bench.run(
            [str(import_bench.MOTCUA), "import", "--quiet", str(package)], database.url
        )
        if imported.returncode:
            sys.exit(imported.stderr[-3000:])
        with (package / "procedures.csv").open(encoding="utf-8", newline="") as handle:
            # Province-level procedures: each has its agency, the submission names none.
            procedures = [
                row["code"] for row in csv.DictReader(handle) if row["level"] == "province"
            ]
        port = import_bench_free_port()
        env = {
            **os.environ,
            "DATABASE_URL": database.url,
            "MOTCUA_DATA_DIR": str(data),
            "MOTCUA_SUBMIT_LIMIT_PER_ADDRESS": "10000000/3600",
            "MOTCUA_UNVERIFIED_CONTACT_LIMIT": "10000000/86400",
            "LOG_LEVEL": "WARNING",
        }
        if options.workers:
            env["MOTCUA_WEB_WORKERS"] = str(options.workers)
        log = data / "serve.log"
        server = subprocess.Popen(
            [str(import_bench.MOTCUA), "serve", "--bind", f"127.0.0.1:{port}", "--no-migrate"],
            env=env,
            stdout=log.open("w"),
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        wait_ready(port, server, log)
        burst = Burst(port, procedures, options.rate, options.seconds)
        print(
            f"Gửi / sending {vn_number(burst.total)} hồ sơ trực tuyến / online submissions, "
            f"{vn_number(options.rate)}/s trong / for {vn_number(options.seconds)} s …"
        )
        elapsed = burst.run()
        report(burst, elapsed, database)
    finally:
        if server is not None:
            os.killpg(server.pid, 15)
            server.wait(timeout=60)
        database.drop()


def import_bench_free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def report(burst: Burst, elapsed: float, database: import_bench.Database) -> None:
    statuses = Counter(status for status, *_ in burst.results)
    answered = [code for status, _, _, code in burst.results if status == 201]
    latencies = [latency for status, _, latency, _ in burst.results if status == 201]
    lag = max(
        (
            sent - i * burst.interval
            for i, (_, sent, _, _) in enumerate(sorted(burst.results, key=lambda r: r[1]))
        ),
        default=0.0,
    )
    found, in_database, repeated = stored(database, answered)
    lost = len(set(answered) - found)
    print(f"Thời gian / elapsed: {vn_number(elapsed, 1)} s")
    print(
        f"Tốc độ đạt / rate reached: {vn_number(len(answered) / elapsed, 1)}/s "
        f"(mục tiêu / goal {vn_number(GOAL_RATE)}/s)"
    )
    print(
        f"Trả lời / answers: {dict(sorted(statuses.items()))} (0 = lỗi kết nối / connection error)"
    )
    errors = Counter(code for status, _, _, code in burst.results if status != 201)
    for text, times in errors.most_common(3):
        print(f"  {vn_number(times)} × {text[:300]}")
    print(
        f"Độ trễ / latency (201): p50 {ms(percentile(latencies, 0.5))}, "
        f"p95 {ms(percentile(latencies, 0.95))}, p99 {ms(percentile(latencies, 0.99))}, "
        f"max {ms(max(latencies, default=0))}, "
        f"mean {ms(statistics.fmean(latencies) if latencies else 0)}"
    )
    print(f"Trễ lịch gửi tối đa / worst send lag behind schedule: {ms(max(lag, 0.0))}")
    print(
        f"Mất / lost (201 not in the database): {vn_number(lost)} (mục tiêu / goal 0); "
        f"mã trùng / repeated codes: {vn_number(repeated)} (mục tiêu / goal 0); "
        "mã trả lời trùng / repeated answered codes: "
        f"{vn_number(len(answered) - len(set(answered)))}"
    )
    print(
        f"Trong CSDL / in the database: {vn_number(in_database)} "
        f"(= 201: {vn_number(len(answered))}; thêm / extra, cut off by the client: "
        f"{vn_number(in_database - len(found))})"
    )


if __name__ == "__main__":
    main()
