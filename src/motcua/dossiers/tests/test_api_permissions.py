"""Permissions of every dossier endpoint: agency scoping, roles, the transition table, and the
public lookup that reveals nothing without the right digits."""

import pytest
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient

from motcua.accounts.models import User
from motcua.accounts.roles import Role
from motcua.dossiers import services as s
from motcua.dossiers.api import ACTIONS
from motcua.dossiers.models import INDICATORS, Dossier, DossierEvent
from motcua.dossiers.selectors import dossiers_visible_to
from motcua.dossiers.tests.conftest import at
from motcua.dossiers.workflow import TRANSITIONS, Action, State
from motcua.testing.factories import DossierFactory

ID_NUMBER = "079123456789"
APPLICANT_DATA = s.ApplicantData(name="Phạm Thị Dung", phone="0901234567", id_number="060190120601")
ENDPOINT_ACTION = {
    "accept": Action.ACCEPT,
    "refuse-intake": Action.REFUSE_INTAKE,
    "transfer": Action.TRANSFER,
    "assign": Action.ASSIGN,
    "forward": Action.FORWARD,
    "request-supplement": Action.REQUEST_SUPPLEMENT,
    "record-supplement": Action.RECORD_SUPPLEMENT,
    "request-payment": Action.REQUEST_PAYMENT,
    "record-payment": Action.RECORD_PAYMENT,
    "approve": Action.APPROVE,
    "refuse": Action.REFUSE,
    "stop": Action.STOP,
    "withdraw": Action.WITHDRAW,
    "apologise": Action.APOLOGISE,
    "return": Action.RETURN_RESULT,
    "evaluate": Action.EVALUATE,
}
# A body each endpoint accepts, so a refusal is about permission, not about input.
BODY = {
    "refuse-intake": {"reason": "Không đủ điều kiện"},
    "assign": {"assignee": "dept-handler"},
    "request-supplement": {"items": "Bản sao CCCD"},
    "request-payment": {"fee_vnd": 1000},
    "refuse": {"reason": "Không đủ điều kiện"},
    "stop": {"reason": "Dừng"},
    "withdraw": {"reason": "Rút"},
    "apologise": {"reason": "Chậm", "new_date": "2030-01-01T08:00:00+07:00"},
    "evaluate": {name: 2 for name, _label in INDICATORS},
}


def client(user):
    api = APIClient()
    api.force_authenticate(user)
    return api


def received(world):
    return DossierFactory.create(
        "received", procedure=world.procedure, applicant=APPLICANT_DATA, start=at(2024, 3, 5, 8)
    )


def processing(world):
    """At the handler's step, not assigned yet."""
    return DossierFactory.create(
        "transferred", procedure=world.procedure, applicant=APPLICANT_DATA, start=at(2024, 3, 5, 8)
    )


def snapshot():
    return (
        list(Dossier.objects.values_list("code", "state", "due_at", "ended_at")),
        DossierEvent.objects.count(),
    )


@pytest.mark.storage
def test_every_endpoint_hides_another_agencys_dossier(world):
    dossier = processing(world)
    document = dossier.documents.first()
    before = snapshot()
    for role in (Role.INTAKE_OFFICER, Role.HANDLER, Role.APPROVER):
        outsider = client(world.user(role, "other"))
        assert outsider.get(f"/api/dossiers/{dossier.code}/").status_code == 404
        assert (
            outsider.get(f"/api/dossiers/{dossier.code}/documents/{document.pk}.docx").status_code
            == 404
        )
        listing = outsider.get("/api/dossiers/").json()
        assert dossier.code not in [d["code"] for d in listing["results"]]
        for name in ACTIONS:
            response = outsider.post(
                f"/api/dossiers/{dossier.code}/{name}/", BODY.get(name, {}), format="json"
            )
            assert response.status_code == 404, (role, name)
    assert snapshot() == before


def test_anonymous_gets_nothing(world):
    dossier = received(world)
    anonymous = APIClient()
    assert anonymous.get("/api/dossiers/").status_code in (401, 403)
    assert anonymous.get(f"/api/dossiers/{dossier.code}/").status_code in (401, 403)
    assert anonymous.post(f"/api/dossiers/{dossier.code}/transfer/").status_code in (401, 403)


@pytest.mark.parametrize("name", list(ACTIONS))
def test_roles_outside_the_table_are_refused(world, name):
    dossier = processing(world)
    allowed = TRANSITIONS[ENDPOINT_ACTION[name]].roles
    before = snapshot()
    for role in (Role.INTAKE_OFFICER, Role.HANDLER, Role.APPROVER):
        if role in allowed:
            continue
        response = client(world.user(role)).post(
            f"/api/dossiers/{dossier.code}/{name}/", BODY.get(name, {}), format="json"
        )
        assert response.status_code == 403, (name, role, response.json())
        assert response.json()["error"]["code"] == "role_not_allowed"
    assert snapshot() == before


@pytest.mark.parametrize("name", list(ACTIONS))
def test_transitions_outside_the_table_are_refused(world, name):
    action = ENDPOINT_ACTION[name]
    transition = TRANSITIONS[action]
    role = next(
        r for r in (Role.APPROVER, Role.HANDLER, Role.INTAKE_OFFICER) if r in transition.roles
    )
    dossier = received(world)  # state 2
    if State.RECEIVED in transition.sources:
        dossier = s.dossier_stop(
            actor=world.user(Role.APPROVER), dossier=dossier, reason="Dừng", now=at(2024, 3, 6, 9)
        )  # state 8: ends all
    before = snapshot()
    response = client(world.user(role)).post(
        f"/api/dossiers/{dossier.code}/{name}/", BODY.get(name, {}), format="json"
    )
    assert response.status_code == 409, (name, response.json())
    assert response.json()["error"]["code"] == "invalid_transition"
    assert snapshot() == before


def test_counter_intake_and_list_are_scoped(world):
    desk = client(world.user(Role.INTAKE_OFFICER))
    created = desk.post(
        "/api/dossiers/",
        {
            "procedure_code": world.procedure.code,
            "applicant_name": "Võ Văn Em",
            "applicant_phone": "0977000111",
        },
        format="json",
    )
    assert created.status_code == 201, created.json()
    code = created.json()["code"]
    mine = desk.get("/api/dossiers/").json()["results"]
    assert [d["code"] for d in mine] == [code]
    assert mine[0]["applicant_phone"] == "*******111"
    assert (
        client(world.user(Role.INTAKE_OFFICER, "other")).get("/api/dossiers/").json()["count"] == 0
    )
    bad = desk.post(
        "/api/dossiers/",
        {"procedure_code": world.procedure.code, "applicant_name": "", "applicant_phone": "abc"},
        format="json",
    )
    assert bad.status_code == 400
    assert set(bad.json()["error"]["details"]) == {"applicant_name", "applicant_phone"}
    assert Dossier.objects.count() == 1


def test_public_lookup_reveals_nothing_without_the_digits(world):
    dossier = received(world)
    public = APIClient()
    wrong = public.post(
        f"/api/public/dossiers/{dossier.code}/lookup/", {"secret": "9999"}, format="json"
    )
    unknown = public.post("/api/public/dossiers/NO-SUCH/lookup/", {"secret": "4567"}, format="json")
    assert wrong.status_code == unknown.status_code == 404
    assert wrong.json() == unknown.json()
    assert dossier.applicant_name not in wrong.content.decode()
    right = public.post(
        f"/api/public/dossiers/{dossier.code}/lookup/", {"secret": "4567"}, format="json"
    )
    assert right.status_code == 200
    assert right.json()["applicant_phone"] == "*******567"
    by_id = public.post(
        f"/api/public/dossiers/{dossier.code}/lookup/", {"secret": "0601"}, format="json"
    )
    assert by_id.status_code == 200


def test_public_submission_is_idempotent(world):
    public = APIClient()
    body = {
        "procedure_code": world.procedure.code,
        "applicant_name": "Đỗ Thị Giang",
        "applicant_phone": "0355123456",
    }
    first = public.post("/api/public/dossiers/", body, format="json", HTTP_IDEMPOTENCY_KEY="abc")
    again = public.post("/api/public/dossiers/", body, format="json", HTTP_IDEMPOTENCY_KEY="abc")
    assert first.status_code == again.status_code == 201
    assert first.json()["code"] == again.json()["code"]
    assert Dossier.objects.filter(state=State.SUBMITTED).count() == 1


# ---- issue #7: findings 2, 3 and 10 (assign) -------------------------------------------------


def user_without_dossier_work(world, role):
    return User.objects.create_user(
        username=f"u-{role or 'none'}", password="pw-123456", role=role, agency=world.dept
    )


@pytest.mark.parametrize("role", [Role.EDITOR, ""])
def test_an_editor_or_a_user_without_a_role_gets_403_and_no_dossier(world, role):
    """Finding 2: the officers' API only checked that a user was signed in."""
    dossier = processing(world)
    document = dossier.documents.first()
    user = user_without_dossier_work(world, role)
    api = client(user)
    listing = api.get("/api/dossiers/")
    assert listing.status_code == 403
    assert dossier.code not in listing.content.decode()
    assert api.get(f"/api/dossiers/{dossier.code}/").status_code == 403
    assert api.get(f"/api/dossiers/{dossier.code}/documents/{document.pk}.docx").status_code == 403
    before = snapshot()
    for name in ACTIONS:
        response = api.post(
            f"/api/dossiers/{dossier.code}/{name}/", BODY.get(name, {}), format="json"
        )
        assert response.status_code == 403, name
    assert snapshot() == before
    assert not dossiers_visible_to(user).exists()


def test_the_api_masks_personal_numbers_as_the_page_does(world):
    """Finding 3: the controller read the full ID number through the API."""
    dossier = s.dossier_receive(
        actor=world.user(Role.INTAKE_OFFICER),
        procedure=world.procedure,
        applicant=s.ApplicantData(name="Lê Văn Cường", phone="0912345678", id_number=ID_NUMBER),
        components=[],
        now=at(2024, 3, 5, 8),
    )
    controller = User.objects.create_user(
        username="controller", password="pw-123456", role=Role.CONTROLLER, agency=world.province
    )
    detail = client(controller).get(f"/api/dossiers/{dossier.code}/")
    assert detail.status_code == 200
    assert ID_NUMBER not in detail.content.decode()
    assert "0912345678" not in detail.content.decode()
    assert detail.json()["applicant_id_number"] == "*********789"
    # The same rule as the dossier page: in full for the receiving desk and competent agency.
    for user in (controller, world.user(Role.INTAKE_OFFICER), world.user(Role.HANDLER)):
        api = client(user).get(f"/api/dossiers/{dossier.code}/").json()
        page = Client()
        page.force_login(user)
        html = page.get(reverse("officer-dossier-detail", args=[dossier.code])).content.decode()
        for field in ("applicant_id_number", "applicant_phone"):
            assert api[field] in html, (user.username, field)
        full = ID_NUMBER in html
        assert (api["applicant_id_number"] == ID_NUMBER) == full


def test_assign_does_not_reveal_which_usernames_exist(world):
    """Finding 10: an unknown username and another agency's got different answers."""
    dossier = processing(world)
    approver = client(world.user(Role.APPROVER))
    url = f"/api/dossiers/{dossier.code}/assign/"
    unknown = approver.post(url, {"assignee": "no-such-user"}, format="json")
    elsewhere = approver.post(url, {"assignee": "other-handler"}, format="json")
    wrong_role = approver.post(url, {"assignee": "dept-intake_officer"}, format="json")
    assert unknown.status_code == elsewhere.status_code == wrong_role.status_code == 400
    assert unknown.json() == elsewhere.json() == wrong_role.json()
    assert "no-such-user" not in unknown.content.decode()
    assigned = approver.post(url, {"assignee": "dept-handler"}, format="json")
    assert assigned.status_code == 200
    assert assigned.json()["steps"][0]["assignee"] == "dept-handler"


def test_allowed_actions_are_the_buttons_of_the_dossier_page(world):
    dossiers = [
        DossierFactory.create(state, procedure=world.procedure)
        for state in ("submitted", "received", "processing", "at_approval", "resolved")
    ]
    for role in (Role.INTAKE_OFFICER, Role.HANDLER, Role.APPROVER):
        for agency in ("dept", "other"):
            user = world.user(role, agency)
            page = Client()
            page.force_login(user)
            for dossier in dossiers:
                api = client(user).get(f"/api/dossiers/{dossier.code}/")
                html = page.get(reverse("officer-dossier-detail", args=[dossier.code]))
                if agency == "other":
                    assert api.status_code == html.status_code == 404
                    continue
                buttons = [panel.action.value for panel in html.context["panels"]]
                assert api.json()["allowed_actions"] == buttons, (role, dossier.state)
    desk = client(world.user(Role.INTAKE_OFFICER)).get(f"/api/dossiers/{dossiers[1].code}/")
    assert "transfer" in desk.json()["allowed_actions"]
    approver = client(world.user(Role.APPROVER)).get(f"/api/dossiers/{dossiers[3].code}/")
    assert {"approve", "refuse"} <= set(approver.json()["allowed_actions"])
