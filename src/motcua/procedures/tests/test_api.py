import datetime as dt

import pytest
from rest_framework.test import APIClient

from motcua.accounts.models import User
from motcua.accounts.roles import Role
from motcua.agencies.models import Agency, AgencyKind
from motcua.procedures.models import Decision, Procedure, ProcedureVersion, Shortening
from motcua.procedures.services import procedure_save

GCN = "Cấp giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở lần đầu"


@pytest.fixture
def catalog(db):
    dept = Agency.objects.create(
        code="000.00.05.H12", name="Sở Tài nguyên và Môi trường", kind=AgencyKind.DEPARTMENT
    )
    decision = Decision.objects.create(
        number="12/QĐ-UBND", date=dt.date(2024, 1, 5), kind="publication"
    )
    procedure_save(
        code="1.001612.000.00.00.H12",
        values={
            "name": GCN,
            "level": "province",
            "authority": "central",
            "agency": dept,
            "field": "Đất đai",
            "processing_days": 30,
            "decision": decision,
            "online_level": "partial",
        },
        components=[{"name": "Đơn đăng ký", "originals": 1, "copies": 0}],
    )
    procedure_save(
        code="1.000656.000.00.00.H12",
        values={
            "name": "Đăng ký khai sinh",
            "level": "commune",
            "authority": "central",
            "field": "Hộ tịch",
            "status": "abolished",
        },
    )
    return dept, decision


def client_for(role, agency=None):
    user = User.objects.create_user(
        username=f"u-{role}", password="pw-123456", role=role, agency=agency
    )
    client = APIClient()
    client.force_authenticate(user)
    return client


@pytest.mark.django_db
def test_public_search_ignores_diacritics_and_hides_abolished(catalog):
    client = APIClient()
    found = client.get("/api/public/procedures/", {"q": "cap giay chung nhan quyen su dung dat"})
    assert found.status_code == 200
    assert [p["code"] for p in found.json()["results"]] == ["1.001612.000.00.00.H12"]
    assert client.get("/api/public/procedures/", {"q": "khai sinh"}).json()["count"] == 0
    detail = client.get("/api/public/procedures/1.001612.000.00.00.H12/").json()
    assert detail["components"][0]["name"] == "Đơn đăng ký"
    assert detail["decision_number"] == "12/QĐ-UBND"
    by_agency = client.get("/api/public/procedures/", {"agency": "000.00.05.H12"}).json()
    assert by_agency["count"] == 1


@pytest.mark.django_db
def test_errors_have_one_bilingual_shape(catalog):
    response = APIClient().get("/api/public/procedures/NO-SUCH/")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"
    assert " / " in response.json()["error"]["message"]
    anonymous = APIClient().get("/api/procedures/")
    assert anonymous.status_code in (401, 403)
    assert anonymous.json()["error"]["code"] == "not_authenticated"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("method", "url", "body"),
    [
        (
            "post",
            "/api/procedures/",
            {"code": "X1", "name": "X", "level": "commune", "authority": "local"},
        ),
        (
            "put",
            "/api/procedures/1.001612.000.00.00.H12/",
            {"name": "X", "level": "commune", "authority": "local"},
        ),
        ("post", "/api/decisions/", {"number": "1/QĐ", "date": "2024-01-01", "kind": "other"}),
        ("post", "/api/shortenings/", {}),
    ],
)
@pytest.mark.parametrize("role", [Role.HANDLER, Role.INTAKE_OFFICER, Role.APPROVER, Role.EDITOR])
def test_roles_that_may_not_manage_the_catalog_are_refused(catalog, role, method, url, body):
    before = (Procedure.objects.count(), Decision.objects.count(), ProcedureVersion.objects.count())
    response = getattr(client_for(role), method)(url, body, format="json")
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "permission_denied"
    after = (Procedure.objects.count(), Decision.objects.count(), ProcedureVersion.objects.count())
    assert before == after


@pytest.mark.django_db
def test_controller_creates_and_amends_with_versions(catalog):
    client = client_for(Role.CONTROLLER)
    body = {
        "code": "2.000001.H12",
        "name": "Thủ tục địa phương",
        "level": "district",
        "authority": "local",
        "processing_days": "10",
        "components": [{"name": "Tờ khai"}],
    }
    created = client.post("/api/procedures/", body, format="json")
    assert created.status_code == 201, created.json()
    assert created.json()["version"] == 1
    body.pop("code")
    body["processing_days"] = "7"
    amended = client.put("/api/procedures/2.000001.H12/", body, format="json")
    assert amended.json()["version"] == 2
    versions = client.get("/api/procedures/2.000001.H12/versions/").json()["results"]
    assert [v["number"] for v in versions] == [2, 1]
    assert versions[1]["snapshot"]["processing_days"] == "10"
    same = client.put("/api/procedures/2.000001.H12/", body, format="json")
    assert same.json()["version"] == 2


@pytest.mark.django_db
def test_bad_input_is_refused_and_changes_nothing(catalog):
    client = client_for(Role.CONTROLLER)
    duplicate = client.post(
        "/api/procedures/",
        {
            "code": "1.001612.000.00.00.H12",
            "name": "X",
            "level": "province",
            "authority": "central",
        },
        format="json",
    )
    assert duplicate.status_code == 400
    assert set(duplicate.json()["error"]["details"]) == {"code"}
    no_agency = client.post(
        "/api/procedures/",
        {"code": "N1", "name": "X", "level": "province", "authority": "central"},
        format="json",
    )
    assert no_agency.status_code == 400
    assert "agency_code" in no_agency.json()["error"]["details"]
    assert not Procedure.objects.filter(code="N1").exists()


@pytest.mark.django_db
def test_shortening_must_shorten(catalog):
    dept, decision = catalog
    client = client_for(Role.CONTROLLER)
    body = {
        "procedure_code": "1.001612.000.00.00.H12",
        "decision_number": decision.number,
        "days_before": "30",
        "days_after": "30",
        "annual_dossiers": 100,
    }
    assert client.post("/api/shortenings/", body, format="json").status_code == 400
    body["days_after"] = "20"
    assert client.post("/api/shortenings/", body, format="json").status_code == 201
    assert Shortening.objects.get().days_after == 20
    listing = client_for(Role.HANDLER).get("/api/shortenings/").json()
    assert listing["count"] == 1


@pytest.mark.django_db
def test_amending_components_keeps_attached_form_files(catalog):
    from motcua.procedures.models import ProcedureComponent

    ProcedureComponent.objects.filter(name="Đơn đăng ký").update(form_file="forms/don.docx")
    procedure = Procedure.objects.get(code="1.001612.000.00.00.H12")
    procedure_save(
        code=procedure.code,
        values={},
        components=[{"name": "Đơn đăng ký", "originals": 1, "copies": 1}, {"name": "CCCD"}],
    )
    files = dict(procedure.components.values_list("name", "form_file"))
    assert files == {"Đơn đăng ký": "forms/don.docx", "CCCD": ""}
