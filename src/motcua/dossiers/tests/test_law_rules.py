"""The rules the law sets (issue #8 §3), table tests at the services level."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction

from motcua.accounts.roles import Role
from motcua.calendar.rules import OfficeHours, WorkCalendar, working_time_between
from motcua.dossiers import authz
from motcua.dossiers import services as s
from motcua.dossiers.models import DossierStep
from motcua.dossiers.tests.conftest import at
from motcua.dossiers.workflow import Action, State
from motcua.utils.errors import DomainError

APPLICANT = s.ApplicantData(
    name="Nguyễn Văn An",
    id_number="060123456789",
    address="Phan Thiết",
    phone="0912345678",
    email="an@example.vn",
)


def pdf(name="don.pdf"):
    return SimpleUploadedFile(name, b"%PDF-1.4 minimal", content_type="application/pdf")


def received(world, when=None):
    # 10 working days from Tue 05/03/2024 08:15: due Tue 19/03/2024 08:15.
    return s.dossier_receive(
        actor=world.user(Role.INTAKE_OFFICER),
        procedure=world.procedure,
        applicant=APPLICANT,
        components=[s.ComponentData(name="Tờ khai", file=pdf())],
        now=when or at(2024, 3, 5, 8, 15),
    )


def apologise(world, d, now, role=Role.HANDLER):
    return s.dossier_apologise(
        actor=world.user(role),
        dossier=d,
        reason="Cần xác minh thêm",
        new_date=at(2024, 3, 29, 16, 0),
        now=now,
    )


# ---- apology (form 04): before the deadline, once ------------------------------------------


@pytest.mark.parametrize(
    ("now", "earlier", "allowed", "code"),
    [
        (at(2024, 3, 18, 9, 0), False, True, ""),  # the day before the deadline
        (at(2024, 3, 19, 8, 14), False, True, ""),  # a minute before it
        (at(2024, 3, 19, 8, 15), False, False, "apology_too_late"),  # at the deadline
        (at(2024, 3, 20, 9, 0), False, False, "apology_too_late"),  # after it
        (at(2024, 3, 18, 9, 0), True, False, "already_apologised"),  # a second one
    ],
)
def test_apology_only_before_the_deadline_and_once(world, now, earlier, allowed, code):
    d = received(world)
    assert d.due_at == at(2024, 3, 19, 8, 15)
    if earlier:
        d = apologise(world, d, at(2024, 3, 15, 9, 0))
    handler = world.user(Role.HANDLER)
    # The buttons (authz at that instant) give the same answer as the service.
    may = Action.APOLOGISE in [
        a
        for a in Action
        if authz._refusal(
            a, authz.role_of(handler), authz._agencies_of(handler), authz.Facts.of(d, now=now)
        )
        is None
    ]
    assert may == allowed
    if allowed:
        d = apologise(world, d, now)
        assert d.apologies.count() == 1
    else:
        with pytest.raises(DomainError) as refused, transaction.atomic():
            apologise(world, d, now)
        assert refused.value.code == code and refused.value.status_code == 409
        assert d.apologies.count() == (1 if earlier else 0)


def test_apology_button_hidden_once_late_or_apologised(world):
    """The page's buttons use the current time: a dossier already late offers no apology."""
    d = received(world)  # due 19/03/2024: long past today
    assert Action.APOLOGISE not in authz.allowed_actions_for(world.user(Role.HANDLER), d)


# ---- supplement requests: the first real one after intake is not a repeat -------------------


@pytest.mark.parametrize(
    ("requests", "flags"),
    [
        # Online submission checked at the desk before receiving (form 02 at intake): not a
        # request on the received dossier; the first one after intake is not a repeat.
        (["intake", "processing"], [False, False]),
        (["intake", "processing", "processing"], [False, False, True]),
        (["intake", "intake", "processing"], [False, False, False]),
        (["processing", "processing"], [False, True]),
    ],
)
def test_repeat_supplement_requests(world, requests, flags):
    desk = world.user(Role.INTAKE_OFFICER)
    d = s.dossier_submit_online(
        procedure=world.procedure,
        applicant=APPLICANT,
        now=at(2024, 3, 4, 20, 0),
        components=[s.ComponentData(name="Tờ khai", file=pdf())],
        idempotency_key="k-1",
    )
    day = 5
    for kind in requests:
        if kind == "processing" and d.state == State.SUBMITTED:
            d = s.dossier_accept(actor=desk, dossier=d, now=at(2024, 3, day, 8))
        d = s.dossier_request_supplement(
            actor=desk, dossier=d, reason="", items="CCCD", now=at(2024, 3, day, 9)
        )
        d = s.dossier_record_supplement(
            actor=desk, dossier=d, components=[], now=at(2024, 3, day, 15)
        )
        day += 1
    assert list(d.supplements.order_by("requested_at").values_list("is_repeat", flat=True)) == (
        flags
    )


# ---- step timing compares local dates, like the statistics ---------------------------------


@pytest.mark.parametrize(
    ("due", "finished", "timing"),
    [
        (at(2024, 3, 12, 9, 0), at(2024, 3, 11, 16, 0), "early"),
        (at(2024, 3, 12, 9, 0), at(2024, 3, 12, 8, 59), "on_time"),
        (at(2024, 3, 12, 9, 0), at(2024, 3, 12, 9, 0), "on_time"),
        # Later the same day: on time by date (statistics.md §2), not late by the instant.
        (at(2024, 3, 12, 9, 0), at(2024, 3, 12, 16, 30), "on_time"),
        (at(2024, 3, 12, 17, 0), at(2024, 3, 13, 7, 0), "late"),
        # Local dates: 23:30 UTC on 11/03 is already 12/03 in Vietnam.
        (at(2024, 3, 12, 9, 0), dt.datetime(2024, 3, 11, 23, 30, tzinfo=dt.UTC), "on_time"),
        (at(2024, 3, 12, 9, 0), None, ""),
    ],
)
def test_step_timing_by_local_date(due, finished, timing):
    assert DossierStep(due_at=due, finished_at=finished).timing == timing


# ---- waiting for fees or taxes pauses the clock when the procedure says so -----------------


@pytest.mark.parametrize(
    ("pauses", "requested", "paid", "due", "explained"),
    [
        # Wed 10:00 → Fri 10:00: two working days not counted.
        (True, at(2024, 3, 6, 10, 0), at(2024, 3, 8, 10, 0), at(2024, 3, 21, 8, 15), "16 giờ"),
        # Fri 16:00 → Mon 08:00: the weekend is not working time, 2 hours are.
        (True, at(2024, 3, 8, 16, 0), at(2024, 3, 11, 8, 0), at(2024, 3, 19, 10, 15), "2 giờ"),
        (False, at(2024, 3, 6, 10, 0), at(2024, 3, 8, 10, 0), at(2024, 3, 19, 8, 15), ""),
    ],
)
def test_payment_wait_pauses_the_clock_when_the_procedure_says_so(
    world, pauses, requested, paid, due, explained
):
    from motcua.dossiers.selectors import deadline_text

    world.procedure.payment_pauses_clock = pauses
    world.procedure.save()
    d = received(world)
    d = s.dossier_transfer(actor=world.user(Role.INTAKE_OFFICER), dossier=d, now=at(2024, 3, 5, 9))
    step_due = d.steps.get(order=1).due_at
    d = s.dossier_request_payment(
        actor=world.user(Role.HANDLER), dossier=d, fee_vnd=200000, now=requested
    )
    assert d.state == State.AWAITING_PAYMENT
    d = s.dossier_record_payment(
        actor=world.user(Role.INTAKE_OFFICER), dossier=d, online=False, now=paid
    )
    assert d.state == State.PROCESSING and d.due_at == due
    # The current step's due date moves by the same working time.
    cal, hours = WorkCalendar(), OfficeHours()
    moved = working_time_between(at(2024, 3, 19, 8, 15), due, calendar=cal, hours=hours)
    step_moved = d.steps.get(order=1).due_at
    assert working_time_between(step_due, step_moved, calendar=cal, hours=hours) == moved
    text = deadline_text(d)
    if explained:
        assert f"Tạm dừng chờ thực hiện nghĩa vụ tài chính 1 lần ({explained} làm việc)" in text
        # A calendar recomputation keeps the pause.
        s.dossier_recompute_deadlines()
        d.refresh_from_db()
        assert d.due_at == due
        assert "nghĩa vụ tài chính 1 lần" in deadline_text(d)
    else:
        assert "Tạm dừng" not in text


def test_supplement_and_payment_pauses_are_explained_apart(world):
    from motcua.dossiers.selectors import deadline_text

    world.procedure.payment_pauses_clock = True
    world.procedure.save()
    desk, handler = world.user(Role.INTAKE_OFFICER), world.user(Role.HANDLER)
    d = s.dossier_transfer(actor=desk, dossier=received(world), now=at(2024, 3, 5, 9))
    d = s.dossier_request_supplement(
        actor=handler, dossier=d, reason="", items="CCCD", now=at(2024, 3, 6, 9)
    )
    d = s.dossier_record_supplement(
        actor=desk, dossier=d, components=[], now=at(2024, 3, 6, 13, 30)
    )
    d = s.dossier_request_payment(actor=handler, dossier=d, fee_vnd=1000, now=at(2024, 3, 7, 7))
    d = s.dossier_record_payment(actor=desk, dossier=d, online=True, now=at(2024, 3, 8, 7))
    text = deadline_text(d)
    assert "Tạm dừng chờ bổ sung 1 lần (2,5 giờ làm việc); " in text
    assert "chờ thực hiện nghĩa vụ tài chính 1 lần (8 giờ làm việc)" in text
    # 2.5 + 8 working hours after Tue 19/03 08:15: 6.75 on 19/03, 3.75 on 20/03.
    assert d.due_at == at(2024, 3, 20, 10, 45)


# ---- a new receipt after a supplement ------------------------------------------------------


def test_a_supplement_reissues_the_receipt_with_the_moved_appointment(world):
    from docx import Document

    desk = world.user(Role.INTAKE_OFFICER)
    d = received(world)
    d = s.dossier_request_supplement(
        actor=desk, dossier=d, reason="", items="CCCD", now=at(2024, 3, 6, 9)
    )
    d = s.dossier_record_supplement(
        actor=desk,
        dossier=d,
        components=[s.ComponentData(name="CCCD", file=pdf("c.pdf"))],
        now=at(2024, 3, 8, 9),
    )
    assert d.due_at == at(2024, 3, 21, 8, 15)
    receipts = list(d.documents.filter(kind="receipt").order_by("id"))
    assert len(receipts) == 2
    with receipts[-1].docx.open("rb") as handle:
        text = "\n".join(p.text for p in Document(handle).paragraphs)
    assert "21/03/2024" in text and "CCCD" in "".join(
        c.text for t in Document(receipts[-1].docx.open("rb")).tables for c in t._cells
    )


def test_no_receipt_for_a_supplement_before_intake(world):
    desk = world.user(Role.INTAKE_OFFICER)
    d = s.dossier_submit_online(
        procedure=world.procedure,
        applicant=APPLICANT,
        now=at(2024, 3, 4, 20, 0),
        components=[s.ComponentData(name="Tờ khai", file=pdf())],
        idempotency_key="k-2",
    )
    d = s.dossier_request_supplement(
        actor=desk, dossier=d, reason="", items="CCCD", now=at(2024, 3, 5, 9)
    )
    d = s.dossier_record_supplement(actor=desk, dossier=d, components=[], now=at(2024, 3, 5, 10))
    assert not d.documents.filter(kind="receipt").exists()
