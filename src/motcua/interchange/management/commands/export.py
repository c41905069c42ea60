"""``motcua export PATH``: write the province data package from the database."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from motcua.interchange.exporter import ExportRefused, package_export
from motcua.utils.formatting import vn_number


class Command(BaseCommand):
    help = (
        "Xuất gói dữ liệu của tỉnh ra thư mục (hoặc tệp .zip) / "
        "Export the province data package to a folder (or a .zip file)."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)
        parser.add_argument(
            "--force",
            action="store_true",
            help="Ghi đè thư mục không rỗng / overwrite a non-empty folder.",
        )

    def handle(self, *args, **options):
        try:
            result = package_export(path=options["path"], force=options["force"])
        except ExportRefused as error:
            raise CommandError(str(error)) from None
        for name, rows in result.files.items():
            self.stdout.write(f"{name}: {vn_number(rows)} dòng / rows")
        self.stdout.write(self.style.SUCCESS(f"Đã xuất / exported: {options['path']}"))
