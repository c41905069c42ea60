"""``motcua import PATH``: import a province data package (a folder or a .zip of it)."""

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from motcua.interchange.importer import PackageInvalid, package_import
from motcua.utils.formatting import vn_number


class Command(BaseCommand):
    help = (
        "Nhập gói dữ liệu của tỉnh (thư mục các tệp CSV hoặc tệp .zip) / "
        "Import a province data package (a folder of CSV files or a .zip of it)."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)
        parser.add_argument(
            "--quiet",
            action="store_true",
            help="Không hiện tiến trình / no progress bars.",
        )

    def handle(self, *args, **options):
        progress = not options["quiet"] and sys.stderr.isatty()
        try:
            result = package_import(path=options["path"], progress=progress)
        except PackageInvalid as error:
            for line in error.errors:
                self.stderr.write(line)
            raise CommandError(
                f"Gói dữ liệu có {vn_number(len(error.errors))} lỗi, không nhập gì / "
                f"the package has {len(error.errors)} error(s); nothing was imported"
            ) from None
        for name, counts in result.files.items():
            self.stdout.write(
                f"{name}: tạo mới {vn_number(counts.created)}, cập nhật "
                f"{vn_number(counts.updated)}, không đổi {vn_number(counts.unchanged)} / "
                f"created {counts.created}, updated {counts.updated}, "
                f"unchanged {counts.unchanged}"
            )
        self.stdout.write(self.style.SUCCESS("Đã nhập xong / import complete"))
