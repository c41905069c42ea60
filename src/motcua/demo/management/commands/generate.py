"""``motcua generate PATH [--seed N] [--scale S] [--settle-until DATE] [--province-name NAME
--province-code CODE] [--force]``: write a
synthetic province data package (interchange.md) whose catalog reproduces the seed report's
2024 figures, with a dossier history (dossiers.csv, supplements.csv) that reproduces its
dossier figures at scale 1 (every figure × S at another scale). ``--settle-until``: the desks
work through the history's open dossiers until that day (the demo passes today), leaving the
2024 figures as they are. ``--province-name``/``--province-code``: the same synthetic province
under another province's name and code (for a merged province, docs/merged-province.md)."""

import argparse
import datetime as dt
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from motcua.demo.generator import GeneratorError, generate_package
from motcua.demo.generator.data.places import PROVINCE_CODE, PROVINCE_NAME
from motcua.utils.formatting import vn_number


def _date(text: str) -> dt.date:
    for pattern in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise argparse.ArgumentTypeError(
        f"ngày không hợp lệ: {text!r} (dd/mm/yyyy) / invalid date: {text!r}"
    )


class Command(BaseCommand):
    help = (
        "Tạo gói dữ liệu tỉnh mẫu (CSV), mặc định cho tỉnh Bình Thuận / "
        "Generate a synthetic province data package (CSV files)"
    )
    # Writes files only: no database, nothing for the system checks to guard.
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="Thư mục đích / Target folder")
        parser.add_argument(
            "--seed",
            type=int,
            default=1,
            help="Hạt giống ngẫu nhiên; cùng hạt giống cho cùng tệp / Random seed (default 1)",
        )
        parser.add_argument(
            "--scale",
            type=float,
            default=1.0,
            help="Hệ số khối lượng hồ sơ / Dossier volume factor (default 1.0)",
        )
        parser.add_argument(
            "--settle-until",
            type=_date,
            default=None,
            help=(
                "Hồ sơ tồn đọng được giải quyết đến ngày này (dd/mm/yyyy) / "
                "Open dossiers of the history are settled until this date"
            ),
        )
        parser.add_argument(
            "--province-name",
            default=PROVINCE_NAME,
            help=f"Tên tỉnh (mặc định {PROVINCE_NAME}) / Province name",
        )
        parser.add_argument(
            "--province-code",
            default=PROVINCE_CODE,
            help=f"Mã tỉnh trong mã định danh (mặc định {PROVINCE_CODE}) / Province code",
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Ghi đè vào thư mục không trống / Write into a non-empty folder",
        )

    def handle(self, *args, path: Path, seed: int, scale: float, force: bool, **options):
        try:
            summary = generate_package(
                path,
                seed=seed,
                scale=scale,
                force=force,
                settle_until=options["settle_until"],
                province_name=options["province_name"],
                province_code=options["province_code"],
            )
        except GeneratorError as exc:
            raise CommandError(str(exc)) from exc
        scale_text = f"{summary.scale:g}".replace(".", ",")
        self.stdout.write(
            f"Gói dữ liệu tỉnh {summary.province} / Province data package: {summary.path}\n"
            f"Hạt giống / seed {summary.seed}, hệ số / scale {scale_text}"
        )
        width = max(len(name) for name in summary.rows)
        for name, count in summary.rows.items():
            self.stdout.write(f"  {name:<{width}}  {vn_number(count):>7} dòng / rows")
