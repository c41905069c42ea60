import datetime as dt
import hashlib
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from motcua.accounts.roles import Role
from motcua.calendar.services import calendar_exception_set
from motcua.dossiers import services as s
from motcua.dossiers.models import Dossier, DossierEvent, SupplementRequest
from motcua.dossiers.tests.conftest import at
from motcua.dossiers.workflow import State
from motcua.jobs.models import Job
from motcua.jobs.services import worker_run
from motcua.notifications.models import OutboxMessage
from motcua.utils.errors import DomainError

APPLICANT = s.ApplicantData(
    name="Nguyễn Văn An",
    id_number="060123456789",
    address="Phan Thiết",
    phone="0912345678",
    email="an@example.vn",
)
PDF = b"%PDF-1.4 minimal"


def pdf(name="don.pdf"):
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def receive(world, when=None, **kwargs):
    return s.dossier_receive(
        actor=world.user(Role.INTAKE_OFFICER),
        procedure=world.procedure,
        applicant=APPLICANT,
        components=[s.ComponentData(name="Tờ khai", file=pdf())],
        now=when or at(2024, 3, 5, 8, 15),
        **kwargs,
    )


def test_counter_intake_codes_deadline_and_slip(world):
    first = receive(world)
    second = receive(world)
    next_day = receive(world, at(2024, 3, 6, 9, 0))
    assert first.code == "000.00.05.H12-240305-0001"
    assert second.code == "000.00.05.H12-240305-0002"
    assert next_day.code == "000.00.05.H12-240306-0001"
    assert first.state == State.RECEIVED
    # 10 working days from Tue 05/03/2024 08:15 → Tue 19/03/2024 08:15
    assert first.due_at == at(2024, 3, 19, 8, 15)
    assert first.received_on == dt.date(2024, 3, 5) and first.due_on == dt.date(2024, 3, 19)
    assert Decimal(first.deadline["limit"]) == 10 and first.deadline["skipped"]
    assert first.components_digitized
    assert first.documents.get().kind == "receipt"
    assert {m.channel for m in OutboxMessage.objects.filter(dossier=first)} == {"email", "sms"}


def test_full_online_journey(world):
    submitted = s.dossier_submit_online(
        procedure=world.procedure,
        applicant=APPLICANT,
        now=at(2024, 3, 4, 20, 0),
        components=[s.ComponentData(name="Tờ khai", file=pdf())],
        idempotency_key="k-1",
    )
    assert submitted.state == State.SUBMITTED and submitted.received_at is None
    desk, handler, approver = (
        world.user(r) for r in (Role.INTAKE_OFFICER, Role.HANDLER, Role.APPROVER)
    )
    d = s.dossier_accept(actor=desk, dossier=submitted, now=at(2024, 3, 5, 8, 0))
    assert d.due_at == at(2024, 3, 19, 8, 0)
    d = s.dossier_transfer(actor=desk, dossier=d, now=at(2024, 3, 5, 9, 0))
    assert d.state == State.PROCESSING and d.current_agency == world.dept
    d = s.dossier_assign(actor=approver, dossier=d, assignee=handler, now=at(2024, 3, 5, 9, 5))
    d = s.dossier_request_supplement(
        actor=handler,
        dossier=d,
        reason="Thiếu giấy tờ",
        items="Bản sao CCCD",
        now=at(2024, 3, 6, 10, 0),
    )
    assert d.state == State.AWAITING_SUPPLEMENT
    # Paused Wed 10:00 → Fri 10:00: two working days; the due date moves by exactly that.
    d = s.dossier_record_supplement(
        actor=s.APPLICANT_ACTOR,
        dossier=d,
        components=[s.ComponentData(name="CCCD", file=pdf("c.pdf"))],
        now=at(2024, 3, 8, 10, 0),
    )
    assert d.state == State.PROCESSING
    assert d.due_at == at(2024, 3, 21, 8, 0)
    assert SupplementRequest.objects.get(dossier=d).paused_seconds == 2 * 8 * 3600
    d = s.dossier_forward(actor=handler, dossier=d, now=at(2024, 3, 12, 14, 0), note="Đủ điều kiện")
    d = s.dossier_approve(actor=approver, dossier=d, now=at(2024, 3, 13, 9, 0), note="Cấp phiếu")
    assert (d.state, d.outcome, d.ended_at) == (State.RESOLVED, "approved", at(2024, 3, 13, 9, 0))
    d = s.dossier_return_result(actor=desk, dossier=d, method="desk", now=at(2024, 3, 14, 8, 0))
    assert d.state == State.RETURNED
    # The applicant scores four indicators; the system computes the five others.
    scores = dict.fromkeys(["one_stop", "publicity", "attitude", "feedback_handling"], 2)
    d = s.dossier_evaluate(
        actor=s.APPLICANT_ACTOR, dossier=d, scores=scores, now=at(2024, 3, 14, 9, 0)
    )
    evaluation = d.evaluations.get()
    # Ended 13/3 before its due date 21/3 (2); one supplement request (1).
    assert (evaluation.total_time, evaluation.visits) == (2, 1)
    assert evaluation.source == "applicant" and evaluation.computed["visits"]
    actions = list(d.events.values_list("action", "from_state", "to_state"))
    assert actions[0] == ("submit", None, 1)
    assert actions[-1] == ("evaluate", 10, 10)
    assert [a for a, *_ in actions] == [
        "submit",
        "accept",
        "transfer",
        "assign",
        "request_supplement",
        "record_supplement",
        "forward",
        "approve",
        "return_result",
        "evaluate",
    ]
    assert {doc.kind for doc in d.documents.all()} == {"receipt", "supplement"}


def test_idempotent_submission(world):
    kwargs = {
        "procedure": world.procedure,
        "applicant": APPLICANT,
        "components": [],
        "now": at(2024, 3, 4, 20, 0),
        "idempotency_key": "same-key",
    }
    first = s.dossier_submit_online(**kwargs)
    again = s.dossier_submit_online(**kwargs)
    assert first.pk == again.pk
    assert Dossier.objects.count() == 1


@pytest.mark.parametrize(
    ("role", "call"),
    [
        (Role.HANDLER, lambda w, d, u: s.dossier_accept(actor=u, dossier=d, now=at(2024, 3, 5, 9))),
        (
            Role.INTAKE_OFFICER,
            lambda w, d, u: s.dossier_approve(actor=u, dossier=d, now=at(2024, 3, 5, 9)),
        ),
        (
            Role.APPROVER,
            lambda w, d, u: s.dossier_return_result(
                actor=u, dossier=d, method="desk", now=at(2024, 3, 5, 9)
            ),
        ),
    ],
)
def test_roles_that_may_not_act_are_refused(world, role, call):
    d = s.dossier_submit_online(
        procedure=world.procedure, applicant=APPLICANT, components=[], now=at(2024, 3, 4, 20, 0)
    )
    with pytest.raises(DomainError) as refused:
        call(world, d, world.user(role))
    assert refused.value.status_code == 403
    d.refresh_from_db()
    assert d.state == State.SUBMITTED and d.events.count() == 1


@pytest.mark.parametrize(
    "call",
    [
        lambda w, d: s.dossier_accept(
            actor=w.user(Role.INTAKE_OFFICER), dossier=d, now=at(2024, 3, 6, 9)
        ),
        lambda w, d: s.dossier_return_result(
            actor=w.user(Role.INTAKE_OFFICER), dossier=d, method="desk", now=at(2024, 3, 6, 9)
        ),
        lambda w, d: s.dossier_record_supplement(
            actor=w.user(Role.INTAKE_OFFICER), dossier=d, components=[], now=at(2024, 3, 6, 9)
        ),
        lambda w, d: s.dossier_evaluate(
            actor=s.APPLICANT_ACTOR, dossier=d, scores={}, now=at(2024, 3, 6, 9)
        ),
    ],
)
def test_transitions_outside_the_table_are_refused(world, call):
    d = receive(world)
    with pytest.raises(DomainError):
        call(world, d)
    d.refresh_from_db()
    assert d.state == State.RECEIVED and d.events.count() == 1


def test_officer_of_another_agency_is_refused(world):
    d = receive(world)
    with pytest.raises(DomainError) as refused:
        s.dossier_transfer(
            actor=world.user(Role.INTAKE_OFFICER, "other"), dossier=d, now=at(2024, 3, 5, 9)
        )
    assert refused.value.code == "agency_not_allowed"
    d = s.dossier_transfer(actor=world.user(Role.INTAKE_OFFICER), dossier=d, now=at(2024, 3, 5, 9))
    with pytest.raises(DomainError):
        s.dossier_forward(actor=world.user(Role.HANDLER, "other"), dossier=d, now=at(2024, 3, 6, 9))


def test_apology_promises_a_date_but_the_deadline_stays(world):
    d = receive(world)
    d = s.dossier_transfer(actor=world.user(Role.INTAKE_OFFICER), dossier=d, now=at(2024, 3, 5, 9))
    due = d.due_at
    d = s.dossier_apologise(
        actor=world.user(Role.HANDLER),
        dossier=d,
        reason="Cần xác minh",
        new_date=at(2024, 3, 26, 16, 0),
        now=at(2024, 3, 18, 9, 0),
    )
    assert d.due_at == due and d.promised_at == at(2024, 3, 26, 16, 0)
    assert d.apologies.count() == 1
    assert d.documents.filter(kind="apology").exists()
    with pytest.raises(DomainError):
        s.dossier_apologise(
            actor=world.user(Role.HANDLER),
            dossier=d,
            reason="x",
            new_date=at(2024, 3, 18, 16, 0),
            now=at(2024, 3, 18, 9, 0),
        )


def test_an_apology_promises_at_most_a_year_ahead(world):
    d = receive(world)
    d = s.dossier_transfer(actor=world.user(Role.INTAKE_OFFICER), dossier=d, now=at(2024, 3, 5, 9))
    with pytest.raises(DomainError) as error:
        s.dossier_apologise(
            actor=world.user(Role.HANDLER),
            dossier=d,
            reason="Cần xác minh",
            new_date=at(9999, 12, 31, 16, 0),
            now=at(2024, 3, 18, 9, 0),
        )
    assert error.value.status_code == 400 and "một năm" in error.value.message_vi


def test_second_supplement_request_is_flagged(world):
    d = receive(world)
    officer = world.user(Role.INTAKE_OFFICER)
    for day in (6, 8):
        d = s.dossier_request_supplement(
            actor=officer, dossier=d, reason="", items="CCCD", now=at(2024, 3, day, 9)
        )
        d = s.dossier_record_supplement(
            actor=officer, dossier=d, components=[], now=at(2024, 3, day, 15)
        )
        assert d.state == State.RECEIVED
    assert list(d.supplements.values_list("is_repeat", flat=True)) == [False, True]


def test_end_states_and_reasons(world):
    approver = world.user(Role.APPROVER)
    d = receive(world)
    with pytest.raises(DomainError):
        s.dossier_stop(actor=approver, dossier=d, reason="", now=at(2024, 3, 6, 9))
    d = s.dossier_stop(actor=approver, dossier=d, reason="Theo quyết định", now=at(2024, 3, 6, 9))
    assert (d.state, d.outcome) == (State.STOPPED, "stopped")
    w = s.dossier_withdraw(
        actor=world.user(Role.INTAKE_OFFICER),
        dossier=receive(world),
        reason="Công dân đề nghị",
        now=at(2024, 3, 6, 9),
    )
    assert (w.state, w.outcome, w.ended_at) == (State.WITHDRAWN, "withdrawn", at(2024, 3, 6, 9))


def test_calendar_change_recomputes_open_deadlines_only(world, django_capture_on_commit_callbacks):
    open_one = receive(world)
    closed = s.dossier_stop(
        actor=world.user(Role.APPROVER),
        dossier=receive(world),
        reason="Dừng",
        now=at(2024, 3, 6, 9),
    )
    with django_capture_on_commit_callbacks(execute=True):
        calendar_exception_set(date=dt.date(2024, 3, 11), kind="day_off", note="Nghỉ bù")
    open_one.refresh_from_db()
    # Recomputing is a job queued with the change, not work done in the admin's request.
    assert open_one.due_at == at(2024, 3, 19, 8, 15)
    job = Job.objects.get(name="motcua.dossiers.tasks.deadlines_recompute")
    assert job.kwargs == {"dates": ["2024-03-11"]}
    worker_run(once=True)  # the notifications of the receipts too
    job.refresh_from_db()
    assert job.status == "done"
    open_one.refresh_from_db()
    closed.refresh_from_db()
    assert open_one.due_at == at(2024, 3, 20, 8, 15)
    assert closed.due_at == at(2024, 3, 19, 8, 15)
    assert open_one.events.filter(action="recompute_deadline").count() == 1


def test_history_is_append_only(world):
    event = receive(world).events.get()
    with pytest.raises(PermissionError):
        event.save()
    with pytest.raises(PermissionError):
        event.delete()
    assert DossierEvent.objects.count() == 1


def test_upload_checks(world):
    with pytest.raises(DomainError) as wrong:
        s.dossier_receive(
            actor=world.user(Role.INTAKE_OFFICER),
            procedure=world.procedure,
            applicant=APPLICANT,
            components=[s.ComponentData(name="x", file=SimpleUploadedFile("x.pdf", b"MZ\x90"))],
            now=at(2024, 3, 5, 8),
        )
    assert wrong.value.code == "file_type"
    assert not Dossier.objects.exists()


def test_inter_agency_template_moves_the_dossier_between_agencies(world):
    from motcua.dossiers.models import ProcessTemplate, ProcessTemplateStep
    from motcua.dossiers.selectors import dossiers_visible_to

    template = ProcessTemplate.objects.create(procedure=world.procedure)
    for order, agency, role, hours in [
        (1, None, Role.HANDLER, 40),
        (2, world.other, Role.HANDLER, 24),
        (3, None, Role.APPROVER, 16),
    ]:
        ProcessTemplateStep.objects.create(
            template=template,
            order=order,
            name=f"Bước {order}",
            agency=agency,
            role=role,
            budget_hours=hours,
        )
    d = s.dossier_transfer(
        actor=world.user(Role.INTAKE_OFFICER), dossier=receive(world), now=at(2024, 3, 5, 9)
    )
    first = d.steps.get(order=1)
    assert first.due_at == at(2024, 3, 12, 9)  # 40 working hours = 5 working days
    d = s.dossier_forward(actor=world.user(Role.HANDLER), dossier=d, now=at(2024, 3, 11, 9))
    assert d.current_agency == world.other
    assert d.steps.get(order=1).timing == "early"
    other_handler = world.user(Role.HANDLER, "other")
    assert dossiers_visible_to(other_handler).filter(pk=d.pk).exists()
    d = s.dossier_forward(actor=other_handler, dossier=d, now=at(2024, 3, 15, 9))
    assert d.current_agency == world.dept
    # The other agency handled a step: it still sees the dossier, but may not act on it.
    assert dossiers_visible_to(other_handler).filter(pk=d.pk).exists()
    with pytest.raises(DomainError):
        s.dossier_approve(
            actor=world.user(Role.APPROVER, "other"), dossier=d, now=at(2024, 3, 15, 10)
        )
    d = s.dossier_approve(actor=world.user(Role.APPROVER), dossier=d, now=at(2024, 3, 15, 10))
    assert d.steps.get(order=2).timing == "late"  # 24 h from 11/03 09:00 was due 14/03 09:00
    assert d.state == State.RESOLVED


def test_codes_continue_after_imported_history_of_the_same_day(world):
    existing = receive(world)
    Dossier.objects.filter(pk=existing.pk).update(code="000.00.05.H12-240305-0007", imported=True)
    from motcua.dossiers.models import DossierSequence

    DossierSequence.objects.all().delete()  # as after an import, which keeps no counters
    assert receive(world).code == "000.00.05.H12-240305-0008"


@pytest.mark.storage
def test_a_rolled_back_act_leaves_no_slip_file_behind(world, file_storage, monkeypatch):
    """The receipt is composed in the act's transaction but only written to the file storage
    by a job queued in it: when the act fails after the slip was made, nothing remains."""
    import motcua.notifications.services as notifications
    from motcua.dossiers.models import DossierDocument

    def broken(**kwargs):
        raise RuntimeError("the notification step failed")

    monkeypatch.setattr(notifications, "notification_enqueue", broken)
    with pytest.raises(RuntimeError):
        s.dossier_receive(
            actor=world.user(Role.INTAKE_OFFICER),
            procedure=world.procedure,
            applicant=APPLICANT,
            components=[s.ComponentData(name="Tờ khai")],
            now=at(2024, 3, 5, 8, 15),
        )
    assert file_storage.names() == []
    assert not Dossier.objects.exists() and not DossierDocument.objects.exists()
    assert not Job.objects.exists()

    monkeypatch.undo()
    dossier = receive(world)
    receipt = dossier.documents.get(kind="receipt")
    assert receipt.content and not receipt.docx  # composed, not yet in the storage
    worker_run(once=True)
    receipt.refresh_from_db()
    assert receipt.content is None and receipt.docx.name.startswith("slips/")
    with receipt.docx.open("rb") as handle:
        assert hashlib.sha256(handle.read()).hexdigest() == receipt.sha256
    # (The PDF that the signing job converts goes there too; the DOCX is the stored slip.)
    slips = [n for n in file_storage.names() if n.startswith("slips/") and n.endswith(".docx")]
    assert slips == [receipt.docx.name]
    # A repeat of the job (a worker killed before recording it done) changes nothing.
    from motcua.dossiers.tasks import slip_store

    slip_store(model="dossiers.dossierdocument", pk=receipt.pk)
    assert [
        n for n in file_storage.names() if n.startswith("slips/") and n.endswith(".docx")
    ] == slips
