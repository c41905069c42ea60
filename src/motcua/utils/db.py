"""Database helpers shared by apps."""

from django.db import migrations


def append_only(table: str) -> migrations.RunPython:
    """A migration operation that makes ``table`` append-only in the database itself:
    UPDATE and DELETE refused on PostgreSQL, UPDATE on SQLite (the test runner empties SQLite
    tables with DELETE; PostgreSQL uses TRUNCATE, which row triggers do not see). Models add the
    same guard in Python."""
    postgresql = [
        """
        CREATE OR REPLACE FUNCTION motcua_append_only() RETURNS trigger AS $$
        BEGIN
            RAISE EXCEPTION 'append-only table %: % refused', TG_TABLE_NAME, TG_OP;
        END;
        $$ LANGUAGE plpgsql;
        """,
        f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
        "FOR EACH ROW EXECUTE FUNCTION motcua_append_only()",
    ]
    sqlite = [
        f"CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table} "
        "BEGIN SELECT RAISE(ABORT, 'append-only table: UPDATE refused'); END",
    ]

    def forwards(apps, schema_editor):
        vendor = schema_editor.connection.vendor
        for statement in {"postgresql": postgresql, "sqlite": sqlite}.get(vendor, []):
            schema_editor.execute(statement, params=None)

    def backwards(apps, schema_editor):
        vendor = schema_editor.connection.vendor
        if vendor == "postgresql":
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}")
        elif vendor == "sqlite":
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_no_update")

    return migrations.RunPython(forwards, backwards)


class AppendOnlyMixin:
    """Model guard: rows are written once, never changed or deleted."""

    def save(self, *args, **kwargs):
        if self.pk is not None and not kwargs.get("force_insert"):
            raise PermissionError(f"{type(self).__name__} rows are append-only")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError(f"{type(self).__name__} rows are append-only")


class LocalDatesMixin:
    """Keeps a local-date column beside each instant column (``LOCAL_DATES``: instant field →
    date field). Statistics compare local dates (Asia/Ho_Chi_Minh, statistics.md), and a date
    column is what lets the database answer them from an index. ``save()`` keeps them in sync;
    bulk writes, which bypass it, call ``sync_local_dates()`` themselves."""

    LOCAL_DATES: dict[str, str] = {}

    def sync_local_dates(self) -> None:
        from django.utils import timezone

        for instant_field, date_field in self.LOCAL_DATES.items():
            instant = getattr(self, instant_field)
            setattr(self, date_field, timezone.localtime(instant).date() if instant else None)

    def save(self, *args, **kwargs):
        self.sync_local_dates()
        if update_fields := kwargs.get("update_fields"):
            kwargs["update_fields"] = {*update_fields, *self.LOCAL_DATES.values(), "updated_at"}
        super().save(*args, **kwargs)
