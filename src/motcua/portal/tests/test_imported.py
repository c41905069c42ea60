"""Imported history is not sent to the portal (the old system reported it); an imported dossier
is sent from its first change here, with its whole history. The operator's admin page."""

import pytest
from django.urls import reverse

from motcua.accounts.models import User
from motcua.accounts.roles import Role
from motcua.agencies.models import Agency
from motcua.dossiers import services as s
from motcua.dossiers.models import Dossier
from motcua.interchange.importer import package_import
from motcua.interchange.tests.packages import HISTORY, write_package
from motcua.jobs.models import Job
from motcua.jobs.services import worker_run
from motcua.portal.models import PortalSync
from motcua.testing.factories import DossierFactory

OPEN = "000.01.00.H12-240307-0002"  # open at the city, waiting for a handler


@pytest.mark.django_db
def test_imported_history_is_not_synced_until_it_changes_here(fake, tmp_path):
    package_import(path=write_package(tmp_path / "pkg", HISTORY))
    assert not PortalSync.objects.exists()
    assert not Job.objects.filter(key__startswith="portal:").exists()

    city = Agency.objects.get(code="000.01.00.H12")
    approver = User.objects.create_user(username="ld", role=Role.APPROVER, agency=city)
    handler = User.objects.create_user(
        username="cv", role=Role.HANDLER, agency=city, full_name="Nguyễn Văn An"
    )
    dossier = Dossier.objects.get(code=OPEN)
    s.dossier_assign(actor=approver, dossier=dossier, assignee=handler, now=dossier.received_at)
    worker_run(once=True)
    assert list(PortalSync.objects.values_list("dossier__code", flat=True)) == [OPEN]
    stored = fake.snapshots[OPEN]
    assert stored["hoSo"]["MaHoSo"] == OPEN
    assert stored["tienTrinhDongBo"], "the history goes with the first send"


@pytest.mark.django_db
def test_the_operator_resends_from_the_admin(fake, world, admin_client):
    dossier = DossierFactory.create("received", procedure=world.procedure)
    worker_run(once=True)
    row = PortalSync.objects.get(dossier=dossier)
    assert row.sent_version == row.version
    url = reverse("admin:portal_portalsync_changelist")
    assert admin_client.get(url).status_code == 200
    response = admin_client.post(url, {"action": "resend", "_selected_action": [row.pk]})
    assert response.status_code == 302
    row.refresh_from_db()
    assert row.version == row.sent_version + 1
    worker_run(once=True)
    row.refresh_from_db()
    assert row.sent_version == row.version
