"""A signed-in applicant's feedback in a browser: the form comes prefilled from their account,
the item they send is in their space (360 and 1366 px) with its published answer linked, and
they open it from there without the secret."""

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from motcua.feedback.models import Feedback
from motcua.feedback.tests.conftest import answered, at
from motcua.testing.applicants import applicant_create, applicant_login
from motcua.testing.browser import screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = {"360": 360, "1366": 1366}


def _sign_in(page, live_server, account) -> None:
    """The session ``applicant_login`` makes (as the OIDC sign-in leaves it), in the browser."""
    client = Client()
    applicant_login(client, account)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}]
    )


def test_the_applicants_feedback_in_their_space(live_server, page, world):
    base = live_server.url
    an = applicant_create("001085012345", "Nguyễn Văn An", phone="0987654321")
    earlier = answered(world, now=at(2025, 3, 3, 9, 0), sender_identifier=an.identifier)
    _sign_in(page, live_server, an)

    page.set_viewport_size({"width": 360, "height": 800})
    page.goto(f"{base}{reverse('public-feedback-send')}")
    assert page.get_by_label("Họ và tên").input_value() == "Nguyễn Văn An"
    assert page.get_by_label("Số điện thoại").input_value() == "0987654321"
    page.get_by_label("Tiêu đề").fill("Chậm cấp phiếu lý lịch tư pháp")
    page.get_by_label("Nội dung phản ánh, kiến nghị").fill("Đã quá hẹn ba ngày chưa có kết quả.")
    page.get_by_role("button", name="Gửi phản ánh, kiến nghị").click()
    page.locator("#feedback-code").wait_for()
    code = page.locator("#feedback-code").inner_text().strip()
    assert Feedback.objects.get(code=code).sender_identifier == an.identifier

    for suffix, width in WIDTHS.items():
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(f"{base}/tai-khoan/")
        section = page.locator("section", has=page.locator("#space-feedback"))
        assert section.get_by_role("link", name=code).is_visible()
        assert section.get_by_role("link", name=earlier.code).is_visible()
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        screenshot(page, f"feedback-space-{suffix}")

    # The published answer's public page, and the item itself without the secret.
    page.get_by_role("link", name="Đã công khai ngày").click()
    page.wait_for_url(f"**{reverse('public-feedback-detail', args=[earlier.code])}")
    page.goto(f"{base}/tai-khoan/")
    page.get_by_role("link", name=code).click()
    page.wait_for_url(f"**{reverse('public-feedback-mine', args=[code])}")
    assert page.get_by_text("Đã quá hẹn ba ngày chưa có kết quả.").is_visible()
    screenshot(page, "feedback-space-mine-1366")
