"""The handbook in a real browser: every public page at phone and desk widths (no sideways
scroll, no CSP or WCAG violation: the page fixture checks), the Q&A search without
diacritics, asking a question, and the editor's pages."""

import datetime as dt
import os
import re
from pathlib import Path

import pytest
from django.urls import reverse

from motcua.handbook.models import AgencyIndexResult, Document, Question, QuestionState, Target
from motcua.handbook.tests.data import editor, make_handbook
from motcua.testing.browser import screenshot

pytestmark = pytest.mark.browser

WIDTHS = (360, 1366)
# Screenshots for a person to look at, besides the test artefacts.
SHOTS = os.environ.get("MOTCUA_HANDBOOK_SHOTS")


def _shot(page, name: str) -> None:
    path = screenshot(page, name)
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        (Path(SHOTS) / path.name).write_bytes(path.read_bytes())


def _fits(page, width: int) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= width, page.url


@pytest.fixture
def handbook(time_machine):
    # The live server's clock: targets are late or on track as of this day.
    time_machine.move_to(dt.datetime(2025, 10, 1, 9, tzinfo=dt.UTC), tick=True)
    return make_handbook(dt.date(2025, 10, 1))


@pytest.mark.django_db(transaction=True)
def test_every_public_page_at_phone_and_desk_width(live_server, page, handbook):
    pages = {
        "home": reverse("handbook-home"),
        "documents": reverse("handbook-documents"),
        "document": reverse("handbook-document", args=[Document.objects.get(number="76/NQ-CP").pk]),
        "targets": reverse("handbook-targets"),
        "targets-late": reverse("handbook-targets-late"),
        "target": reverse("handbook-target", args=[Target.objects.order_by("code").first().pk]),
        "indices": reverse("handbook-indices"),
        "agency-trend": reverse(
            "handbook-agency-trend", args=[AgencyIndexResult.objects.first().agency.code]
        ),
        "questions": reverse("handbook-questions"),
        "question": reverse(
            "handbook-question",
            args=[Question.objects.filter(state=QuestionState.PUBLISHED).first().pk],
        ),
        "ask": reverse("handbook-ask"),
    }
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 800})
        for name, url in pages.items():
            page.goto(f"{live_server.url}{url}")
            page.locator("h1").first.wait_for()
            _fits(page, width)
            _shot(page, f"handbook-{name}-{width}")
    page.goto(f"{live_server.url}{pages['indices']}")
    for kind in ("par", "sipas", "papi", "pci"):
        assert page.locator(f"#series-{kind} svg.chart").count() == 1


@pytest.mark.django_db(transaction=True)
def test_search_without_diacritics_and_ask_on_a_phone(live_server, page, handbook):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(f"{live_server.url}{reverse('handbook-questions')}")
    page.get_by_label("Tìm câu hỏi").fill("thu tuc dat dai")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"q=thu"))
    assert page.locator("#result-count").inner_text() == "3 câu hỏi"
    assert page.get_by_text("Thủ tục đất đai nộp hồ sơ ở đâu?").count() == 1
    _shot(page, "handbook-questions-search-360")

    page.get_by_role("link", name="Gửi câu hỏi").click()
    page.get_by_label("Câu hỏi", exact=True).fill("Cấp đổi sổ đỏ mất bao lâu?")
    page.get_by_label("Họ và tên").fill("Nguyễn Văn An")
    page.get_by_role("button", name="Gửi câu hỏi").click()
    page.get_by_text("Đã gửi câu hỏi.").wait_for()
    assert Question.objects.get(title="Cấp đổi sổ đỏ mất bao lâu?").state == QuestionState.PENDING


@pytest.mark.django_db(transaction=True)
def test_the_editor_pages(live_server, page, handbook):
    user = editor()
    page.goto(f"{live_server.url}{reverse('login')}")
    page.get_by_label("Tên đăng nhập").fill(user.username)
    page.get_by_label("Mật khẩu").fill("x")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/can-bo/"))
    page.get_by_role("link", name="Biên tập sổ tay").first.click()
    page.wait_for_url(re.compile(r"/can-bo/so-tay/$"))
    target = Target.objects.filter(done_on__isnull=True).order_by("code").first()
    pages = {
        "officer-home": reverse("handbook-officer"),
        "officer-documents": reverse("handbook-officer-documents"),
        "officer-document-form": reverse("handbook-officer-document-create"),
        "officer-targets": reverse("handbook-officer-targets"),
        "officer-progress": reverse("handbook-officer-progress", args=[target.pk]),
        "officer-indices": reverse("handbook-officer-indices"),
        "officer-questions": reverse("handbook-officer-questions"),
        "officer-import": reverse("handbook-officer-import"),
    }
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 800})
        for name, url in pages.items():
            page.goto(f"{live_server.url}{url}")
            page.locator("h1").first.wait_for()
            _fits(page, width)
            _shot(page, f"handbook-{name}-{width}")
