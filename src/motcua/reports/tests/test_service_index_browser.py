"""The service-index page in a real browser, at phone and desk widths: no sideways scroll, a
numerator opens its records."""

import re

import pytest
from django.urls import reverse

from motcua.accounts.roles import Role
from motcua.reports.tests.dashboard_data import make_user
from motcua.reports.tests.service_index_data import YEAR, make_province
from motcua.testing.browser import screenshot

pytestmark = pytest.mark.browser


@pytest.mark.django_db(transaction=True)
def test_controller_reads_the_index_on_a_phone(live_server, page):
    province = make_province()
    controller = make_user("kiemsoat", Role.CONTROLLER, province.setting.province)
    page.goto(f"{live_server.url}{reverse('login')}")
    page.get_by_label("Tên đăng nhập").fill(controller.username)
    page.get_by_label("Mật khẩu").fill("x")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/can-bo/"))

    for width in (360, 1366):
        page.set_viewport_size({"width": width, "height": 800})
        page.goto(f"{live_server.url}{reverse('reports-service-index')}?year={YEAR}")
        page.locator("#index-total").wait_for()
        assert page.locator("#index-total").inner_text() == "35,05"
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        screenshot(page, f"service-index-{width}")

    page.locator('a[data-figure="service_index.dossiers.settled_on_time"]').click()
    page.wait_for_url(re.compile(r"/can-bo/bao-cao/chi-tiet/"))
    assert page.locator("#record-count").inner_text() == "3"
