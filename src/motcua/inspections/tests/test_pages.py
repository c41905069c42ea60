"""The inspection pages through the Django test client: a plan entered through the forms
reproduces statistics.md §8 of the annual report; the late list; who may do what; bad input
refused with nothing written."""

import datetime as dt
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from motcua.accounts.models import User
from motcua.accounts.roles import Role
from motcua.audit.models import AuditEntry
from motcua.inspections.models import (
    Inspection,
    InspectionAttachment,
    InspectionPlan,
    Recommendation,
    RecommendationReport,
    RecommendationState,
)
from motcua.inspections.selectors import inspection_figures
from motcua.reports.annual import annual_figures, annual_period
from motcua.testing.factories import AgencyFactory
from motcua.testing.files import PDF, SVG_WITH_SCRIPT

pytestmark = pytest.mark.django_db

D = dt.date
Y = 2024
TEAM = {
    "head_name": "Nguyễn Văn An",
    "head_title": "Phó Chánh Văn phòng UBND tỉnh",
    "members": "Trần Thị Bình, Trưởng phòng Kiểm soát TTHC\nLê Văn Cường, Chuyên viên",
}


def user(username: str, role: str, agency) -> User:
    return User.objects.create_user(username=username, password="x", role=role, agency=agency)


@pytest.fixture
def office():
    return AgencyFactory(name="Văn phòng UBND tỉnh", code="VP")


@pytest.fixture
def controller(client, office):
    officer = user("kiemsoat", Role.CONTROLLER, office)
    client.force_login(officer)
    return officer


def pdf(name="qd.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def post_plan(client, year=Y, **extra):
    data = {
        "decision_number": "12/QĐ-UBND",
        "decision_date": f"{year - 1}-12-20",
        "decision_signer": "Phạm Văn Dũng, Chủ tịch UBND tỉnh",
        "decision_file": pdf(),
        **extra,
    }
    return client.post(reverse("inspection-plan-create", args=[year]), data)


def stored_files(settings) -> list[Path]:
    root = Path(settings.MEDIA_ROOT)
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def test_plan_entered_through_the_pages_reproduces_section_8(client, controller):
    departments = [AgencyFactory(name=f"Sở {n}", kind="department") for n in "ABCDE"]
    la_gi = AgencyFactory(name="UBND thị xã La Gi", kind="district")
    bac_binh = AgencyFactory(name="UBND huyện Bắc Bình", kind="district")
    tuy_phong = AgencyFactory(name="UBND huyện Tuy Phong", kind="district")

    assert post_plan(client).status_code == 302
    for n, agency in enumerate(departments):
        answer = client.post(
            reverse("inspection-plan-add", args=[Y]),
            {"agency": agency.pk, "quarter": n % 4 + 1, **TEAM},
        )
        assert answer.status_code == 302, answer.content.decode()
    page = client.get(reverse("inspection-plan", args=[Y])).content.decode()
    assert "Đã kiểm tra 0/5 cơ quan theo kế hoạch" in page
    for n, inspection in enumerate(Inspection.objects.filter(plan__year=Y)):
        answer = client.post(
            reverse("inspection-hold", args=[inspection.pk]),
            {"inspected_on": f"{Y}-09-{10 + n}", "findings": "Niêm yết TTHC đầy đủ."},
        )
        assert answer.status_code == 302, answer.content.decode()
    for agency, on in ((la_gi, "2024-11-05"), (tuy_phong, "2024-10-22"), (bac_binh, "2024-10-22")):
        answer = client.post(
            reverse("inspection-surprise-create"),
            {
                "agency": agency.pk,
                "inspected_on": on,
                "decision_number": f"{agency.pk}/QĐ-VP",
                "decision_date": "2024-10-01",
                "decision_file": pdf(),
                **TEAM,
            },
        )
        assert answer.status_code == 302, answer.content.decode()

    expected = {
        "planned": 5,
        "done": 5,
        "surprise": [
            {"agency": "UBND huyện Bắc Bình", "date": "2024-10-22"},
            {"agency": "UBND huyện Tuy Phong", "date": "2024-10-22"},
            {"agency": "UBND thị xã La Gi", "date": "2024-11-05"},
        ],
    }
    assert annual_figures(Y)["inspections"] == expected
    assert inspection_figures(annual_period(Y)) == expected
    page = client.get(reverse("inspection-plan", args=[Y])).content.decode()
    assert "Đã kiểm tra 5/5 cơ quan theo kế hoạch" in page
    assert "100,00%" in page
    inspection = Inspection.objects.get(agency=departments[0])
    assert [(m.full_name, m.is_head) for m in inspection.members.all()] == [
        ("Nguyễn Văn An", True),
        ("Trần Thị Bình", False),
        ("Lê Văn Cường", False),
    ]
    assert inspection.plan_reference == "12/QĐ-UBND ngày 20/12/2023"
    assert AuditEntry.objects.filter(action="inspection.hold").count() == 5


@pytest.fixture
def held(client, controller):
    """A held planned inspection of a department with a unit below it."""
    department = AgencyFactory(name="Sở Tư pháp", code="STP", kind="department")
    unit = AgencyFactory(name="Phòng Hành chính tư pháp", code="STP-HC", parent=department)
    today = timezone.localdate()
    post_plan(client, year=today.year, decision_date=f"{today.year - 1}-12-20")
    client.post(
        reverse("inspection-plan-add", args=[today.year]),
        {"agency": department.pk, "quarter": 1, **TEAM},
    )
    inspection = Inspection.objects.get(agency=department)
    on = max(D(today.year, 1, 1), today - dt.timedelta(days=60))
    answer = client.post(reverse("inspection-hold", args=[inspection.pk]), {"inspected_on": on})
    assert answer.status_code == 302
    inspection.refresh_from_db()
    return inspection, department, unit


def recommend(client, inspection, owner, due_on, text):
    return client.post(
        reverse("inspection-recommend", args=[inspection.pk]),
        {"text": text, "owner": owner.pk, "due_on": due_on.isoformat()},
    )


def test_overdue_recommendation_on_the_office_page_overdue_first(client, held):
    inspection, department, unit = held
    today = timezone.localdate()
    on = inspection.inspected_on
    # Due dates after the inspection and before today; the one reported late comes after.
    recommend(client, inspection, department, on + dt.timedelta(days=1), "Báo cáo trễ")
    recommend(client, inspection, unit, on + dt.timedelta(days=2), "Niêm yết lại TTHC")
    recommend(client, inspection, department, today + dt.timedelta(days=30), "Chưa đến hạn")
    late_done = Recommendation.objects.get(text="Báo cáo trễ")
    Recommendation.objects.filter(pk=late_done.pk).update(
        state=RecommendationState.DONE, completed_on=on + dt.timedelta(days=2)
    )

    page = client.get(reverse("inspection-late")).content.decode()

    assert "Chưa đến hạn" not in page
    assert page.index("Niêm yết lại TTHC") < page.index("Báo cáo trễ")
    overdue = (today - (on + dt.timedelta(days=2))).days
    assert f"Trễ hạn {overdue} ngày" in page
    assert reverse("inspection-detail", args=[inspection.pk]) in page


def test_agency_reports_only_on_its_own_and_the_office_accepts(client, held, settings):
    inspection, department, unit = held
    today = timezone.localdate()
    due = today + dt.timedelta(days=10)
    recommend(client, inspection, unit, due, "Việc của phòng")
    recommend(client, inspection, department, due, "Việc của sở")
    other = AgencyFactory(name="Sở Y tế", code="SYT")
    unit_rec = Recommendation.objects.get(text="Việc của phòng")
    dept_rec = Recommendation.objects.get(text="Việc của sở")

    client.force_login(user("xuly-phong", Role.HANDLER, unit))
    page = client.get(reverse("inspection-agency-recommendations")).content.decode()
    assert "Việc của phòng" in page and "Việc của sở" not in page
    assert client.get(reverse("inspection-agency-report", args=[dept_rec.pk])).status_code == 404
    # The office's pages and actions are not theirs.
    assert client.get(reverse("inspection-plan", args=[today.year])).status_code == 403
    assert client.get(reverse("inspection-detail", args=[inspection.pk])).status_code == 403
    assert client.post(reverse("inspection-plan-create", args=[2030])).status_code == 403
    assert client.post(reverse("inspection-answer", args=[unit_rec.pk])).status_code == 403

    answer = client.post(
        reverse("inspection-agency-report", args=[unit_rec.pk]),
        {"text": "Đã niêm yết lại", "done_on": today.isoformat(), "evidence": pdf("anh.pdf")},
    )
    assert answer.status_code == 302
    unit_rec.refresh_from_db()
    assert (unit_rec.state, unit_rec.completed_on) == (RecommendationState.REPORTED, today)
    report = unit_rec.reports.get()
    download = client.get(reverse("inspection-agency-evidence", args=[unit_rec.pk, report.pk]))
    assert download.status_code == 200 and download["Content-Disposition"].startswith("attach")

    # The parent department's officers see the unit's too; another agency's see nothing.
    client.force_login(user("xuly-so", Role.APPROVER, department))
    page = client.get(reverse("inspection-agency-recommendations")).content.decode()
    assert "Việc của phòng" in page and "Việc của sở" in page
    client.force_login(user("xuly-yte", Role.HANDLER, other))
    assert (
        "Việc của" not in client.get(reverse("inspection-agency-recommendations")).content.decode()
    )
    assert (
        client.get(reverse("inspection-agency-evidence", args=[unit_rec.pk, report.pk])).status_code
        == 404
    )

    # The controller reopens without a reason: refused; with one: open again; then accepts.
    client.force_login(User.objects.get(username="kiemsoat"))
    client.post(reverse("inspection-answer", args=[unit_rec.pk]), {"decision": "reopen"})
    unit_rec.refresh_from_db()
    assert unit_rec.state == RecommendationState.REPORTED
    client.post(
        reverse("inspection-answer", args=[unit_rec.pk]),
        {"decision": "reopen", "answer": "Thiếu ảnh chụp bảng niêm yết"},
    )
    unit_rec.refresh_from_db()
    assert (unit_rec.state, unit_rec.completed_on) == (RecommendationState.OPEN, None)
    client.force_login(User.objects.get(username="xuly-phong"))
    client.post(
        reverse("inspection-agency-report", args=[unit_rec.pk]),
        {"text": "Bổ sung ảnh", "done_on": today.isoformat()},
    )
    client.force_login(User.objects.get(username="kiemsoat"))
    client.post(reverse("inspection-answer", args=[unit_rec.pk]), {"decision": "accept"})
    unit_rec.refresh_from_db()
    assert unit_rec.state == RecommendationState.DONE
    assert [r.accepted for r in unit_rec.reports.order_by("pk")] == [False, True]
    page = client.get(reverse("inspection-detail", args=[inspection.pk])).content.decode()
    assert "Đang theo dõi kiến nghị" in page  # the department's own is still open
    client.force_login(User.objects.get(username="xuly-so"))
    client.post(
        reverse("inspection-agency-report", args=[dept_rec.pk]),
        {"text": "Xong", "done_on": today.isoformat()},
    )
    client.force_login(User.objects.get(username="kiemsoat"))
    client.post(reverse("inspection-answer", args=[dept_rec.pk]), {"decision": "accept"})
    page = client.get(reverse("inspection-detail", args=[inspection.pk])).content.decode()
    assert "Đã kết thúc" in page


def test_anonymous_is_sent_to_the_login_page(client):
    for name, args in (
        ("inspection-home", []),
        ("inspection-late", []),
        ("inspection-agency-recommendations", []),
        ("inspection-plan", [Y]),
    ):
        answer = client.get(reverse(name, args=args))
        assert answer.status_code == 302
        assert answer["Location"].startswith(reverse("login"))


def test_the_controller_plans(client, controller):
    assert client.get(reverse("inspection-home")).status_code == 302
    assert client.get(reverse("inspection-plan-create", args=[Y])).status_code == 200
    assert post_plan(client).status_code == 302
    assert InspectionPlan.objects.get(year=Y).decision_signer == "Phạm Văn Dũng, Chủ tịch UBND tỉnh"
    assert client.get(reverse("inspection-plan-file", args=[Y])).status_code == 200


# ---- bad input: a clear error, nothing written ------------------------------------------------


def _nothing_written(before_audit: int) -> None:
    assert AuditEntry.objects.count() == before_audit


def test_hold_date_outside_the_plan_year(client, controller):
    agency = AgencyFactory()
    post_plan(client)
    client.post(
        reverse("inspection-plan-add", args=[Y]), {"agency": agency.pk, "quarter": 2, **TEAM}
    )
    inspection = Inspection.objects.get(agency=agency)
    before = AuditEntry.objects.count()

    answer = client.post(
        reverse("inspection-hold", args=[inspection.pk]), {"inspected_on": "2025-01-05"}
    )

    assert answer.status_code == 400
    assert "Ngày kiểm tra phải trong năm kế hoạch 2024." in answer.content.decode()
    inspection.refresh_from_db()
    assert inspection.inspected_on is None
    _nothing_written(before)


def test_due_date_before_the_inspection(client, held):
    inspection, department, _unit = held
    before = AuditEntry.objects.count()

    answer = recommend(client, inspection, department, inspection.inspected_on, "Sớm quá")

    assert answer.status_code == 400
    assert "Hạn thực hiện kiến nghị phải sau ngày kiểm tra" in answer.content.decode()
    assert not Recommendation.objects.exists()
    _nothing_written(before)


def test_owner_outside_the_inspected_agency(client, held):
    inspection, _department, _unit = held
    stranger = AgencyFactory(name="UBND huyện Đức Linh")
    due = timezone.localdate() + dt.timedelta(days=5)

    answer = recommend(client, inspection, stranger, due, "Không phải việc của họ")

    assert answer.status_code == 400  # not among the choices of the form
    assert not Recommendation.objects.exists()


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (SimpleUploadedFile("qd.pdf", SVG_WITH_SCRIPT), "không đúng định dạng"),
        (SimpleUploadedFile("qd.pdf", PDF + b"0" * 2048), "quá lớn"),
    ],
)
def test_wrong_or_huge_file(client, controller, settings, upload, message):
    settings.MOTCUA_MAX_UPLOAD_BYTES = 1024
    before = AuditEntry.objects.count()

    answer = post_plan(client, decision_file=upload)

    assert answer.status_code == 200
    assert message in answer.content.decode()
    assert not InspectionPlan.objects.exists()
    assert stored_files(settings) == []
    _nothing_written(before)


def test_wrong_attachment_and_evidence(client, held, settings):
    inspection, department, _unit = held
    answer = client.post(
        reverse("inspection-attach", args=[inspection.pk]),
        {"kind": "minutes", "file": SimpleUploadedFile("bb.docx", b"not a docx")},
    )
    assert answer.status_code == 400
    assert not InspectionAttachment.objects.exists()
    answer = client.post(
        reverse("inspection-attach", args=[inspection.pk]),
        {"kind": "minutes", "file": pdf("bien-ban.pdf")},
    )
    assert answer.status_code == 302
    attachment = InspectionAttachment.objects.get()
    assert (
        client.get(
            reverse("inspection-attachment", args=[inspection.pk, attachment.pk])
        ).status_code
        == 200
    )

    recommend(client, inspection, department, timezone.localdate() + dt.timedelta(days=3), "K")
    recommendation = Recommendation.objects.get()
    client.force_login(user("xuly", Role.HANDLER, department))
    answer = client.post(
        reverse("inspection-agency-report", args=[recommendation.pk]),
        {
            "text": "Xong",
            "done_on": timezone.localdate().isoformat(),
            "evidence": SimpleUploadedFile("x.png", SVG_WITH_SCRIPT),
        },
    )
    assert answer.status_code == 400
    assert not RecommendationReport.objects.exists()
    recommendation.refresh_from_db()
    assert recommendation.state == RecommendationState.OPEN
