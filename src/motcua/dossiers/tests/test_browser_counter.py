"""Counter intake in a real browser, with the keyboard only: the desk officer types into the
procedure picker, chooses with Enter, tabs through the applicant's fields and submits."""

import re

import pytest
from django.urls import reverse

from motcua.dossiers.models import Dossier
from motcua.procedures.models import Level
from motcua.procedures.services import procedure_save
from motcua.testing.browser import screenshot

pytestmark = pytest.mark.browser


@pytest.mark.django_db(transaction=True)
def test_counter_intake_with_the_keyboard_only(live_server, page, world):
    procedure_save(
        code="1.000100.H12",
        values={
            "name": "Chứng thực bản sao từ bản chính",
            "level": Level.PROVINCE,
            "field": "Chứng thực",
            "authority": "central",
            "agency": world.dept,
            "processing_days": 3,
        },
        components=[
            {"name": "Bản chính giấy tờ", "originals": 1, "copies": 0, "required": True},
            {"name": "Bản sao cần chứng thực", "originals": 0, "copies": 2, "required": True},
        ],
    )
    page.goto(f"{live_server.url}{reverse('login')}")
    page.get_by_label("Tên đăng nhập").fill("dept-intake_officer")
    page.get_by_label("Mật khẩu").fill("pw-123456")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/can-bo/"))

    page.goto(f"{live_server.url}{reverse('desk-intake')}")
    assert page.evaluate("document.activeElement.name") == "procedure"  # autofocus
    page.keyboard.type("chung thuc ban sao")
    page.locator("#procedure-suggestions [role=option]").first.wait_for()
    assert page.locator("[role=option][aria-selected=true]").inner_text().startswith("1.000100.H12")
    page.keyboard.press("Enter")
    page.locator(".check-label", has_text="Bản sao cần chứng thực").wait_for()
    page.wait_for_function("() => document.activeElement.name === 'applicant_name'")
    assert page.locator("input[name=procedure]").input_value() == "1.000100.H12"

    for value in ("Lê Thị Cúc", "060300004321", "0905123456", "12 Trần Hưng Đạo, Phan Thiết"):
        page.keyboard.type(value)
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.name") == "applicant_email"
    screenshot(page, "counter-intake-form")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")  # submit from the last filled field

    page.wait_for_url(re.compile(r"/quay/tiep-nhan/000\.00\.05\.H12-"))
    dossier = Dossier.objects.get()
    assert page.locator("#dossier-code").inner_text() == dossier.code
    assert dossier.applicant_name == "Lê Thị Cúc" and dossier.components.count() == 2
    assert page.get_by_role("link", name="Tải Mẫu 01 (PDF)").is_visible()
    assert page.get_by_role("link", name="Tải Mẫu 01 (DOCX)").is_visible()
    assert page.evaluate("document.activeElement.id") == "next-intake"
    screenshot(page, "counter-intake")
