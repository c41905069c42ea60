"""Finding 9 of issue #7: the application's database role cannot change its own audit trail.

PostgreSQL only: SQLite has no roles. The role is created inside the test's transaction, so it
disappears with the rollback.
"""

from contextlib import contextmanager

import pytest
from django.core.management import call_command
from django.db import DatabaseError, connection, transaction
from psycopg import sql

from motcua.agencies.models import Agency
from motcua.audit.models import AuditEntry
from motcua.audit.services import audit_record

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="database roles exist on PostgreSQL only"
    ),
]
ROLE = "motcua_app_test"


@contextmanager
def acting_as_app():
    """Queries inside run as the application role, in a savepoint."""
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql.SQL("SET LOCAL ROLE {}").format(sql.Identifier(ROLE)))
        yield cursor


def as_app(statement: str) -> None:
    with acting_as_app() as cursor:
        cursor.execute(statement)


@pytest.fixture
def app_role():
    with connection.cursor() as cursor:
        cursor.execute(f"DROP ROLE IF EXISTS {ROLE}")
        cursor.execute(f"CREATE ROLE {ROLE} NOLOGIN")
    call_command("db", "grant-app-role", "--role", ROLE, stdout=None)
    return ROLE


@pytest.mark.parametrize(
    "statement",
    [
        "TRUNCATE audit_auditentry",
        "TRUNCATE audit_auditentry CASCADE",
        "DELETE FROM audit_auditentry",
        "UPDATE audit_auditentry SET action = 'rewritten'",
        "ALTER TABLE audit_auditentry DISABLE TRIGGER audit_auditentry_append_only",
        "ALTER TABLE audit_auditentry DISABLE TRIGGER ALL",
        "DROP TABLE audit_auditentry",
        "TRUNCATE dossiers_dossierevent",
        "ALTER TABLE dossiers_dossierevent DISABLE TRIGGER ALL",
    ],
)
def test_the_app_role_cannot_rewrite_the_audit_trail(app_role, statement):
    agency = Agency.objects.create(code="A", name="A", kind="other")
    audit_record(action="agency.create", target=agency)
    with pytest.raises(DatabaseError, match="permission denied|must be owner"):
        as_app(statement)
    assert AuditEntry.objects.get().action == "agency.create"


def test_the_app_role_writes_what_the_application_writes(app_role):
    with acting_as_app() as cursor:
        cursor.execute("SELECT current_user")
        assert cursor.fetchone()[0] == ROLE
        agency = Agency.objects.create(code="B", name="B", kind="other")
        Agency.objects.filter(pk=agency.pk).update(name="Bê")
        audit_record(action="agency.create", target=agency)
        assert AuditEntry.objects.count() == 1
        pk = agency.pk
        agency.delete()
    assert AuditEntry.objects.filter(target_id=str(pk)).exists()


def test_the_command_refuses_a_superuser_role(db):
    from django.core.management import CommandError

    with connection.cursor() as cursor:
        cursor.execute("SELECT current_user")
        me = cursor.fetchone()[0]
    with pytest.raises(CommandError):
        call_command("db", "grant-app-role", "--role", me, stdout=None)
