"""Catalog content and officers in the package: the procedures' texts, components.csv and
users.csv (interchange.md): whole or nothing, errors with their line, idempotent, exported back
byte for byte."""

from io import StringIO

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse

from motcua.accounts.models import User
from motcua.audit.models import AuditEntry
from motcua.interchange.exporter import package_export
from motcua.interchange.importer import PackageInvalid, package_import
from motcua.interchange.tests.packages import VALID, write_package
from motcua.jobs.services import worker_run
from motcua.procedures.models import Procedure, ProcedureComponent, ProcedureVersion

pytestmark = pytest.mark.django_db

# The export's form of the rows: columns in order, every cell written, CRLF line ends.
PROCEDURES = (
    "code,name,level,field,authority,agency_code,processing_days,day_unit,online_level,"
    "national_portal,fee_vnd,status,decision_number,steps,submission_methods,requirements,"
    "legal_basis,result,payment_pauses_clock\r\n"
    "1.001612.000.00.00.H12,Cấp phiếu lý lịch tư pháp,province,Lý lịch tư pháp,central,"
    "000.00.12.H12,10,working,full,1,200000,active,1970/QĐ-UBND,"
    '"Bước 1: Nộp hồ sơ tại Trung tâm Phục vụ hành chính công.\nBước 2: Nhận kết quả.",'
    "Trực tiếp; trực tuyến; qua bưu chính,Không,"
    '"Luật Lý lịch tư pháp năm 2009\nNghị định số 111/2010/NĐ-CP",Phiếu lý lịch tư pháp,0\r\n'
    "1.004227.000.00.00.H12,Đăng ký đất đai lần đầu,district,Đất đai,central,,30,working,"
    "partial,0,0,active,,,,,,,1\r\n"
)
COMPONENTS = (
    "procedure_code,order,name,originals,copies,required,form_name\r\n"
    "1.001612.000.00.00.H12,1,Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp (Mẫu số 03/2013/TT-LLTP),"
    "1,0,1,Mẫu số 03/2013/TT-LLTP\r\n"
    "1.001612.000.00.00.H12,2,Bản chụp giấy tờ tùy thân,0,1,1,\r\n"
    "1.004227.000.00.00.H12,1,Đơn đăng ký đất đai (Mẫu số 04/ĐK),1,0,1,Mẫu số 04/ĐK\r\n"
    '1.004227.000.00.00.H12,2,"Giấy tờ về quyền sử dụng đất, nếu có",1,1,0,\r\n'
)
USERS = (
    "username,full_name,title,agency_code,role,email,is_active\r\n"
    "lan.nt,Nguyễn Thị Lan,Chuyên viên,000.00.12.H12,intake_officer,lan@example.vn,1\r\n"
    "minh.tv,Trần Văn Minh,Phó Giám đốc,000.00.12.H12,approver,,1\r\n"
    "nghi.hd,Hồ Đức Nghị,Chuyên viên,000.01.00.H12,handler,,0\r\n"
)


def content_package(tmp_path, **replace):
    files = {
        **{k: v for k, v in VALID.items() if k != "procedures.csv"},
        "procedures.csv": PROCEDURES,
        "components.csv": COMPONENTS,
        "users.csv": USERS,
    }
    files.update({name.replace("_", "."): text for name, text in replace.items()})
    return write_package(tmp_path / "in", {k: v.encode() for k, v in files.items()})


def import_errors(path) -> list[str]:
    with pytest.raises(PackageInvalid) as error:
        package_import(path=path)
    return error.value.errors


def test_content_and_officers_import_whole(tmp_path):
    package_import(path=content_package(tmp_path))
    assert not mail.outbox  # the password links are jobs of the queue
    worker_run(once=True)
    lltp = Procedure.objects.get(code="1.001612.000.00.00.H12")
    assert lltp.steps.splitlines() == [
        "Bước 1: Nộp hồ sơ tại Trung tâm Phục vụ hành chính công.",
        "Bước 2: Nhận kết quả.",
    ]
    assert lltp.legal_basis.splitlines()[1] == "Nghị định số 111/2010/NĐ-CP"
    assert lltp.result == "Phiếu lý lịch tư pháp"
    assert list(lltp.components.values_list("name", "originals", "copies", "required")) == [
        ("Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp (Mẫu số 03/2013/TT-LLTP)", 1, 0, True),
        ("Bản chụp giấy tờ tùy thân", 0, 1, True),
    ]
    # The components are part of the procedure's rules: they are in its current version.
    assert lltp.versions.order_by("number").last().snapshot["components"][0]["form_name"] == (
        "Mẫu số 03/2013/TT-LLTP"
    )
    lan = User.objects.get(username="lan.nt")
    assert (lan.full_name, lan.title, lan.agency.code, lan.role) == (
        "Nguyễn Thị Lan",
        "Chuyên viên",
        "000.00.12.H12",
        "intake_officer",
    )
    # No password in a package: the officer sets one through the link e-mailed to them.
    assert not lan.has_usable_password()
    assert [m.to for m in mail.outbox] == [["lan@example.vn"]]
    link = next(line for line in mail.outbox[0].body.splitlines() if "/dat-mat-khau/" in line)
    assert not User.objects.get(username="nghi.hd").is_active
    assert AuditEntry.objects.filter(action="user.import_create").count() == 3
    # The link works: the officer sets a password and signs in with it.
    client = Client()
    path = link.split("://", 1)[1].split("/", 1)[1]
    response = client.get(f"/{path}", follow=True)
    assert response.status_code == 200
    password = "một-mật-khẩu-dài-2024"
    response = client.post(
        response.redirect_chain[-1][0],
        {"new_password1": password, "new_password2": password},
        follow=True,
    )
    assert response.status_code == 200
    assert User.objects.get(username="lan.nt").check_password(password)


def test_package_with_content_exports_back_identically_and_reimport_changes_nothing(tmp_path):
    source = content_package(tmp_path)
    package_import(path=source)
    versions, audit = ProcedureVersion.objects.count(), AuditEntry.objects.count()
    package_export(path=tmp_path / "out")
    for name in ("procedures.csv", "components.csv", "users.csv"):
        assert (tmp_path / "out" / name).read_bytes() == (source / name).read_bytes(), name
    result = package_import(path=tmp_path / "out")
    assert ProcedureVersion.objects.count() == versions
    assert AuditEntry.objects.filter(action__startswith="user.import").count() == 3
    assert AuditEntry.objects.count() >= audit
    for name in ("components.csv", "users.csv"):
        counts = result.files[name]
        assert counts.created == counts.updated == 0, name


def test_components_of_a_procedure_are_replaced_by_the_package(tmp_path):
    package_import(path=content_package(tmp_path))
    lltp = Procedure.objects.get(code="1.001612.000.00.00.H12")
    version = lltp.version
    only_one = (
        "procedure_code,order,name\n1.001612.000.00.00.H12,1,Tờ khai (Mẫu số 03/2013/TT-LLTP)\n"
    )
    package_import(path=write_package(tmp_path / "again", {"components.csv": only_one}))
    lltp.refresh_from_db()
    assert list(lltp.components.values_list("name", flat=True)) == [
        "Tờ khai (Mẫu số 03/2013/TT-LLTP)"
    ]
    assert lltp.version == version + 1
    # The other procedure, not in the package, keeps its components.
    assert ProcedureComponent.objects.filter(procedure__code="1.004227.000.00.00.H12").count() == 2


def test_a_broken_components_row_is_refused_with_its_line(tmp_path):
    broken = COMPONENTS + (
        "9.999999.000.00.00.H12,1,Đơn,1,0,1,\r\n"
        "1.001612.000.00.00.H12,2,Trùng thứ tự,1,0,1,\r\n"
        "1.001612.000.00.00.H12,0,,x,0,1,\r\n"
    )
    errors = import_errors(content_package(tmp_path, components_csv=broken))
    text = "\n".join(errors)
    assert "components.csv:6: procedure_code:" in text
    assert "components.csv:7:" in text  # duplicate procedure_code + order
    assert "components.csv:8: order: phải từ 1 trở lên" in text
    assert "components.csv:8: name: bắt buộc" in text
    assert "components.csv:8: originals:" in text
    # All or nothing: not even the valid files were written.
    assert not Procedure.objects.exists() and not User.objects.exists()


def test_a_broken_users_row_is_refused_with_its_line(tmp_path):
    broken = USERS + (
        "x.y,Lê Văn X,,999.99.99.H12,handler,,1\r\n"
        "a.b,Lê Văn A,,000.00.12.H12,mayor,,1\r\n"
        "c d,,,000.00.12.H12,handler,not-an-address,1\r\n"
        "lan.nt,Nguyễn Thị Lan,,000.00.12.H12,handler,,1\r\n"
    )
    errors = import_errors(content_package(tmp_path, users_csv=broken))
    text = "\n".join(errors)
    assert "users.csv:5: agency_code:" in text
    assert "users.csv:6: role: giá trị không hợp lệ" in text
    assert "users.csv:7: username:" in text
    assert "users.csv:7: full_name: bắt buộc" in text
    assert "users.csv:7: email:" in text
    assert "users.csv:8:" in text  # the same username twice
    assert not User.objects.exists() and not Procedure.objects.exists()


def test_a_password_column_is_refused(tmp_path):
    users = "username,full_name,agency_code,role,password\nlan,Lan,000.00.12.H12,handler,x\n"
    errors = import_errors(content_package(tmp_path, users_csv=users))
    assert any(e.startswith("users.csv:1: password:") for e in errors)


def test_reimport_updates_a_changed_officer_and_audits_it(tmp_path):
    package_import(path=content_package(tmp_path))
    changed = USERS.replace("Trần Văn Minh,Phó Giám đốc", "Trần Văn Minh,Giám đốc")
    package_import(path=content_package(tmp_path / "2", users_csv=changed))
    assert User.objects.get(username="minh.tv").title == "Giám đốc"
    entry = AuditEntry.objects.get(action="user.import_update")
    assert entry.data["username"] == "minh.tv" and entry.actor_label == "import"
    assert entry.data["changed"] == ["title"]


def test_reset_link_command_prints_a_working_link(tmp_path, settings):
    settings.MOTCUA_PUBLIC_URL = "https://motcua.example.vn/"
    package_import(path=content_package(tmp_path))
    out = StringIO()
    call_command("user", "reset-link", "minh.tv", stdout=out)
    link = out.getvalue().strip()
    assert link.startswith("https://motcua.example.vn/dat-mat-khau/")
    response = Client().get(link.removeprefix("https://motcua.example.vn"), follow=True)
    assert b'name="new_password1"' in response.content
    with pytest.raises(CommandError):
        call_command("user", "reset-link", "nobody")
    with pytest.raises(CommandError):
        call_command("user", "reset-link", "nghi.hd")  # inactive


def test_imported_content_shows_on_the_procedure_page_and_in_the_api(tmp_path):
    package_import(path=content_package(tmp_path))
    page = Client().get("/thu-tuc/1.001612.000.00.00.H12/").content.decode()
    for text in (
        "Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp (Mẫu số 03/2013/TT-LLTP)",
        "Bước 2: Nhận kết quả.",
        "Nghị định số 111/2010/NĐ-CP",
        "Trực tiếp; trực tuyến; qua bưu chính",
    ):
        assert text in page
    officer = User.objects.get(username="minh.tv")
    client = Client()
    client.force_login(officer)
    data = client.get("/api/procedures/1.001612.000.00.00.H12/").json()
    assert data["result"] == "Phiếu lý lịch tư pháp"
    assert data["legal_basis"].endswith("Nghị định số 111/2010/NĐ-CP")
    assert [c["name"] for c in data["components"]] == [
        "Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp (Mẫu số 03/2013/TT-LLTP)",
        "Bản chụp giấy tờ tùy thân",
    ]


def test_the_desk_checklist_lists_the_imported_components(tmp_path):
    package_import(path=content_package(tmp_path))
    officer = User.objects.get(username="lan.nt")
    client = Client()
    client.force_login(officer)
    page = client.get("/can-bo/ho-so/", follow=True)  # a session, as the desk has
    assert page.status_code == 200
    checklist = client.get(
        reverse("desk-intake-checklist"), {"procedure": "1.001612.000.00.00.H12"}
    ).content.decode()
    assert "Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp (Mẫu số 03/2013/TT-LLTP)" in checklist
    assert "Bản chụp giấy tờ tùy thân" in checklist
