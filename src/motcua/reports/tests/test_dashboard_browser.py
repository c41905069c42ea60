"""The controller's dashboard in a real browser: open it, click a figure, read its records."""

import re

import pytest
from django.urls import reverse

from motcua.reports.tests.dashboard_data import YEAR, make_world
from motcua.testing.browser import screenshot

pytestmark = pytest.mark.browser


@pytest.mark.django_db(transaction=True)
def test_controller_opens_a_figure_of_the_dashboard(live_server, page):
    world = make_world()
    page.goto(f"{live_server.url}{reverse('login')}")
    page.get_by_label("Tên đăng nhập").fill(world.controller.username)
    page.get_by_label("Mật khẩu").fill("x")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/can-bo/"))

    page.goto(f"{live_server.url}{reverse('reports-dashboard')}?year={YEAR}")
    page.get_by_text("Kỳ báo cáo: từ 15/12/2023 đến 14/12/2024").wait_for()
    assert page.locator("svg.chart").count() == 2
    overdue = page.locator('#form06-title ~ table a[data-figure="dossiers.in_process.overdue"]')
    assert overdue.inner_text() == "2"
    page.locator("details.definition summary").first.click()
    screenshot(page, "dashboard")

    overdue.click()
    page.wait_for_url(re.compile(r"/can-bo/bao-cao/chi-tiet/"))
    page.get_by_role("heading", name="Hồ sơ đang giải quyết quá hạn").wait_for()
    assert page.locator("#record-count").inner_text() == "2"
    rows = page.locator("table.records tbody tr")
    assert rows.count() == 2
    assert "01/11/2023" in rows.nth(0).inner_text()
    screenshot(page, "drilldown")

    # The public page needs no account and reads on a phone.
    page.context.clear_cookies()
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(f"{live_server.url}{reverse('public-statistics')}?year={YEAR}")
    page.get_by_text("Chưa đủ số liệu").first.wait_for()
    screenshot(page, "public-statistics-phone")
