"""``motcua db grant-app-role --role motcua_app``: the privileges of the application's database
role on PostgreSQL, run by the owner of the tables after every ``migrate``.

The application then connects as a role that owns nothing: it reads and writes the ordinary
tables but can only SELECT and INSERT the append-only ones (the audit trail, dossier history),
and as it is not their owner it cannot TRUNCATE them, drop them or disable their triggers
(docs/operations.md, "Database roles").
"""

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from psycopg import sql

APPEND_ONLY_TABLES = """
    SELECT DISTINCT c.relname FROM pg_trigger t
    JOIN pg_class c ON c.oid = t.tgrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE t.tgfoid = 'motcua_append_only'::regproc AND n.nspname = current_schema()
    ORDER BY 1
"""


def append_only_tables(cursor) -> list[str]:
    cursor.execute("SELECT to_regproc('motcua_append_only') IS NOT NULL")
    if not cursor.fetchone()[0]:
        return []
    cursor.execute(APPEND_ONLY_TABLES)
    return [row[0] for row in cursor.fetchall()]


def grant_app_role(cursor, role: str) -> list[str]:
    """Grant ``role`` what the application needs and nothing more; return the append-only
    tables."""
    cursor.execute("SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = %s", [role])
    row = cursor.fetchone()
    if row is None:
        raise CommandError(f"Không có vai trò / no role {role!r} (create it first, or --create)")
    if row[0]:
        raise CommandError(f"{role} là superuser: nó vượt qua mọi quyền / is a superuser")
    cursor.execute(
        "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE n.nspname = current_schema() AND pg_get_userbyid(c.relowner) = %s",
        [role],
    )
    if owned := [r[0] for r in cursor.fetchall()]:
        raise CommandError(
            f"{role} sở hữu bảng / owns tables ({', '.join(owned[:5])}…): "
            "the application role must not own what it uses"
        )
    name = sql.Identifier(role)
    statements = [
        sql.SQL("GRANT CONNECT, TEMPORARY ON DATABASE {} TO {}").format(
            sql.Identifier(connection.settings_dict["NAME"]), name
        ),
        sql.SQL("GRANT USAGE ON SCHEMA {} TO {}").format(sql.Identifier(_schema(cursor)), name),
        sql.SQL("REVOKE CREATE ON SCHEMA {} FROM {}").format(sql.Identifier(_schema(cursor)), name),
        sql.SQL("REVOKE ALL ON ALL TABLES IN SCHEMA {} FROM {}").format(
            sql.Identifier(_schema(cursor)), name
        ),
        sql.SQL("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {} TO {}").format(
            sql.Identifier(_schema(cursor)), name
        ),
        sql.SQL("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {} TO {}").format(
            sql.Identifier(_schema(cursor)), name
        ),
    ]
    tables = append_only_tables(cursor)
    statements += [
        sql.SQL("REVOKE UPDATE, DELETE, TRUNCATE ON TABLE {} FROM {}").format(
            sql.Identifier(table), name
        )
        for table in tables
    ]
    for statement in statements:
        cursor.execute(statement)
    return tables


def _schema(cursor) -> str:
    cursor.execute("SELECT current_schema()")
    return cursor.fetchone()[0]


class Command(BaseCommand):
    help = (
        "Cấp quyền cho vai trò CSDL của ứng dụng (PostgreSQL) / grant the application's "
        "database role its privileges, after migrate."
    )

    def add_arguments(self, parser):
        commands = parser.add_subparsers(dest="command", required=True)
        grant = commands.add_parser("grant-app-role", help=self.help)
        grant.add_argument("--role", default="motcua_app")
        grant.add_argument(
            "--create",
            action="store_true",
            help="create the role (LOGIN, no password: set one with ALTER ROLE) if missing",
        )

    def handle(self, *args, **options):
        if connection.vendor != "postgresql":
            raise CommandError("Chỉ dùng với PostgreSQL / PostgreSQL only")
        role = options["role"]
        with transaction.atomic(), connection.cursor() as cursor:
            if options["create"]:
                cursor.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [role])
                if cursor.fetchone() is None:
                    cursor.execute(sql.SQL("CREATE ROLE {} LOGIN").format(sql.Identifier(role)))
            tables = grant_app_role(cursor, role)
        self.stdout.write(
            f"{role}: SELECT/INSERT/UPDATE/DELETE on every table; "
            f"SELECT/INSERT only on {', '.join(tables) or '(no append-only table)'}"
        )
