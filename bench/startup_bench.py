"""Start-up of ``motcua report``: the wall time of a whole command, process start to exit.

    python bench/startup_bench.py [--repeat 15] [--database-url URL]

Runs ``motcua report form06 --year 2024 --format json`` ``--repeat`` times on the database of
``--database-url`` (default: a fresh, migrated SQLite file, so that the time is the command's own
and not the statistics'), after compiling the package's bytecode as an installed package has it
(``compileall``; this machine's environment sets PYTHONDONTWRITEBYTECODE, which would otherwise
make every run compile the sources again). Prints the best, the median and the worst wall time
and the CPU time of the median run next to the goal (under 0,5 s), and, for scale, a bare
``python -c 'import django'``.
"""

from __future__ import annotations

import argparse
import compileall
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from motcua.utils.formatting import vn_number

ROOT = Path(__file__).resolve().parent.parent
MOTCUA = Path(sys.executable).with_name("motcua")
GOAL = 0.5
COMMAND = [str(MOTCUA), "report", "form06", "--year", "2024", "--format", "json"]


def timed(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU seconds (user + system) of one run of ``command``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    began = time.perf_counter()
    subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - began
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def seconds(value: float) -> str:
    return f"{vn_number(value, 2)} s"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--database-url", default="")
    args = parser.parse_args()

    compileall.compile_dir(ROOT / "src" / "motcua", quiet=1)
    with tempfile.TemporaryDirectory(prefix="motcua-startup-") as data:
        env = {**os.environ, "MOTCUA_DATA_DIR": data}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        if args.database_url:
            env["DATABASE_URL"] = args.database_url
        else:
            env.pop("DATABASE_URL", None)
            subprocess.run([str(MOTCUA), "migrate", "-v", "0"], env=env, check=True)
        timed(COMMAND, env)  # the first run fills the operating system's file cache
        runs = sorted(timed(COMMAND, env) for _ in range(args.repeat))
        bare = min(timed([sys.executable, "-c", "import django"], env) for _ in range(5))

    walls = [wall for wall, _cpu in runs]
    median_wall, median_cpu = runs[len(runs) // 2]
    print(f"motcua report form06 --year 2024 --format json, {args.repeat} lần / runs")
    print(f"  nhanh nhất / best     {seconds(walls[0])}")
    median = seconds(statistics.median(walls))
    print(f"  trung vị / median     {median}  (CPU {seconds(median_cpu)})")
    print(f"  chậm nhất / worst     {seconds(walls[-1])}")
    verdict = "đạt / met" if median_wall < GOAL else "chưa đạt / not met"
    print(f"  mục tiêu / goal       < {seconds(GOAL)}: {verdict}")
    print(f"python -c 'import django': {seconds(bare[0])}")


if __name__ == "__main__":
    main()
