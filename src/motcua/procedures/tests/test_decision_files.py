"""Issue #7, finding 8: a decision's file is checked by content on every path (officer page,
API, Django admin) and served only as an attachment; decisions and shortenings are saved through
the services, each change audited."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from rest_framework.test import APIClient

from motcua.accounts.models import User
from motcua.accounts.roles import Role
from motcua.audit.models import AuditEntry
from motcua.procedures.models import Decision, Shortening
from motcua.testing import files
from motcua.testing.factories import ProcedureFactory

pytestmark = pytest.mark.django_db


def svg() -> SimpleUploadedFile:
    return SimpleUploadedFile("quyet-dinh.svg", files.SVG_WITH_SCRIPT, "image/svg+xml")


def svg_named_pdf() -> SimpleUploadedFile:
    return SimpleUploadedFile("quyet-dinh.pdf", files.SVG_WITH_SCRIPT, "application/pdf")


FORM = {"number": "45/QĐ-UBND", "date": "2024-06-14", "kind": "publication", "title": "Công bố"}


@pytest.fixture
def controller():
    return User.objects.create_user(username="ctl", password="pw-123456", role=Role.CONTROLLER)


@pytest.fixture
def admin_client(client):
    client.force_login(User.objects.create_superuser(username="root", password="x-long-pass-1"))
    return client


@pytest.mark.parametrize("upload", [svg, svg_named_pdf])
def test_svg_refused_on_the_officer_page(client, controller, upload):
    client.force_login(controller)
    response = client.post(reverse("officer-decision-create"), {**FORM, "file": upload()})
    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert not Decision.objects.exists()


@pytest.mark.parametrize("upload", [svg, svg_named_pdf])
def test_svg_refused_by_the_api(controller, upload):
    api = APIClient()
    api.force_authenticate(controller)
    response = api.post("/api/decisions/", {**FORM, "file": upload()}, format="multipart")
    assert response.status_code == 415
    assert response.json()["error"]["code"] == "file_type"
    assert not Decision.objects.exists()


@pytest.mark.parametrize("upload", [svg, svg_named_pdf])
def test_svg_refused_by_the_admin(admin_client, upload):
    response = admin_client.post(
        reverse("admin:procedures_decision_add"), {**FORM, "file": upload()}
    )
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["file"]
    assert not Decision.objects.exists()


@pytest.mark.storage
def test_api_and_admin_accept_a_real_pdf_and_audit_it(admin_client, controller):
    api = APIClient()
    api.force_authenticate(controller)
    pdf = SimpleUploadedFile("qd.pdf", files.PDF)
    response = api.post("/api/decisions/", {**FORM, "file": pdf}, format="multipart")
    assert response.status_code == 201, response.content
    decision = Decision.objects.get()
    assert decision.file.read() == files.PDF
    entry = AuditEntry.objects.get(action="decision.create")
    assert entry.actor == controller and entry.target_id == str(decision.pk)
    change = reverse("admin:procedures_decision_change", args=[decision.pk])
    html = admin_client.get(change).content.decode()
    assert f'href="{reverse("decision-file", args=[decision.pk])}"' in html
    assert decision.file.name not in html and "X-Amz" not in html  # no storage link

    response = admin_client.post(
        reverse("admin:procedures_decision_change", args=[decision.pk]),
        {**FORM, "title": "Sửa trong admin"},
    )
    assert response.status_code == 302
    assert AuditEntry.objects.filter(action="decision.update").count() == 1
    admin_client.post(reverse("admin:procedures_decision_delete", args=[decision.pk]), {"post": 1})
    assert not Decision.objects.exists()
    assert AuditEntry.objects.filter(action="decision.delete").count() == 1


@pytest.mark.storage
def test_decision_file_is_served_as_an_attachment(client):
    decision = Decision.objects.create(number="1/QĐ", date=dt.date(2024, 1, 1), kind="other")
    # Whatever is stored (here an SVG from before the check), it is never rendered inline.
    decision.file.save("old.svg", SimpleUploadedFile("old.svg", files.SVG_WITH_SCRIPT))
    response = client.get(reverse("decision-file", args=[decision.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Type"] == "application/octet-stream"
    assert "sandbox" in response["Content-Security-Policy"]


@pytest.mark.storage
def test_officer_page_change_is_audited(client, controller):
    client.force_login(controller)
    pdf = SimpleUploadedFile("qd.pdf", files.PDF)
    assert client.post(reverse("officer-decision-create"), {**FORM, "file": pdf}).status_code == 302
    decision = Decision.objects.get()
    url = reverse("officer-decision-edit", args=[decision.pk])
    assert client.post(url, {**FORM, "title": "Trích yếu mới"}).status_code == 302
    # The users' creation is audited too; the decisions' entries are the services'.
    entries = AuditEntry.objects.filter(action__startswith="decision.").order_by("id")
    assert list(entries.values_list("action", flat=True)) == ["decision.create", "decision.update"]
    assert AuditEntry.objects.order_by("id").last().data["changed"] == {"title": "Trích yếu mới"}


def test_shortenings_are_audited_on_every_path(admin_client, controller):
    procedure = ProcedureFactory(processing_days=30)
    decision = Decision.objects.create(number="9/QĐ", date=dt.date(2024, 1, 1), kind="other")
    api = APIClient()
    api.force_authenticate(controller)
    body = {
        "procedure_code": procedure.code,
        "decision_number": decision.number,
        "days_before": "30",
        "days_after": "20",
        "annual_dossiers": 100,
    }
    assert api.post("/api/shortenings/", body, format="json").status_code == 201
    shortening = Shortening.objects.get()
    url = reverse("admin:procedures_shortening_change", args=[shortening.pk])
    data = {
        "procedure": procedure.pk,
        "decision": decision.pk,
        "days_before": "30",
        "days_after": "15",
        "annual_dossiers": "100",
    }
    assert admin_client.post(url, data).status_code == 302
    shortening.refresh_from_db()
    assert shortening.days_after == 15
    delete = reverse("admin:procedures_shortening_delete", args=[shortening.pk])
    assert admin_client.post(delete, {"post": 1}).status_code == 302
    # The audited admin adds its own admin.* entries (who used the admin); the services' entries
    # record the change itself, whichever path it took.
    shortening_entries = AuditEntry.objects.filter(
        target_type="procedures.shortening", action__startswith="shortening."
    )
    actions = list(shortening_entries.order_by("id").values_list("action", flat=True))
    assert actions == ["shortening.create", "shortening.update", "shortening.delete"]
