"""The public pages render for anyone (under the strict CSP), the editors' pages for the
editor role only, questions are moderated, rate limited and trapped."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from motcua.accounts.roles import Role
from motcua.audit.models import AuditEntry
from motcua.handbook.models import (
    AgencyIndexResult,
    Document,
    IndexResult,
    Question,
    QuestionState,
    Target,
)
from motcua.handbook.services import question_ask
from motcua.handbook.tests.data import TODAY, editor, make_handbook, make_user
from motcua.testing.files import PDF
from motcua.testing.pages import assert_strict_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def handbook(time_machine):
    time_machine.move_to(dt.datetime(2025, 10, 1, 9, tzinfo=dt.UTC))
    return make_handbook(TODAY)


def public_urls():
    document = Document.objects.order_by("number").first()
    target = Target.objects.order_by("code").first()
    question = Question.objects.filter(state=QuestionState.PUBLISHED).first()
    agency = AgencyIndexResult.objects.first().agency
    return [
        reverse("handbook-home"),
        reverse("handbook-documents"),
        reverse("handbook-documents") + "?q=mot+cua&year=2018",
        reverse("handbook-document", args=[document.pk]),
        reverse("handbook-targets"),
        reverse("handbook-targets") + f"?year=2025&status=late&agency={target.agency_id}",
        reverse("handbook-targets-late"),
        reverse("handbook-target", args=[target.pk]),
        reverse("handbook-indices"),
        reverse("handbook-indices") + "?nam=2023",
        reverse("handbook-agency-trend", args=[agency.code]),
        reverse("handbook-questions"),
        reverse("handbook-questions") + "?q=thu+tuc+dat+dai",
        reverse("handbook-question", args=[question.pk]),
        reverse("handbook-ask"),
    ]


def officer_urls():
    target = Target.objects.filter(done_on__isnull=True).first()
    document = Document.objects.first()
    question = Question.objects.first()
    return [
        reverse("handbook-officer"),
        reverse("handbook-officer-documents"),
        reverse("handbook-officer-document-create"),
        reverse("handbook-officer-document-edit", args=[document.pk]),
        reverse("handbook-officer-targets"),
        reverse("handbook-officer-target-create"),
        reverse("handbook-officer-target-edit", args=[target.pk]),
        reverse("handbook-officer-progress", args=[target.pk]),
        reverse("handbook-officer-indices"),
        reverse("handbook-officer-questions"),
        reverse("handbook-officer-answer", args=[question.pk]),
        reverse("handbook-officer-import"),
    ]


def test_every_public_page_renders_for_an_anonymous_visitor(client, handbook):
    for url in public_urls():
        assert_strict_page(client.get(url))


def test_the_demo_handbook_answers_thu_tuc_dat_dai(client, handbook):
    html = client.get(reverse("handbook-questions"), {"q": "thu tuc dat dai"}).content.decode()
    assert "Thủ tục đất đai nộp hồ sơ ở đâu?" in html
    assert "Thời hạn giải quyết thủ tục đất đai được tính thế nào?" in html
    assert "Dịch vụ công trực tuyến toàn trình" not in html


def test_the_index_page_shows_the_four_series_with_charts(client, handbook):
    html = client.get(reverse("handbook-indices")).content.decode()
    for kind in ("par", "sipas", "papi", "pci"):
        start = html.index(f'id="series-{kind}"')
        section = html[start : html.index("</section>", start)]
        assert "<svg" in section, kind
        assert section.count("<circle") == 5, kind  # 2019–2023
        assert "minh họa" in section  # the demo says its figures are illustrative
    assert 'id="ranking-department"' in html and 'id="ranking-district"' in html


def test_the_targets_page_opens_on_the_latest_year(client, handbook):
    html = client.get(reverse("handbook-targets")).content.decode()
    assert 'data-code="CCHC-2025-' in html and 'data-code="CCHC-2024-' not in html
    every_year = client.get(reverse("handbook-targets"), {"year": ""}).content.decode()
    assert 'data-code="CCHC-2025-' in every_year and 'data-code="CCHC-2024-' in every_year


def test_the_late_view_lists_what_is_late_on_the_day(client, handbook):
    late = Target.objects.filter(done_on__isnull=True, deadline__lt=TODAY)
    assert late.exists()
    html = client.get(reverse("handbook-targets-late")).content.decode()
    for target in late:
        assert f'data-code="{target.code}"' in html
    on_time = Target.objects.filter(deadline__gte=TODAY).first()
    assert f'data-code="{on_time.code}"' not in html


@pytest.mark.parametrize("role", [None, Role.CONTROLLER, Role.ADMINISTRATOR, Role.HANDLER])
def test_editing_needs_the_editor_role(client, handbook, role):
    if role:
        client.force_login(make_user("khac", role))
    for url in officer_urls():
        response = client.get(url)
        if role is None:
            assert response.status_code == 302 and "/dang-nhap/" in response["Location"], url
        else:
            assert response.status_code == 403, url
    document = Document.objects.first()
    response = client.post(
        reverse("handbook-officer-document-edit", args=[document.pk]), {"title": "x"}
    )
    assert response.status_code in (302, 403)
    assert Document.objects.get(pk=document.pk).title == document.title


def test_the_editor_reaches_every_page_from_the_navigation(client, handbook):
    client.force_login(editor())
    home = client.get(reverse("officer-home")).content.decode()
    assert reverse("handbook-officer") in home
    for url in officer_urls():
        assert_strict_page(client.get(url))


def test_editor_adds_a_document_with_its_file(client, handbook):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(editor())
    response = client.post(
        reverse("handbook-officer-document-create"),
        {
            "number": "12/KH-UBND",
            "issued_on": "2025-01-10",
            "issuer": "UBND tỉnh",
            "level": "province",
            "kind": "plan",
            "title": "Kế hoạch cải cách hành chính năm 2025",
            "summary": "",
            "status": "in_force",
            "file": SimpleUploadedFile("kh.pdf", PDF, content_type="application/pdf"),
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    document = Document.objects.get(number="12/KH-UBND")
    assert AuditEntry.objects.filter(action="handbook.document.create").exists()
    download = client.get(reverse("handbook-document-file", args=[document.pk]))
    assert download.status_code == 200
    assert download["X-Content-Type-Options"] == "nosniff"
    assert b"".join(download.streaming_content) == PDF
    client.logout()
    html = client.get(reverse("handbook-documents"), {"q": "ke hoach cai cach"}).content.decode()
    assert "12/KH-UBND" in html


def test_editor_refuses_a_file_that_is_not_what_it_claims(client, handbook):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(editor())
    response = client.post(
        reverse("handbook-officer-document-create"),
        {
            "number": "13/KH-UBND",
            "issued_on": "2025-01-10",
            "issuer": "UBND tỉnh",
            "level": "province",
            "kind": "plan",
            "title": "Kế hoạch",
            "status": "in_force",
            "file": SimpleUploadedFile("kh.pdf", b"<svg onload=alert(1)>"),
        },
    )
    assert response.status_code == 200
    assert not Document.objects.filter(number="13/KH-UBND").exists()


def test_progress_report_with_evidence_marks_the_target_done(client, handbook):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(editor())
    target = Target.objects.filter(done_on__isnull=True, deadline__lt=TODAY).first()
    response = client.post(
        reverse("handbook-officer-progress", args=[target.pk]),
        {
            "reported_on": "2025-10-01",
            "percent": "100",
            "note": "Đã hoàn thành",
            "evidence": SimpleUploadedFile("bc.pdf", PDF),
        },
    )
    assert response.status_code == 302
    target.refresh_from_db()
    assert target.done_on == TODAY
    report = target.progress.first()
    assert report.evidence
    assert client.get(reverse("handbook-evidence-file", args=[report.pk])).status_code == 200
    html = client.get(reverse("handbook-target", args=[target.pk])).content.decode()
    assert "Hoàn thành trễ hạn" in html


def _ask(client, **extra):
    data = {"title": "Cấp đổi giấy chứng nhận quyền sử dụng đất mất bao lâu?", "website": ""}
    return client.post(reverse("handbook-ask"), {**data, **extra})


def test_a_question_stays_hidden_until_an_editor_answers_it(client, handbook):
    assert _ask(client, asker_name="Nguyễn Văn An").status_code == 302
    question = Question.objects.get(title__startswith="Cấp đổi giấy chứng nhận")
    assert question.state == QuestionState.PENDING
    page = client.get(reverse("handbook-questions"), {"q": "cap doi giay chung nhan"})
    assert "Cấp đổi giấy chứng nhận" not in page.content.decode()
    assert client.get(reverse("handbook-question", args=[question.pk])).status_code == 404

    client.force_login(editor())
    pending = client.get(reverse("handbook-officer-questions")).content.decode()
    assert f'data-pk="{question.pk}"' in pending
    response = client.post(
        reverse("handbook-officer-answer", args=[question.pk]),
        {"title": question.title, "new_category": "Thủ tục đất đai", "answer": "Mười ngày."},
    )
    assert response.status_code == 302
    client.logout()
    page = client.get(reverse("handbook-questions"), {"q": "cap doi giay chung nhan"})
    assert "Mười ngày." in page.content.decode()
    assert AuditEntry.objects.filter(action="handbook.question.answer").exists()


def test_the_editor_can_reject_a_question(client, handbook):
    question = question_ask(title="Quảng cáo", asked_at=timezone.now())
    client.force_login(editor())
    response = client.post(reverse("handbook-officer-reject", args=[question.pk]))
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.state == QuestionState.REJECTED


def test_the_honeypot_keeps_nothing(client, handbook):
    before = Question.objects.count()
    assert _ask(client, website="http://spam.example").status_code == 302
    assert Question.objects.count() == before


def test_questions_are_rate_limited_per_client_address(client, handbook, settings):
    settings.MOTCUA_RATE_LIMITS = {**settings.MOTCUA_RATE_LIMITS, "question_address": "2/3600"}
    before = Question.objects.count()
    assert _ask(client, title="Một").status_code == 302
    assert _ask(client, title="Hai").status_code == 302
    refused = _ask(client, title="Ba")
    assert refused.status_code == 429
    assert Question.objects.count() == before + 2
    # Another address is not held back.
    other = client.post(
        reverse("handbook-ask"), {"title": "Bốn", "website": ""}, REMOTE_ADDR="203.0.113.9"
    )
    assert other.status_code == 302


def test_editor_records_an_index_result_with_components(client, handbook):
    client.force_login(editor())
    response = client.post(
        reverse("handbook-officer-indices"),
        {
            "index-index": "pci",
            "index-year": "2024",
            "index-score": "66.5",
            "index-rank": "20",
            "index-rank_of": "63",
            "index-source": "VCCI",
            "index-components": "Gia nhập thị trường; 7,5; 10\nTiếp cận đất đai; 6.2",
        },
    )
    assert response.status_code == 302
    result = IndexResult.objects.get(index="pci", year=2024)
    assert [(c.name, str(c.score)) for c in result.components.all()] == [
        ("Gia nhập thị trường", "7.50"),
        ("Tiếp cận đất đai", "6.20"),
    ]
