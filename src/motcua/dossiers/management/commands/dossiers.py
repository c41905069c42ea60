"""``motcua dossiers``: maintenance of the dossiers.

    motcua dossiers adopt-imported

``adopt-imported`` gives the imported open dossiers that have no process steps (a database
imported before imported dossiers carried on) the steps of their procedure, the first one
waiting for a handler at the settling agency. Idempotent: run it again and nothing changes.
"""

from django.core.management.base import BaseCommand

from motcua.dossiers.services import dossiers_adopt_imported


class Command(BaseCommand):
    help = "Bảo trì hồ sơ / dossier maintenance (adopt-imported)."

    def add_arguments(self, parser):
        commands = parser.add_subparsers(dest="command", required=True)
        commands.add_parser(
            "adopt-imported",
            help="create the process steps of imported open dossiers that have none",
        )

    def handle(self, *args, **options):
        adopted = dossiers_adopt_imported()
        self.stdout.write(
            f"Đã tạo bước xử lý cho {adopted} hồ sơ nhập khẩu đang xử lý / "
            f"process steps created for {adopted} imported open dossiers"
        )
