"""Counter visits that end without receiving: guidance to complete the dossier (form 02) and
refusal (form 03). Recorded with their slip and audited, never a dossier, never counted."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from motcua.audit.models import AuditEntry
from motcua.dossiers import services as s
from motcua.dossiers.models import CounterVisit, Dossier, VisitOutcome
from motcua.dossiers.slips.issue import slip_bytes
from motcua.dossiers.tests.test_officer_pages import (
    APPLICANT,
    DESK,
    HANDLER,
    intake_data,
    login,
)
from motcua.dossiers.tests.test_officer_pages import land as land  # noqa: F401  (the fixture)
from motcua.dossiers.tests.test_slips import text_of
from motcua.reports.selectors.dossiers import form06
from motcua.utils.errors import DomainError
from motcua.utils.periods import Period


def slip_text(visit: CounterVisit) -> str:
    visit.refresh_from_db()
    return text_of(slip_bytes(visit))


def test_guidance_lists_the_unticked_components_and_what_was_typed(client, world, land):
    login(client, world, DESK)
    required = land.components.get(required=True)
    data = intake_data(
        land,
        intent="guidance",
        visit_items="Bản sao có chứng thực hợp đồng\n\n",
        **{f"c{required.pk}_received": None},
    )
    response = client.post(reverse("desk-intake"), data)
    visit = CounterVisit.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("desk-visit", args=[visit.pk])
    assert visit.outcome == VisitOutcome.GUIDANCE
    assert visit.items == "Đơn đề nghị\nBản sao có chứng thực hợp đồng"
    assert visit.officer == world.user(DESK) and visit.desk == world.dept
    assert Dossier.objects.count() == 0
    text = slip_text(visit)
    assert visit.form_number == "02" and "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ" in text
    assert "Đơn đề nghị" in text and "Bản sao có chứng thực hợp đồng" in text
    assert "Trần Thị Bình" in text and "Mã hồ sơ" not in text
    assert "Giấy tờ tùy thân" not in text  # ticked as brought
    entry = AuditEntry.objects.get(action="counter_visit.guidance")
    assert entry.target_id == str(visit.pk) and entry.actor == world.user(DESK)
    page = client.get(response["Location"]).content.decode()
    assert "Đã hướng dẫn bổ sung" in page and "*******321" in page and "0987654321" not in page
    slip = client.get(reverse("desk-visit-slip", args=[visit.pk, "docx"]))
    assert slip.status_code == 200 and b"".join(slip.streaming_content)[:2] == b"PK"


def test_guidance_with_nothing_missing_is_refused_and_records_nothing(client, world, land):
    login(client, world, DESK)
    response = client.post(reverse("desk-intake"), intake_data(land, intent="guidance"))
    assert response.status_code == 400
    assert "thành phần còn thiếu" in " ".join(response.context["form"].non_field_errors())
    assert CounterVisit.objects.count() == 0
    assert not AuditEntry.objects.filter(action__startswith="counter_visit").exists()


def test_refusal_needs_a_reason_and_prints_form_03(client, world, land):
    login(client, world, DESK)
    response = client.post(reverse("desk-intake"), intake_data(land, intent="refusal"))
    assert response.status_code == 400
    assert response.context["form"].errors["visit_reason"]
    assert CounterVisit.objects.count() == 0
    response = client.post(
        reverse("desk-intake"),
        intake_data(land, intent="refusal", visit_reason="Không thuộc thẩm quyền của Sở"),
    )
    visit = CounterVisit.objects.get()
    assert response.status_code == 302 and visit.outcome == VisitOutcome.REFUSAL
    text = slip_text(visit)
    assert visit.form_number == "03" and "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ" in text
    assert "Không thuộc thẩm quyền của Sở" in text
    assert Dossier.objects.count() == 0


def test_a_visit_in_the_2025_set_uses_its_forms(world, land):
    visit = s.counter_visit_record(
        actor=world.user(DESK),
        procedure=land,
        applicant=APPLICANT,
        outcome=VisitOutcome.GUIDANCE,
        items="Đơn đề nghị",
        now=dt.datetime(2025, 10, 1, 9, 0, tzinfo=dt.UTC),
    )
    assert visit.form_set == "tt03_2025" and visit.form_number == "02"
    assert "Nguyễn Văn An" in slip_text(visit)


def test_only_the_desk_records_visits(world, land):
    with pytest.raises(DomainError) as error:
        s.counter_visit_record(
            actor=world.user(HANDLER),
            procedure=land,
            applicant=APPLICANT,
            outcome=VisitOutcome.REFUSAL,
            reason="Không đủ điều kiện",
            now=timezone.now(),
        )
    assert error.value.status_code == 403
    assert CounterVisit.objects.count() == 0


def test_visits_are_never_counted_as_dossiers(world, land):
    day = timezone.localdate()
    before = form06(Period(day, day))
    for outcome, extra in (
        (VisitOutcome.GUIDANCE, {"items": "Đơn đề nghị"}),
        (VisitOutcome.REFUSAL, {"reason": "Không thuộc thẩm quyền"}),
    ):
        s.counter_visit_record(
            actor=world.user(DESK),
            procedure=land,
            applicant=APPLICANT,
            outcome=outcome,
            now=timezone.now(),
            **extra,
        )
    assert form06(Period(day, day)) == before
    assert CounterVisit.objects.count() == 2 and Dossier.objects.count() == 0


def test_visits_list_is_the_desks_own_filtered_and_masked(client, world, land):
    for desk, name in ((world.dept, "Lê Văn Cường"), (world.other, "Phạm Thị Dung")):
        officer = world.user(DESK, "dept" if desk == world.dept else "other")
        s.counter_visit_record(
            actor=officer,
            procedure=land,
            applicant=s.ApplicantData(name=name, phone="0911222333"),
            outcome=VisitOutcome.REFUSAL,
            reason="Không thuộc thẩm quyền",
            now=timezone.now(),
        )
    login(client, world, DESK)
    page = client.get(reverse("desk-visits"))
    html = page.content.decode()
    assert "Lê Văn Cường" in html and "Phạm Thị Dung" not in html
    assert "*******333" in html and "0911222333" not in html
    other = CounterVisit.objects.get(applicant_name="Phạm Thị Dung")
    assert client.get(reverse("desk-visit", args=[other.pk])).status_code == 404
    assert client.get(reverse("desk-visit-slip", args=[other.pk, "docx"])).status_code == 404
    filtered = client.get(reverse("desk-visits"), {"outcome": "guidance"})
    assert "Lê Văn Cường" not in filtered.content.decode()
    wrong = client.get(reverse("desk-visits"), {"date_from": "31/02/2024"})
    assert wrong.status_code == 400
