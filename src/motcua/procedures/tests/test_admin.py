"""The Django admin saves procedures through procedure_save, so versions are kept there too."""

import pytest
from django.urls import reverse

from motcua.accounts.models import User
from motcua.procedures.models import Procedure

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    user = User.objects.create_superuser(username="root", password="x-very-long-pass")
    client.force_login(user)
    return client


def admin_form(**overrides) -> dict:
    data = {
        "code": "A.1",
        "name": "Cấp phép khai thác nước",
        "level": "province",
        "field": "Nước",
        "authority": "central",
        "processing_days": "10",
        "day_unit": "working",
        "online_level": "none",
        "fee_vnd": "0",
        "status": "active",
        "steps": "",
        "submission_methods": "",
        "legal_basis": "",
        "result": "",
        "requirements": "",
        "components-TOTAL_FORMS": "1",
        "components-INITIAL_FORMS": "0",
        "components-MIN_NUM_FORMS": "0",
        "components-MAX_NUM_FORMS": "1000",
        "components-0-name": "Đơn đề nghị",
        "components-0-originals": "1",
        "components-0-copies": "0",
        "components-0-required": "on",
        "components-0-form_name": "",
        "versions-TOTAL_FORMS": "0",
        "versions-INITIAL_FORMS": "0",
        "versions-MIN_NUM_FORMS": "0",
        "versions-MAX_NUM_FORMS": "0",
    }
    data.update(overrides)
    return data


def test_admin_add_and_change_keep_versions(admin_client):
    response = admin_client.post(reverse("admin:procedures_procedure_add"), admin_form())
    assert response.status_code == 302, response.context["adminform"].form.errors
    procedure = Procedure.objects.get(code="A.1")
    assert procedure.version == 1
    assert procedure.search_text == "a.1 cap phep khai thac nuoc nuoc"
    assert [c.name for c in procedure.components.all()] == ["Đơn đề nghị"]

    component = procedure.components.get()
    data = admin_form(
        **{
            "code": None,
            "processing_days": "7",
            "components-INITIAL_FORMS": "1",
            "components-0-id": str(component.pk),
            "components-0-procedure": str(procedure.pk),
            "versions-TOTAL_FORMS": "1",
            "versions-INITIAL_FORMS": "1",
            "versions-0-id": str(procedure.versions.get().pk),
            "versions-0-procedure": str(procedure.pk),
        }
    )
    data = {k: v for k, v in data.items() if v is not None}
    response = admin_client.post(
        reverse("admin:procedures_procedure_change", args=[procedure.pk]), data
    )
    assert response.status_code == 302
    procedure.refresh_from_db()
    assert procedure.version == 2
    assert sorted(procedure.versions.values_list("number", flat=True)) == [1, 2]
    assert str(procedure.processing_days) == "7.0"


def test_admin_pages_render(admin_client, settings):
    for name in ["procedure", "decision", "shortening"]:
        url = reverse(f"admin:procedures_{name}_changelist")
        assert admin_client.get(url).status_code == 200, name
        assert admin_client.get(reverse(f"admin:procedures_{name}_add")).status_code == 200


def test_admin_carries_the_product_name_and_favicon(admin_client):
    html = admin_client.get(reverse("admin:index")).content.decode()
    assert "Quản trị hệ thống giải quyết thủ tục hành chính" in html
    assert 'rel="icon" href="/static/web/img/favicon.svg"' in html
    assert "Django" not in html
