"""The demo's live dossiers: made through the real services, in every state, with highlights
for the work list, at past instants, once."""

import datetime as dt
import io
import re
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command

from motcua.accounts.models import User
from motcua.accounts.roles import Role
from motcua.agencies.models import Agency, AgencyKind, Province
from motcua.calendar.rules import OfficeHours, WorkCalendar
from motcua.demo.applicants import demo_identity_people
from motcua.demo.generator import generate_package
from motcua.demo.live import DemoSetupError, demo_live_dossiers
from motcua.dossiers.models import Apology, Dossier, DossierEvent, Evaluation, SupplementRequest
from motcua.dossiers.workflow import OPEN_STATES, State
from motcua.testing.factories import ProcedureFactory

VN = ZoneInfo("Asia/Ho_Chi_Minh")
NOW = dt.datetime(2024, 12, 10, 15, 20, tzinfo=VN)  # a Tuesday afternoon
EVERY_STATE = {1, 2, 4, 5, 6, 7, 8, 9, 10}


def _officers(department: Agency) -> None:
    for username, role in (
        ("motcua", Role.INTAKE_OFFICER),
        ("chuyenvien", Role.HANDLER),
        ("lanhdao", Role.APPROVER),
    ):
        User.objects.create_user(
            username=username, password="pw-123456", role=role, agency=department
        )


@pytest.fixture
def department(db) -> Agency:
    Province.objects.create(pk=1, name="Bình Thuận", code="H12")
    province = Agency.objects.create(
        code="000.00.00.H12", name="UBND tỉnh Bình Thuận", kind=AgencyKind.PROVINCE
    )
    department = Agency.objects.create(
        code="000.00.09.H12",
        name="Sở Tài nguyên và Môi trường",
        kind=AgencyKind.DEPARTMENT,
        parent=province,
    )
    for i, (days, online, fee) in enumerate(
        [(3, "none", 0), (5, "full", 100_000), (10, "partial", 0), (15, "full", 500_000)]
        + [(30, "none", 1_000_000), (7, "full", 0)]
    ):
        ProcedureFactory(
            code=f"1.0000{i}.000.00.00.H12",
            name=f"Thủ tục đất đai số {i}",
            field="Đất đai",
            agency=department,
            processing_days=Decimal(days),
            online_level=online,
            fee_vnd=fee,
        )
    ProcedureFactory(code="1.000099.000.00.00.H12", agency=department, processing_days=None)
    _officers(department)
    return department


def test_every_state_and_the_highlights(department):
    assert demo_live_dossiers(now=NOW, count=40, seed=7) == 40
    dossiers = Dossier.objects.all()
    assert dossiers.count() == 40
    assert set(dossiers.values_list("state", flat=True)) == EVERY_STATE
    in_process = dossiers.filter(state__in=OPEN_STATES, due_at__isnull=False)
    assert in_process.filter(due_at__lt=NOW).count() >= 2  # overdue
    assert in_process.filter(due_at__gt=NOW, due_at__lte=NOW + dt.timedelta(hours=24)).count() >= 2
    assert Apology.objects.exists() and Evaluation.objects.exists()
    assert SupplementRequest.objects.filter(supplied_at__isnull=True).exists()
    assert SupplementRequest.objects.filter(supplied_at__isnull=False).exists()
    assert set(dossiers.exclude(outcome="").values_list("outcome", flat=True)) == {
        "approved",
        "refused",
        "stopped",
        "withdrawn",
    }
    assert set(dossiers.values_list("channel", flat=True)) >= {"online", "direct"}


def test_everything_happened_before_now_in_office_hours(department):
    demo_live_dossiers(now=NOW, count=40)
    calendar, hours = WorkCalendar(), OfficeHours()
    assert not DossierEvent.objects.filter(at__gt=NOW).exists()
    assert DossierEvent.objects.count() > 100
    assert NOW - DossierEvent.objects.order_by("at").first().at < dt.timedelta(days=70)
    for d in Dossier.objects.exclude(received_at=None):
        local = d.received_at.astimezone(VN)
        assert calendar.is_working(local.date()), d.code
        assert any(start <= local.time() <= end for start, end in hours.periods), d.code
        for later in (d.ended_at, d.returned_at):
            assert later is None or d.received_at <= later <= NOW


def test_applicants_look_vietnamese(department):
    demo_live_dossiers(now=NOW, count=20)
    for d in Dossier.objects.all():
        assert re.fullmatch(r"0(9\d|3[2-9])\d{7}", d.applicant_phone), d.applicant_phone
        assert d.applicant_address.endswith("tỉnh Bình Thuận")
        assert len(d.applicant_name.split()) >= 3
    people = Dossier.objects.filter(applicant_kind="person")
    assert all(re.fullmatch(r"060[0-3]\d{8}", d.applicant_id_number) for d in people)


def test_runs_once(department):
    assert demo_live_dossiers(now=NOW, count=12) == 12
    assert demo_live_dossiers(now=NOW + dt.timedelta(days=1), count=12) == 0
    assert Dossier.objects.count() == 12


def test_a_small_count_still_shows_every_state(department):
    demo_live_dossiers(now=NOW, count=11)
    assert set(Dossier.objects.values_list("state", flat=True)) == EVERY_STATE


@pytest.mark.parametrize(
    "now",
    [
        dt.datetime(2024, 12, 14, 10, 0, tzinfo=VN),  # a Saturday
        dt.datetime(2024, 12, 13, 20, 30, tzinfo=VN),  # a Friday evening
        dt.datetime(2025, 2, 3, 7, 5, tzinfo=VN),  # the first working morning after Tết 2025
    ],
)
def test_any_now_works(department, now):
    demo_live_dossiers(now=now, count=20)
    assert set(Dossier.objects.values_list("state", flat=True)) == EVERY_STATE
    assert not DossierEvent.objects.filter(at__gt=now).exists()


def test_needs_the_demo_officers(db):
    Agency.objects.create(
        code="000.00.09.H12", name="Sở Tài nguyên và Môi trường", kind=AgencyKind.DEPARTMENT
    )
    with pytest.raises(DemoSetupError, match="no active officer"):
        demo_live_dossiers(now=NOW)
    assert not Dossier.objects.exists()


def test_on_an_imported_generated_package(db, tmp_path: Path):
    """The demo's own path: generate, import, then go live. The dossier history and the
    officers are left out: their imports have their own tests (motcua.interchange)."""
    generate_package(tmp_path, seed=2024, scale=0.0005)
    (tmp_path / "dossiers.csv").unlink()
    (tmp_path / "supplements.csv").unlink()
    # The test names its own officers (the package's are tested in test_demo_end_to_end).
    (tmp_path / "users.csv").unlink()
    call_command("import", str(tmp_path), "--quiet", stdout=io.StringIO())
    department = Agency.objects.get(name__icontains="Tài nguyên")
    _officers(department)
    now = dt.datetime(2025, 3, 12, 15, 40, tzinfo=VN)
    assert demo_live_dossiers(now=now, count=20) == 20
    live = Dossier.objects.all()
    assert live.count() == 20
    assert set(live.values_list("state", flat=True)) == EVERY_STATE
    assert live.filter(state=State.PROCESSING, due_at__lt=now).exists()
    assert {d.procedure.agency_id for d in live} == {department.pk}


def test_the_fake_providers_people_are_applicants_of_live_dossiers(department):
    from motcua.demo.applicants import demo_identity_people
    from motcua.integrations.fakeidp import FakeIdP

    demo_live_dossiers(now=NOW, count=40, seed=7)
    people = demo_identity_people()
    kinds = [p["loai_tai_khoan"] for p in people]
    assert kinds.count("cong_dan") == 4 and kinds.count("to_chuc") <= 1
    for person in people:
        assert Dossier.objects.filter(
            applicant_id_number=person["so_dinh_danh"], applicant_name=person["name"]
        ).exists()
        if person["loai_tai_khoan"] == "cong_dan":
            assert re.fullmatch(r"\d{12}", person["so_dinh_danh"])
    with FakeIdP(people=people) as idp:  # the provider takes them as they are
        assert set(idp.people) == {p["so_dinh_danh"] for p in people}


def test_the_demo_starts_its_fake_identity_provider(department, settings, tmp_path, monkeypatch):
    import json as json_module
    import os
    import urllib.request

    from motcua.demo.management.commands.demo import Command, _stop

    monkeypatch.delenv("MOTCUA_OIDC_ISSUER", raising=False)
    settings.DATA_DIR = tmp_path
    demo_live_dossiers(now=NOW, count=40, seed=7)
    process = Command(stdout=io.StringIO())._start_idp(demo_identity_people())
    try:
        issuer = settings.MOTCUA_OIDC_ISSUER
        assert issuer.startswith("http://127.0.0.1:")
        with urllib.request.urlopen(f"{issuer}/.well-known/openid-configuration") as answer:
            assert json_module.load(answer)["issuer"] == issuer
        assert (tmp_path / "demo-idp-key.pem").exists()
    finally:
        _stop(process)
        os.environ.pop("MOTCUA_OIDC_ISSUER", None)  # set by the command, not by monkeypatch


def test_the_demo_people_hold_a_reusable_document_in_their_store(department):
    from motcua.datastore.models import StoredDocument
    from motcua.datastore.selectors import valid_documents
    from motcua.demo.datastore import demo_store_documents
    from motcua.procedures.models import DocumentKind

    demo_live_dossiers(now=NOW, count=40, seed=7)
    people = demo_identity_people()
    desk = User.objects.create_user(
        "motcua-store", password="pw-123456", role=Role.INTAKE_OFFICER, agency=department
    )
    assert demo_store_documents(people, actor=desk, today=NOW.date()) == len(people)
    for person in people:
        kinds = {d.kind for d in valid_documents(person["so_dinh_danh"], on=NOW.date())}
        citizen = person["loai_tai_khoan"] == "cong_dan"
        assert kinds == {DocumentKind.ID_CARD if citizen else DocumentKind.BUSINESS_REGISTRATION}
    # Run again (a second `motcua demo`): nothing more.
    assert demo_store_documents(people, actor=desk, today=NOW.date()) == 0
    assert StoredDocument.objects.count() == len(people)
