"""Refuse rewriting the audit trail in the database itself, so not even a raw query can:
UPDATE and DELETE on PostgreSQL, UPDATE on SQLite."""

from django.db import migrations

TABLE = "audit_auditentry"

POSTGRESQL = [
    """
    CREATE OR REPLACE FUNCTION motcua_append_only() RETURNS trigger AS $$
    BEGIN
        RAISE EXCEPTION 'append-only table %: % refused', TG_TABLE_NAME, TG_OP;
    END;
    $$ LANGUAGE plpgsql;
    """,
    f"CREATE TRIGGER {TABLE}_append_only BEFORE UPDATE OR DELETE ON {TABLE} "
    "FOR EACH ROW EXECUTE FUNCTION motcua_append_only()",
]
SQLITE = [
    f"CREATE TRIGGER {TABLE}_no_update BEFORE UPDATE ON {TABLE} "
    "BEGIN SELECT RAISE(ABORT, 'append-only table: UPDATE refused'); END",
    # No DELETE trigger on SQLite: the test runner empties tables with DELETE there (PostgreSQL
    # uses TRUNCATE, which row triggers do not see); the model refuses deletes.
]


def forwards(apps, schema_editor):
    statements = {"postgresql": POSTGRESQL, "sqlite": SQLITE}.get(schema_editor.connection.vendor, [])
    for statement in statements:
        schema_editor.execute(statement, params=None)


def backwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {TABLE}_append_only ON {TABLE}")
    elif vendor == "sqlite":
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {TABLE}_no_update")


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_initial")]
    operations = [migrations.RunPython(forwards, backwards)]
