"""Imported dossiers carry on (interchange.md): an open one is at its settling agency waiting for a
handler, with the process steps of its procedure; one resolved but not returned waits at the
desk. Every action of the state table works on them."""

import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from rest_framework.test import APIClient

from motcua.accounts.models import User
from motcua.accounts.roles import Role
from motcua.agencies.models import Agency
from motcua.dossiers import authz
from motcua.dossiers import services as s
from motcua.dossiers.models import SCORED_INDICATORS, Dossier, DossierStep, Evaluation, ReturnMethod
from motcua.dossiers.workflow import Action, State
from motcua.interchange import history
from motcua.interchange.importer import package_import
from motcua.interchange.tests.packages import DOSSIERS, HISTORY, write_package

pytestmark = pytest.mark.django_db

VN = ZoneInfo("Asia/Ho_Chi_Minh")
OPEN = "000.01.00.H12-240307-0001"  # awaiting the applicant's supplement
IN_PROCESS = "000.01.00.H12-240307-0002"
RESOLVED = "000.00.12.H12-240305-0002"  # refused, not returned
CITY, JUSTICE = "000.01.00.H12", "000.00.12.H12"
NOW = dt.datetime(2026, 12, 7, 9, tzinfo=VN)  # a Monday


def at(*args) -> dt.datetime:
    return dt.datetime(*args, tzinfo=VN)


@pytest.fixture(params=["native", "batches"])
def imported(request, tmp_path, monkeypatch):
    """The test package imported (COPY on PostgreSQL and the batch path), with an intake
    officer, a handler and an approver at the city and at the department of justice."""
    if request.param == "batches":
        monkeypatch.setattr(history, "_merge_by_copy", history._merge_in_batches)
    package_import(path=write_package(tmp_path / "pkg", HISTORY))
    for code in (CITY, JUSTICE):
        agency = Agency.objects.get(code=code)
        for role in (Role.INTAKE_OFFICER, Role.HANDLER, Role.APPROVER):
            User.objects.create_user(
                username=f"{code[-8:-4]}-{role}",
                password="pw-123456",
                role=role,
                agency=agency,
                first_name=f"{role} {code}",
            )


def officer(agency_code: str, role: str) -> User:
    return User.objects.get(agency__code=agency_code, role=role)


def steps_of(code: str) -> list[tuple]:
    return list(
        DossierStep.objects.filter(dossier__code=code)
        .order_by("order")
        .values_list("order", "role", "agency__code", "assignee", "started_at", "finished_at")
    )


def scores(points: int = 2) -> dict[str, int]:
    return {name: points for name, _label in SCORED_INDICATORS}


def test_open_dossiers_wait_for_a_handler_at_the_settling_agency(imported):
    for code, state in ((IN_PROCESS, State.PROCESSING), (OPEN, State.AWAITING_SUPPLEMENT)):
        dossier = Dossier.objects.get(code=code)
        assert dossier.state == state
        assert dossier.current_agency.code == dossier.agency.code == CITY
        # The recorded deadline is kept, never recomputed.
        assert dossier.due_at == at(2024, 4, 18, 17)
        received = dossier.received_at
        # The default process: the handler examines, the leader approves; the first step has
        # been running since the receipt, nobody assigned yet.
        assert steps_of(code) == [
            (1, Role.HANDLER, CITY, None, received, None),
            (2, Role.APPROVER, CITY, None, None, None),
        ]
        first, second = dossier.steps.order_by("order")
        # 30 working days of 8 hours, less the desk's half day: 3/4 of the rest to the handler,
        # the rest to the approver.
        assert (first.budget_hours, second.budget_hours) == (Decimal(177), Decimal(59))
        assert first.due_at > received
    # Ended dossiers get no steps.
    assert not DossierStep.objects.exclude(dossier__code__in=(OPEN, IN_PROCESS)).exists()
    resolved = Dossier.objects.get(code=RESOLVED)
    assert resolved.state == State.RESOLVED
    assert resolved.receiving_agency.code == resolved.current_agency.code == JUSTICE


def test_the_officers_of_the_agency_may_assign_and_the_desk_return(imported):
    dossier = Dossier.objects.get(code=IN_PROCESS)
    assert Action.ASSIGN in authz.allowed_actions_for(officer(CITY, Role.APPROVER), dossier)
    assert Action.ASSIGN in authz.allowed_actions_for(officer(CITY, Role.HANDLER), dossier)
    assert Action.STOP in authz.allowed_actions_for(officer(CITY, Role.APPROVER), dossier)
    assert authz.allowed_actions_for(officer(JUSTICE, Role.APPROVER), dossier) == []
    assert list(authz.eligible_assignees(dossier)) == [officer(CITY, Role.HANDLER)]
    resolved = Dossier.objects.get(code=RESOLVED)
    assert authz.allowed_actions_for(officer(JUSTICE, Role.INTAKE_OFFICER), resolved) == [
        Action.RETURN_RESULT
    ]
    assert authz.allowed_actions_for(officer(CITY, Role.INTAKE_OFFICER), resolved) == []


def test_an_imported_open_dossier_goes_through_to_its_evaluation(imported):
    desk, handler, approver = (
        officer(CITY, role) for role in (Role.INTAKE_OFFICER, Role.HANDLER, Role.APPROVER)
    )
    dossier = Dossier.objects.get(code=IN_PROCESS)
    due = dossier.due_at
    dossier = s.dossier_assign(actor=approver, dossier=dossier, assignee=handler, now=NOW)
    assert dossier.steps.get(order=1).assignee == handler
    # The approver cannot approve before the handler's step is done.
    assert not authz.may(approver, Action.APPROVE, dossier)
    dossier = s.dossier_forward(actor=handler, dossier=dossier, now=NOW + dt.timedelta(hours=1))
    assert authz.may(approver, Action.APPROVE, dossier)
    dossier = s.dossier_approve(
        actor=approver, dossier=dossier, note="Cấp giấy", now=NOW + dt.timedelta(hours=2)
    )
    assert (dossier.state, dossier.outcome) == (State.RESOLVED, "approved")
    assert dossier.current_agency.code == CITY  # the receiving desk
    assert authz.allowed_actions_for(desk, dossier) == [Action.RETURN_RESULT]
    dossier = s.dossier_return_result(
        actor=desk, dossier=dossier, method=ReturnMethod.DESK, now=NOW + dt.timedelta(hours=3)
    )
    assert dossier.state == State.RETURNED
    dossier = s.dossier_evaluate(
        actor=desk, dossier=dossier, scores=scores(), now=NOW + dt.timedelta(hours=3, minutes=5)
    )
    evaluation = Evaluation.objects.get(dossier=dossier)
    assert not evaluation.by_applicant and evaluation.officer == desk
    # Late against its recorded deadline: it stays so.
    dossier.refresh_from_db()
    assert dossier.due_at == due and dossier.ended_at > due
    assert [e.action for e in dossier.events.order_by("at", "pk")] == [
        Action.ASSIGN,
        Action.FORWARD,
        Action.APPROVE,
        Action.RETURN_RESULT,
        Action.EVALUATE,
    ]


def test_an_imported_dossier_awaiting_a_supplement_resumes_and_can_be_stopped(imported):
    desk, approver = officer(CITY, Role.INTAKE_OFFICER), officer(CITY, Role.APPROVER)
    dossier = Dossier.objects.get(code=OPEN)
    assert Action.RECORD_SUPPLEMENT in authz.allowed_actions_for(desk, dossier)
    dossier = s.dossier_record_supplement(actor=desk, dossier=dossier, components=[], now=NOW)
    assert dossier.state == State.PROCESSING
    # The pause moved the recorded deadline (interchange.md: only supplement pauses move it).
    assert dossier.due_at > at(2024, 4, 18, 17)
    dossier = s.dossier_request_supplement(
        actor=approver, dossier=dossier, reason="Thiếu", items="Bản vẽ", now=NOW
    )
    assert dossier.state == State.AWAITING_SUPPLEMENT
    dossier = s.dossier_stop(actor=approver, dossier=dossier, reason="Không bổ sung", now=NOW)
    assert dossier.state == State.STOPPED
    assert not dossier.steps.filter(finished_at__isnull=True).exists()


def test_an_imported_result_is_returned_at_the_desk_and_evaluated(imported):
    desk = officer(JUSTICE, Role.INTAKE_OFFICER)
    dossier = s.dossier_return_result(
        actor=desk,
        dossier=Dossier.objects.get(code=RESOLVED),
        method=ReturnMethod.DESK,
        now=NOW,
    )
    assert dossier.state == State.RETURNED and dossier.returned_at == NOW
    s.dossier_evaluate(actor=desk, dossier=dossier, scores=scores(1), now=NOW)
    assert Evaluation.objects.get(dossier=dossier).officer == desk


def test_the_officer_api_lists_the_actions_on_imported_dossiers(imported):
    def allowed(user: User, code: str) -> list[str]:
        api = APIClient()
        api.force_authenticate(user)
        response = api.get(f"/api/dossiers/{code}/")
        assert response.status_code == 200
        return response.json()["allowed_actions"]

    assert "assign" in allowed(officer(CITY, Role.APPROVER), IN_PROCESS)
    assert "assign" in allowed(officer(CITY, Role.HANDLER), IN_PROCESS)
    assert allowed(officer(JUSTICE, Role.INTAKE_OFFICER), RESOLVED) == ["return_result"]
    # And through the API, the assignment is made.
    api = APIClient()
    api.force_authenticate(officer(CITY, Role.APPROVER))
    response = api.post(
        f"/api/dossiers/{IN_PROCESS}/assign/",
        {"assignee": officer(CITY, Role.HANDLER).username},
        format="json",
    )
    assert response.status_code == 200, response.json()
    assert Dossier.objects.get(code=IN_PROCESS).steps.get(order=1).assignee is not None


def test_a_second_import_keeps_the_steps_and_an_ended_dossier_closes_them(imported, tmp_path):
    before = steps_of(IN_PROCESS) + steps_of(OPEN)
    package_import(path=write_package(tmp_path / "again", HISTORY))
    assert steps_of(IN_PROCESS) + steps_of(OPEN) == before
    ended = DOSSIERS.replace(
        f"{IN_PROCESS},1.004227.000.00.00.H12,000.01.00.H12,direct,2024-03-07T09:00:00+07:00,"
        "2024-04-18T17:00:00+07:00,,,,0,0,0,0",
        f"{IN_PROCESS},1.004227.000.00.00.H12,000.01.00.H12,direct,2024-03-07T09:00:00+07:00,"
        "2024-04-18T17:00:00+07:00,2024-04-01T10:00:00+07:00,approved,,0,1,0,0",
    )
    package_import(path=write_package(tmp_path / "ended", {"dossiers.csv": ended}))
    assert [step[-1] for step in steps_of(IN_PROCESS)] == [at(2024, 4, 1, 10)] * 2
    assert Dossier.objects.get(code=IN_PROCESS).state == State.RESOLVED


def test_adopt_imported_gives_steps_to_a_database_imported_before(imported, capsys):
    """A database imported before open dossiers carried on has none of their steps."""
    expected = steps_of(IN_PROCESS) + steps_of(OPEN)
    DossierStep.objects.all().delete()
    call_command("dossiers", "adopt-imported")
    assert "2" in capsys.readouterr().out
    assert steps_of(IN_PROCESS) + steps_of(OPEN) == expected
    # Idempotent: nothing more the second time.
    call_command("dossiers", "adopt-imported")
    assert "0" in capsys.readouterr().out
    assert DossierStep.objects.count() == 4
    # A dossier received in this system is never touched (it gets its steps at the transfer).
    assert s.dossiers_adopt_imported() == 0


def test_a_package_never_rewrites_a_dossier_carried_on_here(imported, tmp_path):
    """Once acted on in this system, an imported dossier is this system's: importing the old
    package again changes nothing of it (nor of its supplement requests)."""
    approver, desk = officer(CITY, Role.APPROVER), officer(CITY, Role.INTAKE_OFFICER)
    handler = officer(CITY, Role.HANDLER)
    dossier = Dossier.objects.get(code=IN_PROCESS)
    dossier = s.dossier_assign(actor=approver, dossier=dossier, assignee=handler, now=NOW)
    dossier = s.dossier_forward(actor=handler, dossier=dossier, now=NOW)
    s.dossier_approve(actor=approver, dossier=dossier, now=NOW)
    waiting = Dossier.objects.get(code=OPEN)
    s.dossier_record_supplement(actor=desk, dossier=waiting, components=[], now=NOW)
    result = package_import(path=write_package(tmp_path / "again", HISTORY))
    assert result.files["dossiers.csv"].updated == 0
    assert result.files["supplements.csv"].updated == 0
    approved = Dossier.objects.get(code=IN_PROCESS)
    assert (approved.state, approved.outcome, approved.ended_at) == (
        State.RESOLVED,
        "approved",
        NOW,
    )
    resumed = Dossier.objects.get(code=OPEN)
    assert resumed.state == State.PROCESSING
    assert resumed.supplements.get().supplied_at == NOW
