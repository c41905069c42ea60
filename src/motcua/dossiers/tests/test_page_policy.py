"""Issue #7, finding 8: the dossier pages (applicant and officer) carry the strict
Content-Security-Policy and no inline script, handler or style."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from motcua.accounts.roles import Role
from motcua.dossiers import services as s
from motcua.procedures.models import OnlineLevel
from motcua.procedures.services import procedure_save
from motcua.testing import files
from motcua.testing.pages import assert_strict_page


@pytest.fixture
def dossier(world):
    procedure_save(code=world.procedure.code, values={"online_level": OnlineLevel.FULL})
    return s.dossier_receive(
        actor=world.user(Role.INTAKE_OFFICER),
        procedure=world.procedure,
        applicant=s.ApplicantData(name="Trần Văn Bình", phone="0987654321"),
        components=[s.ComponentData(name="Tờ khai", file=SimpleUploadedFile("a.pdf", files.PDF))],
        now=timezone.now(),
    )


def test_officer_dossier_pages(client, world, dossier):
    client.force_login(world.user(Role.INTAKE_OFFICER))
    for url in (
        reverse("officer-dossier-list"),
        reverse("officer-dossier-detail", args=[dossier.code]),
        reverse("desk-queue"),
        reverse("desk-intake"),
        reverse("desk-returns"),
        reverse("desk-visits"),
    ):
        assert_strict_page(client.get(url))


def test_applicant_pages(client, world, dossier):
    assert_strict_page(client.get(reverse("public-dossier-submit", args=[world.procedure.code])))
    assert_strict_page(client.get(reverse("public-dossier-lookup")))
