"""Finding 9 of issue #7: officers' reads and downloads of a dossier's personal data are in the
audit trail."""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from motcua.accounts.roles import Role
from motcua.audit.models import AuditEntry
from motcua.dossiers.tests.test_api_permissions import processing

pytestmark = pytest.mark.django_db


@pytest.mark.storage
def test_reads_and_downloads_of_a_dossier_are_recorded(client, world):
    dossier = processing(world)
    officer = world.user(Role.HANDLER)
    client.force_login(officer)
    document = dossier.documents.first()
    client.get(reverse("officer-dossier-detail", args=[dossier.code]))
    client.get(reverse("officer-dossier-document", args=[dossier.code, document.pk, "docx"]))
    client.get(reverse("officer-dossier-control-sheet", args=[dossier.code]))
    api = APIClient()
    api.force_authenticate(officer)
    api.get(reverse("api-dossier", args=[dossier.code]))
    api.get(reverse("api-dossier-document", args=[dossier.code, document.pk, "docx"]))
    entries = AuditEntry.objects.filter(
        action__in=["dossier.read", "dossier.download"], actor=officer
    ).order_by("id")
    assert [(e.action, e.data.get("file")) for e in entries] == [
        ("dossier.read", None),
        ("dossier.download", f"document:{document.pk}.docx"),
        ("dossier.download", "control_sheet"),
        ("dossier.read", None),
        ("dossier.download", f"document:{document.pk}.docx"),
    ]
    assert {e.target_id for e in entries} == {str(dossier.pk)}


def test_another_agencys_dossier_is_not_read_and_not_recorded(client, world):
    dossier = processing(world)
    client.force_login(world.user(Role.HANDLER, "other"))
    assert client.get(reverse("officer-dossier-detail", args=[dossier.code])).status_code == 404
    assert not AuditEntry.objects.filter(action="dossier.read").exists()
