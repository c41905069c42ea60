"""Officers' dossier pages: who may open them, agency scoping, every action through the page,
counter intake, the work list, downloads and the register."""

import datetime as dt
import shutil

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from motcua.accounts.models import User
from motcua.accounts.roles import Role
from motcua.agencies.models import Agency, AgencyKind
from motcua.audit.models import AuditEntry
from motcua.dossiers import services as s
from motcua.dossiers.models import Dossier, DossierStep, Evaluation
from motcua.dossiers.slips.issue import slip_bytes
from motcua.dossiers.tests.test_slips import text_of
from motcua.dossiers.workflow import Action, State
from motcua.procedures.models import Level
from motcua.procedures.services import procedure_save
from motcua.testing.factories import DossierFactory

DESK, HANDLER, APPROVER = Role.INTAKE_OFFICER, Role.HANDLER, Role.APPROVER
APPLICANT = s.ApplicantData(
    name="Nguyễn Văn An",
    id_number="060123456789",
    address="Phan Thiết",
    phone="0912345678",
    email="an@example.vn",
)
PDF = b"%PDF-1.4 minimal"


def pdf(name="don.pdf", content=PDF):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def now():
    return timezone.now()


def login(client, world, role, agency="dept"):
    client.force_login(world.user(role, agency))
    return client


def make(world, state, **kwargs):
    return DossierFactory.create(
        state,
        procedure=world.procedure,
        applicant=APPLICANT,
        components=[s.ComponentData(name="Tờ khai", file=pdf())],
        **kwargs,
    )


def submitted(world):
    return make(world, "submitted")


def received(world):
    return make(world, "received")


def processing(world, *, assigned=True):
    return make(world, "processing" if assigned else "transferred")


def at_approval(world):
    return make(world, "at_approval")


def resolved(world):
    return make(world, "resolved")


def returned(world):
    return make(world, "returned")


def act(client, dossier, action, data=None, **extra):
    url = reverse("officer-dossier-action", args=[dossier.code, action])
    prefixed = {f"{action}-{key}": value for key, value in (data or {}).items()}
    return client.post(url, {**prefixed, **extra})


def reload(dossier):
    return Dossier.objects.get(pk=dossier.pk)


SCORES = {
    "total_time": 2,
    "agency_time": 2,
    "visits": 2,
    "agencies_contacted": 1,
    "one_stop": 2,
    "publicity": 2,
    "attitude": 2,
    "feedback_handling": 1,
    "online": 0,
}


# ---- access ---------------------------------------------------------------------------------

DESK_PAGES = [
    "desk-queue",
    "desk-intake",
    "desk-returns",
    "desk-visits",
    "desk-register",
    "desk-procedure-suggest",
    "desk-intake-checklist",
]


def dossier_pages(dossier):
    return [
        reverse("officer-dossier-detail", args=[dossier.code]),
        reverse("officer-dossier-control-sheet", args=[dossier.code]),
    ]


@pytest.mark.parametrize("name", ["officer-dossier-list", *DESK_PAGES])
def test_anonymous_is_sent_to_login(client, db, name):
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login") + "?next=")


def test_anonymous_dossier_page_and_action_go_to_login(client, world):
    dossier = received(world)
    for url in dossier_pages(dossier):
        assert client.get(url).status_code == 302
    assert act(client, dossier, "transfer").status_code == 302
    assert reload(dossier).state == State.RECEIVED


@pytest.mark.parametrize("role", [HANDLER, APPROVER, Role.CONTROLLER])
def test_desk_pages_are_for_intake_officers_only(client, world, role):
    user = User.objects.create_user(username=f"x-{role}", role=role, agency=world.dept)
    client.force_login(user)
    for name in DESK_PAGES:
        assert client.get(reverse(name)).status_code == 403, name


def test_desk_pages_render_for_the_desk(client, world):
    login(client, world, DESK)
    for name in DESK_PAGES:
        assert client.get(reverse(name)).status_code == 200, name


@pytest.mark.parametrize("role", [Role.EDITOR, Role.ADMINISTRATOR])
def test_work_pages_refuse_roles_without_dossiers(client, world, role):
    dossier = received(world)
    client.force_login(User.objects.create_user(username="x", role=role, agency=world.dept))
    assert client.get(reverse("officer-dossier-list")).status_code == 403
    assert client.get(reverse("officer-dossier-detail", args=[dossier.code])).status_code == 403


@pytest.mark.parametrize("role", [DESK, HANDLER, APPROVER, Role.CONTROLLER])
def test_work_pages_render_for_officers(client, world, role):
    dossier = processing(world)
    client.force_login(User.objects.create_user(username="x", role=role, agency=world.dept))
    assert client.get(reverse("officer-dossier-list")).status_code == 200
    response = client.get(reverse("officer-dossier-detail", args=[dossier.code]))
    assert response.status_code == 200
    assert dossier.code in response.content.decode()


def test_controller_reads_but_has_no_action(client, world):
    dossier = processing(world)
    client.force_login(
        User.objects.create_user(username="kiemsoat", role=Role.CONTROLLER, agency=world.province)
    )
    response = client.get(reverse("officer-dossier-detail", args=[dossier.code]))
    assert response.context["panels"] == []
    response = act(client, dossier, "forward", {"note": "x"})
    assert response.status_code == 400
    assert "không được phép" in response.content.decode()
    assert reload(dossier).steps.filter(finished_at__isnull=False).count() == 0


# ---- another agency's dossier is a 404, everywhere ------------------------------------------


@pytest.mark.storage
def test_other_agency_gets_404_on_everything(client, world):
    dossier = received(world)
    with_result = resolved(world)
    login(client, world, DESK, "other")
    document = dossier.documents.get(kind="receipt")
    component = dossier.components.get()
    urls = [
        *dossier_pages(dossier),
        reverse("officer-dossier-document", args=[dossier.code, document.pk, "docx"]),
        reverse("officer-dossier-document", args=[dossier.code, document.pk, "pdf"]),
        reverse("officer-dossier-component", args=[dossier.code, component.pk]),
        reverse("officer-dossier-result", args=[with_result.code]),
        reverse("desk-intake-done", args=[dossier.code]),
    ]
    for url in urls:
        assert client.get(url).status_code == 404, url
    events = dossier.events.count()
    for action in Action:
        if action in (Action.SUBMIT, Action.RECEIVE):
            continue
        response = act(client, dossier, action.value, {"reason": "x", "items": "y"})
        assert response.status_code == 404, action
    assert reload(dossier).state == State.RECEIVED
    assert dossier.events.count() == events


def test_document_of_another_dossier_is_a_404(client, world):
    mine, other = received(world), received(world)
    login(client, world, DESK)
    foreign = other.documents.get()
    url = reverse("officer-dossier-document", args=[mine.code, foreign.pk, "docx"])
    assert client.get(url).status_code == 404
    url = reverse("officer-dossier-component", args=[mine.code, other.components.get().pk])
    assert client.get(url).status_code == 404


def test_action_without_csrf_token_is_refused(world):
    dossier = received(world)
    client = Client(enforce_csrf_checks=True)
    login(client, world, DESK)
    assert act(client, dossier, "transfer").status_code == 403
    assert reload(dossier).state == State.RECEIVED


def test_unknown_action_is_a_404_and_get_is_refused(client, world):
    dossier = received(world)
    login(client, world, DESK)
    assert act(client, dossier, "explode").status_code == 404
    url = reverse("officer-dossier-action", args=[dossier.code, "transfer"])
    assert client.get(url).status_code == 405
    assert reload(dossier).state == State.RECEIVED


# ---- every action through the page ----------------------------------------------------------


def test_desk_accepts_from_the_queue(client, world):
    dossier = submitted(world)
    login(client, world, DESK)
    queue = client.get(reverse("desk-queue"))
    assert [d.code for d in queue.context["page"].object_list] == [dossier.code]
    response = act(client, dossier, "accept", next=reverse("desk-queue"))
    assert response.status_code == 302 and response["Location"] == reverse("desk-queue")
    dossier = reload(dossier)
    assert dossier.state == State.RECEIVED and dossier.due_at is not None
    assert dossier.documents.filter(kind="receipt").exists()


def test_desk_refuses_intake_and_reason_is_required(client, world):
    dossier = submitted(world)
    login(client, world, DESK)
    response = act(client, dossier, "refuse_intake", {"reason": ""}, next=reverse("desk-queue"))
    assert response.status_code == 302
    assert reload(dossier).state == State.SUBMITTED
    messages = [str(m) for m in client.get(reverse("desk-queue")).context["messages"]]
    assert any("Chưa thực hiện" in m for m in messages)
    act(client, dossier, "refuse_intake", {"reason": "Không thuộc thẩm quyền"})
    dossier = reload(dossier)
    assert dossier.state == State.REJECTED
    assert dossier.documents.filter(kind="refusal").exists()


@pytest.mark.storage
def test_request_supplement_at_intake_and_record_it_at_the_desk(client, world):
    dossier = submitted(world)
    login(client, world, DESK)
    act(client, dossier, "request_supplement", {"items": "Bản sao CCCD", "reason": "Thiếu"})
    dossier = reload(dossier)
    assert dossier.state == State.AWAITING_SUPPLEMENT
    assert dossier.supplements.get().items == "Bản sao CCCD"
    response = client.post(
        reverse("officer-dossier-action", args=[dossier.code, "record_supplement"]),
        {"record_supplement-files": [pdf("cccd.pdf")], "record_supplement-note": "Đã nộp"},
    )
    assert response.status_code == 302
    dossier = reload(dossier)
    assert dossier.state == State.SUBMITTED
    assert dossier.components.filter(supplement__isnull=False).count() == 1


def test_supplement_request_lists_the_ticked_components_then_the_typed_items(client, world):
    first, second = (
        world.procedure.components.create(name=name, originals=1, copies=0, required=True)
        for name in ("Tờ khai yêu cầu cấp phiếu", "Bản sao giấy khai sinh")
    )
    dossier = processing(world)
    login(client, world, HANDLER)
    page = client.get(reverse("officer-dossier-detail", args=[dossier.code]))
    panel = next(p for p in page.context["panels"] if p.action == Action.REQUEST_SUPPLEMENT)
    assert [label for _pk, label in panel.form.fields["missing"].choices] == [
        "Tờ khai yêu cầu cấp phiếu",
        "Bản sao giấy khai sinh",
    ]
    response = act(client, dossier, "request_supplement", {"items": "  ", "reason": "Thiếu"})
    assert response.status_code == 400 and reload(dossier).state == State.PROCESSING
    act(
        client,
        dossier,
        "request_supplement",
        {"missing": [str(second.pk)], "items": "Giấy ủy quyền\n", "reason": "Thiếu"},
    )
    request = reload(dossier).supplements.get()
    assert request.items == "Bản sao giấy khai sinh\nGiấy ủy quyền"
    slip = reload(dossier).documents.get(kind="supplement")
    text = text_of(slip_bytes(slip))
    assert "Bản sao giấy khai sinh" in text and "Giấy ủy quyền" in text
    assert first.name not in text


def test_processing_journey_through_the_page(client, world):
    dossier = received(world)
    login(client, world, DESK)
    act(client, dossier, "transfer")
    dossier = reload(dossier)
    assert dossier.state == State.PROCESSING and dossier.steps.count() == 2

    login(client, world, APPROVER)
    page = client.get(reverse("officer-dossier-detail", args=[dossier.code]))
    assign = next(p for p in page.context["panels"] if p.action == Action.ASSIGN)
    # Only officers of the step's agency with the step's role are offered.
    assert list(assign.form.fields["assignee"].queryset) == [world.user(HANDLER)]
    act(client, dossier, "assign", {"assignee": world.user(HANDLER).pk})
    assert dossier.steps.get(order=1).assignee == world.user(HANDLER)

    login(client, world, HANDLER)
    act(client, dossier, "request_supplement", {"items": "Giấy ủy quyền"})
    assert reload(dossier).state == State.AWAITING_SUPPLEMENT

    login(client, world, DESK)
    act(client, dossier, "record_supplement", {"note": "Nộp tại quầy"})
    assert reload(dossier).state == State.PROCESSING

    login(client, world, HANDLER)
    act(client, dossier, "forward", {"note": "Đủ điều kiện"})
    step = dossier.steps.get(order=1)
    assert step.finished_at is not None and step.note == "Đủ điều kiện"

    login(client, world, APPROVER)
    response = client.post(
        reverse("officer-dossier-action", args=[dossier.code, "approve"]),
        {"approve-note": "Cấp phiếu", "approve-result_file": pdf("ket-qua.pdf")},
    )
    assert response.status_code == 302
    dossier = reload(dossier)
    assert dossier.state == State.RESOLVED and dossier.result_digitized

    login(client, world, DESK)
    returns = client.get(reverse("desk-returns"))
    assert [d.code for d in returns.context["page"].object_list] == [dossier.code]
    result = client.get(reverse("officer-dossier-result", args=[dossier.code]))
    assert result.status_code == 200 and b"".join(result.streaming_content) == PDF
    response = act(
        client, dossier, "return_result", {"method": "desk", **SCORES}, next=reverse("desk-returns")
    )
    assert response.status_code == 302
    dossier = reload(dossier)
    assert dossier.state == State.RETURNED and dossier.return_method == "desk"
    evaluation = Evaluation.objects.get(dossier=dossier)
    assert evaluation.total == sum(SCORES.values()) and not evaluation.by_applicant


def test_return_with_partial_evaluation_changes_nothing(client, world):
    dossier = resolved(world)
    login(client, world, DESK)
    response = act(client, dossier, "return_result", {"method": "desk", "one_stop": 1})
    assert response.status_code == 400
    assert "4 chỉ số" in response.content.decode()
    assert reload(dossier).state == State.RESOLVED


def test_evaluate_after_return(client, world):
    dossier = returned(world)
    login(client, world, DESK)
    page = client.get(reverse("officer-dossier-detail", args=[dossier.code]))
    assert [p.action for p in page.context["panels"]] == [Action.EVALUATE]
    act(client, dossier, "evaluate", {**SCORES, "comment": "Tốt"})
    assert Evaluation.objects.get(dossier=dossier).comment == "Tốt"
    page = client.get(reverse("officer-dossier-detail", args=[dossier.code]))
    assert page.context["panels"] == []  # evaluated once


@pytest.mark.parametrize(
    ("action", "role", "outcome"),
    [
        ("refuse", APPROVER, "refused"),
        ("stop", APPROVER, "stopped"),
        ("withdraw", DESK, "withdrawn"),
    ],
)
def test_ending_actions(client, world, action, role, outcome):
    dossier = at_approval(world)
    login(client, world, role)
    response = act(client, dossier, action, {"reason": ""})
    assert response.status_code == 400  # the reason is required
    assert reload(dossier).state == State.PROCESSING
    act(client, dossier, action, {"reason": "Theo đề nghị"})
    dossier = reload(dossier)
    assert dossier.outcome == outcome and dossier.ended_at is not None


def test_apologise_with_a_new_date(client, world):
    dossier = processing(world)
    login(client, world, HANDLER)
    new_date = timezone.localtime(dossier.due_at + dt.timedelta(days=3))
    act(
        client,
        dossier,
        "apologise",
        {"reason": "Cần xác minh", "new_date": new_date.strftime("%Y-%m-%dT%H:%M")},
    )
    dossier = reload(dossier)
    assert dossier.promised_at == new_date.replace(second=0, microsecond=0)
    assert dossier.documents.filter(kind="apology").exists()
    page = client.get(reverse("officer-dossier-detail", args=[dossier.code]))
    assert "Hẹn lại (phiếu xin lỗi)" in page.content.decode()


def test_apology_date_before_the_due_date_is_refused_with_the_service_message(client, world):
    dossier = processing(world)
    login(client, world, HANDLER)
    early = timezone.localtime(now() + dt.timedelta(minutes=5)).strftime("%Y-%m-%dT%H:%M")
    response = act(client, dossier, "apologise", {"reason": "x", "new_date": early})
    assert response.status_code == 400
    assert "Ngày hẹn lại phải sau hạn giải quyết" in response.content.decode()
    assert reload(dossier).promised_at is None


def test_payment_request_and_record(client, world):
    dossier = processing(world)
    login(client, world, HANDLER)
    act(client, dossier, "request_payment", {"fee_vnd": 150000})
    assert reload(dossier).state == State.AWAITING_PAYMENT
    login(client, world, DESK)
    act(client, dossier, "record_payment", {"online": "on"})
    dossier = reload(dossier)
    assert dossier.state == State.PROCESSING and dossier.paid_online


def test_action_not_allowed_now_is_refused_and_not_offered(client, world):
    dossier = received(world)
    login(client, world, APPROVER)
    page = client.get(reverse("officer-dossier-detail", args=[dossier.code]))
    assert Action.APPROVE not in [p.action for p in page.context["panels"]]
    response = act(client, dossier, "approve", {"note": "x"})
    assert response.status_code == 400
    assert "Không thể phê duyệt kết quả" in response.content.decode()
    dossier = reload(dossier)
    assert dossier.state == State.RECEIVED and dossier.outcome == ""


def test_offered_actions_follow_role_scope_and_step(client, world):
    dossier = received(world)
    login(client, world, DESK)
    page = client.get(reverse("officer-dossier-detail", args=[dossier.code]))
    assert {p.action for p in page.context["panels"]} == {
        Action.TRANSFER,
        Action.REQUEST_SUPPLEMENT,
        Action.WITHDRAW,
        Action.APOLOGISE,
    }
    dossier = processing(world)
    login(client, world, HANDLER)
    page = client.get(reverse("officer-dossier-detail", args=[dossier.code]))
    offered = {p.action for p in page.context["panels"]}
    assert Action.FORWARD in offered and Action.APPROVE not in offered
    dossier = at_approval(world)
    page = client.get(reverse("officer-dossier-detail", args=[dossier.code]))
    # The handler's step is done: the approver's step is not the handler's to forward.
    assert Action.FORWARD not in {p.action for p in page.context["panels"]}
    login(client, world, APPROVER)
    page = client.get(reverse("officer-dossier-detail", args=[dossier.code]))
    offered = {p.action for p in page.context["panels"]}
    assert {Action.APPROVE, Action.REFUSE, Action.STOP} <= offered
    assert Action.FORWARD not in offered  # the last step


# ---- the dossier page -----------------------------------------------------------------------


@pytest.mark.storage
def test_dossier_page_shows_timeline_steps_components_and_documents(client, world):
    dossier = at_approval(world)
    login(client, world, HANDLER)
    response = client.get(reverse("officer-dossier-detail", args=[dossier.code]))
    html = response.content.decode()
    assert "Tiếp nhận hồ sơ" in html and "Chuyển bước tiếp theo" in html
    assert "Được tiếp nhận → Đang xử lý" in html
    assert "Thẩm định hồ sơ" in html and "Đang xử lý" in html
    assert response.context["deadline_text"].startswith("Tiếp nhận")
    # Step 0 is the desk's handover (its own budget), then the handler's and the approval step.
    steps = response.context["steps"]
    assert steps[0].name == "Bộ phận Một cửa chuyển hồ sơ"
    assert [s.timing_label for s in steps][-1] == "Đang xử lý"
    component = dossier.components.get()
    download = client.get(reverse("officer-dossier-component", args=[dossier.code, component.pk]))
    assert b"".join(download.streaming_content) == PDF
    assert "/media/" not in html  # files only through the scoped views
    document = dossier.documents.get(kind="receipt")
    docx = client.get(reverse("officer-dossier-document", args=[dossier.code, document.pk, "docx"]))
    assert b"".join(docx.streaming_content)[:2] == b"PK"
    sheet = client.get(reverse("officer-dossier-control-sheet", args=[dossier.code]))
    assert sheet.status_code == 200 and sheet.content[:2] == b"PK"


def test_personal_numbers_full_for_own_agency_masked_for_others(client, world):
    dossier = processing(world)
    login(client, world, HANDLER)
    html = client.get(reverse("officer-dossier-detail", args=[dossier.code])).content.decode()
    assert "0912345678" in html and "060123456789" in html
    client.force_login(
        User.objects.create_user(username="ks", role=Role.CONTROLLER, agency=world.province)
    )
    html = client.get(reverse("officer-dossier-detail", args=[dossier.code])).content.decode()
    assert "0912345678" not in html and "*******678" in html
    assert "060123456789" not in html


# ---- counter intake -------------------------------------------------------------------------


@pytest.fixture
def land(world):
    procedure, _ = procedure_save(
        code="1.000100.H12",
        values={
            "name": "Chứng thực bản sao",
            "level": Level.PROVINCE,
            "field": "Chứng thực",
            "authority": "central",
            "agency": world.dept,
            "processing_days": 3,
        },
        components=[
            {"name": "Đơn đề nghị", "originals": 1, "copies": 0, "required": True},
            {"name": "Giấy tờ tùy thân", "originals": 0, "copies": 2, "required": False},
        ],
    )
    return procedure


def intake_data(procedure, /, **overrides):
    data = {
        "procedure": procedure.code,
        "checklist_for": procedure.code,
        "applicant_name": "Trần Thị Bình",
        "applicant_id_number": "060200001234",
        "applicant_phone": "0987654321",
        "applicant_address": "Phan Thiết",
        "applicant_email": "",
        "applicant_kind": "person",
        "sets": "1",
        "channel": "direct",
        "note": "",
    }
    for component in procedure.components.all():
        data[f"c{component.pk}_received"] = "on"
        data[f"c{component.pk}_originals"] = str(component.originals)
        data[f"c{component.pk}_copies"] = str(component.copies)
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


@pytest.mark.storage
def test_counter_intake_creates_a_dossier_and_slip_01(client, world, land):
    login(client, world, DESK)
    first = land.components.first()
    data = intake_data(land, **{f"c{first.pk}_file": pdf("don.pdf")})
    response = client.post(reverse("desk-intake"), data)
    dossier = Dossier.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("desk-intake-done", args=[dossier.code])
    assert dossier.code.startswith("000.00.05.H12-")
    assert dossier.state == State.RECEIVED and dossier.applicant_name == "Trần Thị Bình"
    components = {c.name: c for c in dossier.components.all()}
    assert components["Đơn đề nghị"].digitized and components["Giấy tờ tùy thân"].copies == 2
    done = client.get(response["Location"])
    html = done.content.decode()
    assert dossier.code in html and "Tiếp nhận hồ sơ mới" in html
    assert done.context["deadline_text"]
    receipt = done.context["receipt"]
    slip = client.get(reverse("officer-dossier-document", args=[dossier.code, receipt.pk, "docx"]))
    assert slip.status_code == 200 and b"".join(slip.streaming_content)[:2] == b"PK"


@pytest.mark.storage
@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice is not installed")
def test_slip_01_as_pdf(client, world):
    dossier = received(world)
    login(client, world, DESK)
    receipt = dossier.documents.get(kind="receipt")
    response = client.get(
        reverse("officer-dossier-document", args=[dossier.code, receipt.pk, "pdf"])
    )
    assert b"".join(response.streaming_content)[:5] == b"%PDF-"


def test_unchecked_optional_component_is_left_out(client, world, land):
    login(client, world, DESK)
    optional = land.components.get(required=False)
    client.post(reverse("desk-intake"), intake_data(land, **{f"c{optional.pk}_received": None}))
    assert [c.name for c in Dossier.objects.get().components.all()] == ["Đơn đề nghị"]


def big_pdf():
    return pdf("lon.pdf", PDF + b"0" * 2000)


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"applicant_name": ""}, "applicant_name", "Vui lòng nhập"),
        ({"applicant_phone": "09ab"}, "applicant_phone", "Số điện thoại"),
        ({"applicant_email": "khong-phai-email"}, "applicant_email", "không hợp lệ"),
        ({"file": lambda: pdf("anh.exe", b"MZ\x90\x00")}, "file", "không đúng định dạng"),
        ({"file": lambda: pdf("gia.pdf", b"not a pdf")}, "file", "không đúng định dạng"),
        ({"file": big_pdf}, "file", "quá lớn"),
        ({"required_unchecked": True}, "__all__", "chưa đủ thành phần bắt buộc"),
        ({"procedure": "không có thủ tục này"}, "procedure", "Chưa chọn được thủ tục"),
    ],
)
def test_invalid_intake_shows_errors_and_creates_nothing(
    client, world, land, settings, overrides, field, message
):
    settings.MOTCUA_MAX_UPLOAD_BYTES = 1000
    login(client, world, DESK)
    first = land.components.get(required=True)
    overrides = dict(overrides)
    if "file" in overrides:
        overrides[f"c{first.pk}_file"] = overrides.pop("file")()
        field = f"c{first.pk}_file"
    if overrides.pop("required_unchecked", False):
        overrides[f"c{first.pk}_received"] = None
    response = client.post(reverse("desk-intake"), intake_data(land, **overrides))
    assert response.status_code == 400
    errors = " ".join(response.context["form"].errors.get(field, []))
    assert message in errors, response.context["form"].errors
    assert Dossier.objects.count() == 0


def test_intake_without_the_checklist_shows_it_first(client, world, land):
    login(client, world, DESK)
    data = intake_data(land, checklist_for="")
    data = {k: v for k, v in data.items() if not k.startswith("c") or k == "channel"}
    response = client.post(reverse("desk-intake"), data)
    assert response.status_code == 200 and response.context["checklist_notice"]
    html = response.content.decode()
    assert "Đơn đề nghị" in html and 'value="Trần Thị Bình"' in html
    assert Dossier.objects.count() == 0


@pytest.fixture
def district_procedure(world):
    for code, name in (
        ("000.00.11.H12", "UBND thành phố Phan Thiết"),
        ("000.00.12.H12", "UBND huyện Hàm Thuận Bắc"),
    ):
        Agency.objects.create(code=code, name=name, kind=AgencyKind.DISTRICT, parent=world.province)
    Agency.objects.create(
        code="000.00.13.H12", name="UBND huyện cũ", kind=AgencyKind.DISTRICT, is_active=False
    )
    procedure, _ = procedure_save(
        code="2.000200.H12",
        values={
            "name": "Đăng ký hộ kinh doanh",
            "level": Level.DISTRICT,
            "field": "Kinh doanh",
            "authority": "central",
            "processing_days": 3,
        },
        components=[{"name": "Giấy đề nghị", "originals": 1, "copies": 0}],
    )
    return procedure


def test_district_procedure_needs_an_agency_of_that_level(client, world, district_procedure):
    login(client, world, DESK)
    checklist = client.get(reverse("desk-intake-checklist"), {"procedure": "2.000200.H12"})
    choices = list(checklist.context["form"].fields["agency"].queryset)
    assert [a.code for a in choices] == ["000.00.12.H12", "000.00.11.H12"]  # active, by name
    response = client.post(reverse("desk-intake"), intake_data(district_procedure))
    assert response.status_code == 400 and "agency" in response.context["form"].errors
    agency = Agency.objects.get(code="000.00.11.H12")
    response = client.post(
        reverse("desk-intake"), intake_data(district_procedure, agency=agency.pk)
    )
    dossier = Dossier.objects.get()
    assert dossier.agency == agency and dossier.receiving_agency == world.dept


def test_procedure_suggestions_by_code_or_words(client, world, land):
    login(client, world, DESK)
    by_words = client.get(reverse("desk-procedure-suggest"), {"procedure": "chung thuc"})
    assert [p.code for p in by_words.context["procedures"]] == [land.code]
    assert 'data-code="1.000100.H12"' in by_words.content.decode()
    by_code = client.get(reverse("desk-procedure-suggest"), {"procedure": "1.000001"})
    assert [p.code for p in by_code.context["procedures"]] == [world.procedure.code]
    checklist = client.get(reverse("desk-intake-checklist"), {"procedure": land.code})
    html = checklist.content.decode()
    assert "Đơn đề nghị" in html and 'hx-swap-oob="true"' in html
    assert f'value="{land.code}"' in html  # checklist_for


# ---- work list ------------------------------------------------------------------------------


def set_due(dossier, due):
    Dossier.objects.filter(pk=dossier.pk).update(due_at=due)


def test_work_list_sorted_by_due_date_with_highlights(client, world):
    waiting = submitted(world)  # no due date yet: last
    later, overdue, soon = processing(world), processing(world), processing(world)
    set_due(later, now() + dt.timedelta(days=5))
    set_due(overdue, now() - dt.timedelta(hours=3))
    set_due(soon, now() + dt.timedelta(hours=5))
    login(client, world, HANDLER)
    response = client.get(reverse("officer-dossier-list"))
    rows = list(response.context["page"].object_list)
    assert [d.code for d in rows] == [overdue.code, soon.code, later.code, waiting.code]
    assert [d.urgency for d in rows] == ["overdue", "due-soon", "", ""]
    html = response.content.decode()
    assert 'class="row-overdue"' in html and 'class="row-due-soon"' in html
    assert "*******678" in html and "0912345678" not in html
    assert rows[0].current_step.name == "Thẩm định hồ sơ"


def test_work_list_filters_and_htmx_fragment(client, world):
    mine, unassigned, done = processing(world), processing(world, assigned=False), resolved(world)
    set_due(unassigned, now() - dt.timedelta(hours=1))
    login(client, world, HANDLER)
    url = reverse("officer-dossier-list")

    def codes(**params):
        return [d.code for d in client.get(url, params).context["page"].object_list]

    assert codes(mine="on") == [mine.code]
    assert codes(overdue="on") == [unassigned.code]
    assert codes(q=mine.code) == [mine.code]
    assert codes(q="nguyễn văn") == codes()
    assert codes(state=str(State.RESOLVED)) == [done.code]
    assert set(codes(state="99")) == {mine.code, unassigned.code, done.code}  # ignored
    fragment = client.get(url, {"mine": "on"}, headers={"HX-Request": "true"})
    html = fragment.content.decode()
    assert "<html" not in html and mine.code in html and "<table" in html


def test_work_list_queries_do_not_grow_with_rows(client, world):
    login(client, world, HANDLER)
    url = reverse("officer-dossier-list")

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    processing(world)
    few = count()
    for _ in range(5):
        processing(world)
    resolved(world)
    assert count() == few


def test_other_agency_work_list_is_empty(client, world):
    processing(world)
    login(client, world, HANDLER, "other")
    assert client.get(reverse("officer-dossier-list")).context["page"].paginator.count == 0


def test_assignee_shown_in_work_list(client, world):
    dossier = processing(world)
    login(client, world, APPROVER)
    html = client.get(reverse("officer-dossier-list")).content.decode()
    assert world.user(HANDLER).first_name in html
    assert DossierStep.objects.get(dossier=dossier, order=1).assignee == world.user(HANDLER)


# ---- register -------------------------------------------------------------------------------


def test_register_download(client, world):
    received(world)
    login(client, world, DESK)
    today = timezone.localdate()
    response = client.get(
        reverse("desk-register"),
        {
            "date_from": (today - dt.timedelta(days=7)).strftime("%d/%m/%Y"),
            "date_to": today.isoformat(),
        },
    )
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert response.content[:2] == b"PK"
    entry = AuditEntry.objects.get(action="register.export")  # issue #7, finding 9
    assert entry.actor.role == Role.INTAKE_OFFICER


@pytest.mark.parametrize(
    ("date_from", "date_to", "message"),
    [
        ("10/03/2024", "01/03/2024", "Ngày bắt đầu phải trước"),
        ("01/01/2023", "01/03/2024", "tối đa một năm"),
        ("31/02/2024", "01/03/2024", "Ngày không hợp lệ"),
        ("", "01/03/2024", "Vui lòng nhập"),
    ],
)
def test_register_bad_dates(client, world, date_from, date_to, message):
    login(client, world, DESK)
    response = client.get(reverse("desk-register"), {"date_from": date_from, "date_to": date_to})
    assert response.status_code == 400
    assert message in response.content.decode()


def test_returns_desk_searches_by_code_name_or_phone_and_loads_the_evaluation_when_opened(
    client, world
):
    first = make(world, "resolved")
    second = make(world, "resolved")
    Dossier.objects.filter(pk=second.pk).update(
        applicant_name="Trần Thị Bích", applicant_phone="0987654321"
    )
    login(client, world, DESK)

    def found(query):
        page = client.get(reverse("desk-returns"), {"q": query}).context["page"]
        return [d.code for d in page.object_list]

    assert found("") == [first.code, second.code]
    assert found(second.code) == [second.code]
    assert found(second.code[-4:]) == [second.code]
    assert found("bích") == [second.code]
    assert found("654 321") == [second.code]
    assert found("không có ai") == []

    # The list does not carry the 9 indicators of every row: a panel loads them when opened.
    page = client.get(reverse("desk-returns")).content.decode()
    assert 'name="return_result-total_time"' not in page
    url = reverse("desk-return-evaluation", args=[first.code])
    assert url in page
    panel = client.get(url)
    assert panel.status_code == 200
    assert f'id="id_{first.pk}_return_result-one_stop_0"' in panel.content.decode()
    # Only results waiting at this desk.
    handler = make(world, "processing")
    assert client.get(reverse("desk-return-evaluation", args=[handler.code])).status_code == 404


def test_deadline_explanation_follows_the_page_language(client, world):
    dossier = received(world)
    login(client, world, DESK)
    url = reverse("officer-dossier-detail", args=[dossier.code])
    vietnamese = client.get(url).context["deadline_text"]
    english = client.get(url, HTTP_ACCEPT_LANGUAGE="en").context["deadline_text"]
    assert vietnamese.startswith("Tiếp nhận ") and "Hạn giải quyết:" in vietnamese
    assert english.startswith("Received ") and "Deadline:" in english
    assert english.isascii()
