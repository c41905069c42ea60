"""Merged-province import benchmark: three provinces' packages into one instance.

    python bench/merge_bench.py [--scale 1.0] [--database-url URL] [--keep]

Since 1 July 2025 Lâm Đồng runs the work of Bình Thuận and Đắk Nông (docs/merged-province.md).
Generates (or reuses, from bench/out/merge-SCALE/) the three packages with ``motcua generate``
(Lâm Đồng H36 seed 2, Bình Thuận H12 seed 1, Đắk Nông H17 seed 3; about 753.000 dossiers each
at scale 1, so 2,26 million in all by default), creates a fresh database (as
bench/import_bench.py: a temporary PostgreSQL database, or a new SQLite file), imports the
packages one after the other with ``motcua import`` in a subprocess and prints, per package,
its rows (every data row of every file), wall time, rows/s and the import process's peak RSS
(``os.wait4``); then runs ``motcua province merge`` and prints Form 06 of 2024 for the whole
instance and for each former province. The codes H36 and H17 are plausible, not checked
against the national list.
"""

import argparse
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from import_bench import MOTCUA, OUT, Database, run  # noqa: E402

from motcua.utils.formatting import vn_number  # noqa: E402

# (code, name, seed), in import order: the first names the instance's province.
PROVINCES = (("H36", "Lâm Đồng", 2), ("H12", "Bình Thuận", 1), ("H17", "Đắk Nông", 3))
MERGED_ON = "2025-07-01"


def _rows(folder: Path) -> int:
    """Data rows of every file of the package (header excluded; a quoted cell with line
    breaks counts as one row, as the importer counts it)."""
    import csv

    total = 0
    for path in sorted(folder.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            total += sum(1 for _row in csv.reader(handle)) - 1
    return total


def packages(scale: float) -> list[tuple[str, str, Path]]:
    root = OUT / f"merge-{scale:g}"
    result = []
    for code, name, seed in PROVINCES:
        folder = root / code
        if not (folder / "inspections.csv").exists():
            command = [str(MOTCUA), "generate", str(folder), "--force", "--seed", str(seed)]
            command += ["--scale", str(scale), "--province-name", name, "--province-code", code]
            done = run(command, "", check=True)
            print(f"Tạo gói / generated {code} {name}: {vn_number(done.seconds, 1)} s")
        result.append((code, name, folder))
    return result


def statistics(database_url: str) -> None:
    """Form 06 of 2024 for the instance and each former province, in this process."""
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "motcua.settings")
    import django
    from django.db import connections

    django.setup()
    from motcua.agencies.models import ProvinceUnit
    from motcua.agencies.selectors import province_unit_root
    from motcua.reports.selectors.dossiers import form06, form06_rates
    from motcua.utils.periods import Period

    period = Period.for_year(2024)
    scopes = [("Toàn tỉnh / whole instance", None)]
    scopes += [
        (f"{unit.code} {unit.name}", province_unit_root(unit))
        for unit in ProvinceUnit.objects.order_by("code")
    ]
    print("Biểu 06 năm 2024 / Form 06, 2024 (15/12/2023–14/12/2024):")
    print(
        f"  {'':<28}{'tiếp nhận':>12}{'mới':>12}{'đã giải quyết':>15}{'đúng hạn %':>12}"
        f"{'đang giải quyết':>17}"
    )
    for label, root in scopes:
        figures = form06(period, agency=root)
        rates = form06_rates(figures)
        print(
            f"  {label:<28}{vn_number(figures['received']['total']):>12}"
            f"{vn_number(figures['received']['new']):>12}"
            f"{vn_number(figures['resolved']['total']):>15}"
            f"{vn_number(rates['on_time_rate'], 2):>12}"
            f"{vn_number(figures['in_process']['total']):>17}"
        )
    # The database is dropped next, unless kept: no session of this process may hold it.
    connections.close_all()


def bench(scale: float, database_url: str, *, keep: bool) -> None:
    folders = packages(scale)
    database = Database(database_url, keep)
    print(f"Cơ sở dữ liệu / database: {database.url}")
    database.create()
    try:
        total_rows = total_seconds = 0.0
        before = 0
        for code, name, folder in folders:
            rows = _rows(folder)
            done = run([str(MOTCUA), "import", "--quiet", str(folder)], database.url)
            if done.returncode != 0:
                sys.exit(f"import of {code} failed:\n{done.stderr[-5000:]}")
            dossiers = database.count("dossiers_dossier")
            total_rows += rows
            total_seconds += done.seconds
            print(
                f"Nhập / import {code} {name}: {vn_number(rows)} dòng / rows "
                f"({vn_number(dossiers - before)} hồ sơ / dossiers), "
                f"{vn_number(done.seconds, 1)} s, {vn_number(rows / done.seconds)} dòng/s / "
                f"rows/s, RSS tối đa / peak RSS {vn_number(done.peak_rss_mb)} MB, "
                f"CPU {vn_number(done.cpu_seconds, 1)} s"
            )
            before = dossiers
        print(
            f"Cả ba gói / all three: {vn_number(total_rows)} dòng / rows, {vn_number(before)} "
            f"hồ sơ / dossiers, {vn_number(total_seconds, 1)} s, "
            f"{vn_number(total_rows / total_seconds)} dòng/s / rows/s"
        )
        merge = [str(MOTCUA), "province", "merge", "--into", PROVINCES[0][0]]
        for code, _name, _seed in PROVINCES[1:]:
            merge += ["--from", code]
        done = run([*merge, "--on", MERGED_ON], database.url, check=True)
        print(done.stdout.strip())
        print(f"Sáp nhập / merge: {vn_number(done.seconds, 1)} s")
        statistics(database.url)
    finally:
        database.drop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--scale",
        type=float,
        default=1.0,
        help="dossier volume of each package (1.0: about 753.000 each, 2,26 million in all)",
    )
    parser.add_argument(
        "--database-url",
        default="postgres://postgres@127.0.0.1:5432/",
        help="PostgreSQL server (a temporary database is created on it) or sqlite:///FILE",
    )
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    options = parser.parse_args()
    bench(options.scale, options.database_url, keep=options.keep)


if __name__ == "__main__":
    main()
