"""``motcua handbook import KIND FILE``: import documents, targets, indices, the agencies'
reform index or questions and answers into the handbook from a CSV or XLSX file, all or
nothing (docs/handbook.md)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from motcua.handbook.imports import KINDS, ImportInvalid, handbook_import


class Command(BaseCommand):
    help = "Sổ tay cải cách hành chính / the handbook of administrative reform"

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        imports = sub.add_parser("import", help="import a CSV or XLSX file, all or nothing")
        imports.add_argument("kind", choices=list(KINDS))
        imports.add_argument("file", type=Path)

    def handle(self, *args, action=None, kind=None, file=None, **options):
        if not file.is_file():
            raise CommandError(f"{file}: không tồn tại / does not exist")
        try:
            result = handbook_import(kind=kind, name=file.name, content=file.read_bytes())
        except ImportInvalid as invalid:
            for error in invalid.errors:
                self.stderr.write(error)
            raise CommandError(
                f"{len(invalid.errors)} lỗi, không nhập gì / errors, nothing imported"
            ) from invalid
        self.stdout.write(
            f"Đã nhập / imported: {result.created} mới / new, {result.updated} cập nhật / updated"
        )
