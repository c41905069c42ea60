"""The rules the law sets (issue #8 §3), table tests at the services level."""

import datetime as dt
import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction

from motcua.accounts.roles import Role
from motcua.calendar.rules import OfficeHours, WorkCalendar, working_time_between
from motcua.dossiers import authz
from motcua.dossiers import services as s
from motcua.dossiers.models import DossierStep
from motcua.dossiers.slips.issue import slip_bytes
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
    receipt = Document(io.BytesIO(slip_bytes(receipts[-1])))
    text = "\n".join(p.text for p in receipt.paragraphs)
    assert "21/03/2024" in text and "CCCD" in "".join(
        c.text for t in receipt.tables for c in t._cells
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


# ---- process templates: the budgets add up to the time limit --------------------------------


@pytest.mark.parametrize(
    ("days", "unit", "steps", "transfer", "error"),
    [
        (10, "working", [56, 20], 4, ""),  # 80 working hours = 10 working days
        (10, "working", [60, 20], 0, ""),  # no separate handover budget
        (10, "working", [60, 20], 4, "phải bằng"),  # 84 > 80
        (10, "working", [40, 20], 4, "phải bằng"),  # 64 < 80: no hidden reserve
        (Decimal("0.5"), "working", [2, 1.5], Decimal("0.5"), ""),
        (15, "calendar", [60, 20], 4, ""),  # a calendar limit holds at most 120 working hours
        (15, "calendar", [100, 20], 4, "không được vượt quá"),
        (None, "working", [500], 4, ""),  # no time limit: nothing to add up to
    ],
)
def test_template_budgets_add_up_to_the_time_limit(world, days, unit, steps, transfer, error):
    procedure = world.procedure
    procedure.processing_days, procedure.day_unit = days, unit
    call = lambda: s.process_template_check(  # noqa: E731
        procedure=procedure,
        step_hours=[Decimal(str(h)) for h in steps],
        transfer_hours=Decimal(str(transfer)),
    )
    if not error:
        call()
        return
    with pytest.raises(DomainError) as refused:
        call()
    assert error in refused.value.message_vi and refused.value.code == "budget_mismatch"
    assert "time limit" in refused.value.message_en


@pytest.mark.parametrize(
    ("budget", "transferred", "due", "timing"),
    [
        # Received Tue 05/03 08:15; half a working day by default: due 14:15 (lunch skipped).
        (None, at(2024, 3, 5, 9, 0), at(2024, 3, 5, 14, 15), "on_time"),
        (None, at(2024, 3, 5, 16, 0), at(2024, 3, 5, 14, 15), "on_time"),  # same date
        (None, at(2024, 3, 6, 8, 0), at(2024, 3, 5, 14, 15), "late"),
        # A template's own budget: two working days.
        ("16", at(2024, 3, 6, 8, 0), at(2024, 3, 7, 8, 15), "early"),
    ],
)
def test_the_desks_transfer_has_its_own_budget(world, budget, transferred, due, timing):
    from motcua.dossiers.models import ProcessTemplate, ProcessTemplateStep

    if budget is not None:
        template = ProcessTemplate.objects.create(
            procedure=world.procedure, transfer_budget_hours=Decimal(budget)
        )
        ProcessTemplateStep.objects.create(
            template=template, order=1, name="Thẩm định", role=Role.HANDLER, budget_hours=48
        )
        ProcessTemplateStep.objects.create(
            template=template, order=2, name="Phê duyệt", role=Role.APPROVER, budget_hours=16
        )
    d = received(world)
    d = s.dossier_transfer(actor=world.user(Role.INTAKE_OFFICER), dossier=d, now=transferred)
    data = d.events.get(action="transfer").data
    assert dt.datetime.fromisoformat(data["transfer_due_at"]) == due
    assert Decimal(data["transfer_budget_hours"]) == Decimal(budget or 4)
    assert data["transfer_timing"] == timing


@pytest.mark.parametrize(
    ("days", "transfer", "handler", "approver"),
    [
        (10, "4", "57", "19"),  # 80 working hours: half a day at the desk, 3/4 and 1/4 after
        (1, "1", "5.25", "1.75"),  # a short limit: the desk gets an eighth of it
        (Decimal("0.5"), "0.5", "2.62", "0.88"),
        (None, "2", "10.5", "3.5"),  # no limit: two working days are planned
    ],
)
def test_default_budgets_add_up_to_the_time_limit(world, days, transfer, handler, approver):
    world.procedure.processing_days = days
    world.procedure.save()
    world.procedure.versions.update(processing_days=days)  # the version a dossier binds to
    d = received(world)
    d = s.dossier_transfer(actor=world.user(Role.INTAKE_OFFICER), dossier=d, now=d.received_at)
    data = d.events.get(action="transfer").data
    steps = list(d.steps.order_by("order").values_list("budget_hours", flat=True))
    assert Decimal(data["transfer_budget_hours"]) == Decimal(transfer)
    assert steps == [Decimal(handler), Decimal(approver)]
    limit = Decimal(days if days is not None else 2) * 8
    assert Decimal(transfer) + sum(steps) == limit


# ---- pages ---------------------------------------------------------------------------------


def _controller(world):
    from motcua.accounts.models import User

    return User.objects.create_user(
        username="kiem-soat", password="pw-123456", role=Role.CONTROLLER, agency=world.province
    )


def test_the_controller_lists_late_dossiers_without_an_apology(world, client):
    from django.urls import reverse

    late = received(world, at(2024, 3, 5, 8, 15))  # due 19/03/2024: late today
    apologised = received(world, at(2024, 3, 5, 9, 0))
    apologise(world, apologised, at(2024, 3, 15, 9, 0))
    on_time = received(world, at(2024, 3, 5, 10, 0))
    desk = world.user(Role.INTAKE_OFFICER)
    d = s.dossier_transfer(actor=desk, dossier=on_time, now=at(2024, 3, 5, 11))
    d = s.dossier_forward(actor=world.user(Role.HANDLER), dossier=d, now=at(2024, 3, 6, 9))
    s.dossier_approve(actor=world.user(Role.APPROVER), dossier=d, now=at(2024, 3, 7, 9))
    client.force_login(_controller(world))
    home = client.get(reverse("officer-home"))
    url = reverse("officer-late-without-apology")
    assert url in home.content.decode()  # in the navigation and on the home page
    page = client.get(url)
    assert page.status_code == 200
    text = page.content.decode()
    assert "Hồ sơ trễ hạn chưa có văn bản xin lỗi" in text
    assert late.code in text
    assert apologised.code not in text and on_time.code not in text


def test_the_late_list_is_the_controllers(world, client):
    from django.urls import reverse

    client.force_login(world.user(Role.INTAKE_OFFICER))
    assert client.get(reverse("officer-late-without-apology")).status_code == 403
    assert "tre-han-chua-xin-loi" not in client.get(reverse("officer-home")).content.decode()


def test_the_dossier_page_offers_no_apology_once_late_and_shows_the_handover(world, client):
    from django.urls import reverse

    d = received(world)  # due 19/03/2024: long past
    d = s.dossier_transfer(actor=world.user(Role.INTAKE_OFFICER), dossier=d, now=at(2024, 3, 5, 9))
    client.force_login(world.user(Role.HANDLER))
    page = client.get(reverse("officer-dossier-detail", args=[d.code]))
    assert page.status_code == 200
    assert Action.APOLOGISE not in [p.action for p in page.context["panels"]]
    steps = page.context["steps"]
    assert steps[0].name == "Bộ phận Một cửa chuyển hồ sơ" and steps[0].order == 0
    assert steps[0].timing_label == "Đúng hạn"


def test_the_admin_refuses_a_template_whose_budgets_do_not_add_up(world, client):
    from django.urls import reverse

    from motcua.accounts.models import User
    from motcua.dossiers.models import ProcessTemplate

    admin = User.objects.create_superuser(username="root", password="pw-123456")
    client.force_login(admin)
    data = {
        "procedure": world.procedure.pk,
        "transfer_budget_hours": "4",
        "steps-TOTAL_FORMS": "2",
        "steps-INITIAL_FORMS": "0",
        "steps-MIN_NUM_FORMS": "0",
        "steps-MAX_NUM_FORMS": "1000",
        "steps-0-order": "1",
        "steps-0-name": "Thẩm định",
        "steps-0-role": Role.HANDLER,
        "steps-0-budget_hours": "60",
        "steps-1-order": "2",
        "steps-1-name": "Phê duyệt",
        "steps-1-role": Role.APPROVER,
        "steps-1-budget_hours": "20",
    }
    url = reverse("admin:dossiers_processtemplate_add")
    refused = client.post(url, data)
    assert refused.status_code == 200 and not ProcessTemplate.objects.exists()
    assert "phải bằng thời hạn giải quyết của thủ tục (80 giờ làm việc)" in (
        refused.content.decode()
    )
    data["steps-0-budget_hours"] = "56"
    assert client.post(url, data).status_code == 302
    assert ProcessTemplate.objects.get().transfer_budget_hours == 4
