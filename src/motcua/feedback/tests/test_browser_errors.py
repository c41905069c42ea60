"""The public feedback pages when something is wrong, in a real browser: the form's errors
named at 360 px (nothing written), a wrong secret at the lookup; screenshots at both widths."""

import pytest
from django.urls import reverse

from motcua.feedback.models import Feedback
from motcua.testing.browser import screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_errors_are_named_and_nothing_is_written(live_server, page, world):
    base = live_server.url
    for width in (360, 1366):
        page.set_viewport_size({"width": width, "height": 800})
        page.goto(f"{base}{reverse('public-feedback-send')}")
        page.get_by_label("Số điện thoại").fill("12ab")
        page.get_by_role("button", name="Gửi phản ánh, kiến nghị").click()
        page.locator("#form-errors").wait_for()
        text = page.locator("#form-errors").inner_text()
        assert "Tiêu đề" in text and "Số điện thoại" in text
        screenshot(page, f"feedback-send-errors-{width}")
        page.goto(f"{base}{reverse('public-feedback-lookup')}?ma=PAKN-2026-000001")
        page.get_by_label("Mã bí mật").fill("SAIMABIMAT")
        page.get_by_role("button", name="Tra cứu").click()
        page.get_by_text("Không tìm thấy phản ánh").wait_for()
        screenshot(page, f"feedback-lookup-error-{width}")
    assert not Feedback.objects.exists()
