import pytest
from django.db import connection, transaction
from django.db.utils import DatabaseError

from motcua.agencies.models import Agency
from motcua.audit.models import AuditEntry
from motcua.audit.services import audit_record


@pytest.mark.django_db
def test_entries_are_append_only():
    agency = Agency.objects.create(code="A", name="A", kind="other")
    entry = audit_record(action="agency.create", target=agency, actor_label="import")
    assert (entry.target_type, entry.target_id) == ("agencies.agency", str(agency.pk))
    entry.action = "rewritten"
    with pytest.raises(PermissionError):
        entry.save()
    with pytest.raises(PermissionError):
        entry.delete()
    assert AuditEntry.objects.get().action == "agency.create"


@pytest.mark.django_db(transaction=True)
def test_database_refuses_rewrites():
    agency = Agency.objects.create(code="A", name="A", kind="other")
    audit_record(action="agency.create", target=agency)
    statements = ["UPDATE audit_auditentry SET action = 'x'"]
    if connection.vendor == "postgresql":
        statements.append("DELETE FROM audit_auditentry")
    for statement in statements:
        with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(statement)
    assert AuditEntry.objects.get().action == "agency.create"
