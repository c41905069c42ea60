"""The inspection pages in a real browser, at 1366 and 360 px: the office's plan and its
progress, the inspection's page (a recommendation added with the keyboard), the late list, an
agency's history; the agency's officer reports on its recommendation. Screenshots of each."""

import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from motcua.accounts.models import User
from motcua.accounts.roles import Role
from motcua.inspections import services as s
from motcua.inspections.models import Recommendation, RecommendationState
from motcua.testing.browser import screenshot
from motcua.testing.factories import AgencyFactory

pytestmark = pytest.mark.browser

TEAM = [
    s.Member("Nguyễn Thị Thanh Hương", "Phó Chánh Văn phòng UBND tỉnh", True),
    s.Member("Trần Quốc Bảo", "Trưởng phòng Kiểm soát thủ tục hành chính"),
]
WIDTHS = {"wide": {"width": 1366, "height": 900}, "phone": {"width": 360, "height": 740}}


def log_in(page, live_server, username):
    page.context.clear_cookies()
    page.goto(f"{live_server.url}{reverse('login')}")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill("x")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/can-bo/"))


def shoot(page, name):
    for width, size in WIDTHS.items():
        page.set_viewport_size(size)
        screenshot(page, f"inspections-{name}-{width}")
    page.set_viewport_size(WIDTHS["wide"])


@pytest.mark.django_db(transaction=True)
def test_office_and_agency_pages(live_server, page):
    today = timezone.localdate()
    year = today.year
    day = dt.timedelta(days=1)
    office = AgencyFactory(name="Văn phòng UBND tỉnh", code="VP", kind="department")
    justice = AgencyFactory(name="Sở Tư pháp", code="STP", kind="department")
    health = AgencyFactory(name="Sở Y tế", code="SYT", kind="department")
    district = AgencyFactory(name="UBND huyện Bắc Bình", code="BB", kind="district")
    controller = User.objects.create_user(
        username="kiemsoat", password="x", role=Role.CONTROLLER, agency=office,
        first_name="Hoa", last_name="Lê Thị",
    )  # fmt: skip
    User.objects.create_user(username="chuyenvien", password="x", role=Role.HANDLER, agency=justice)
    plan = s.inspection_plan_create(
        year=year,
        decision_number="15/QĐ-UBND",
        decision_date=min(today, dt.date(year, 1, 10)),
        decision_signer="Phạm Văn Nam, Chủ tịch UBND tỉnh",
        today=today,
        actor=controller,
    )
    inspected = s.inspection_plan_add(
        plan=plan, agency=justice, quarter=1, team=TEAM, actor=controller
    )
    s.inspection_plan_add(plan=plan, agency=health, quarter=3, team=TEAM, actor=controller)
    held_on = max(dt.date(year, 1, 1), today - 60 * day)
    s.inspection_hold(
        inspection=inspected,
        inspected_on=held_on,
        findings="Một số hồ sơ quá hạn chưa có văn bản xin lỗi.",
        today=today,
        actor=controller,
    )
    s.recommendation_add(
        inspection=inspected,
        text="Gửi văn bản xin lỗi đối với hồ sơ quá hạn.",
        owner=justice,
        due_on=held_on + day,
        today=today,
        actor=controller,
    )
    s.inspection_surprise_record(
        agency=district,
        inspected_on=today,
        decision_number="42/QĐ-VP",
        decision_date=today,
        team=TEAM,
        today=today,
        actor=controller,
    )

    log_in(page, live_server, "kiemsoat")
    page.get_by_role("navigation", name="Điều hướng chính").get_by_role(
        "link", name="Kiểm tra"
    ).click()
    page.get_by_role("heading", name=f"Kế hoạch kiểm tra năm {year}").wait_for()
    assert "Đã kiểm tra 1/2 cơ quan theo kế hoạch" in page.inner_text("main")
    shoot(page, "plan")

    page.get_by_role("link", name="Sở Tư pháp").first.click()
    page.get_by_role("heading", name="Kiểm tra: Sở Tư pháp").wait_for()
    # A recommendation, with the keyboard only.
    page.get_by_label("Nội dung kiến nghị").fill("Cập nhật sổ theo dõi hồ sơ.")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.name") == "owner"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.name") == "due_on"
    page.get_by_label("Hạn thực hiện").fill((today + 30 * day).isoformat())
    page.keyboard.press("Enter")  # submits the form
    page.get_by_text("Đã thêm kiến nghị.").wait_for()
    assert Recommendation.objects.filter(due_on=today + 30 * day).exists()
    shoot(page, "detail")

    page.get_by_role("link", name="Kiến nghị trễ hạn").click()
    page.get_by_role("heading", name="Kiến nghị sau kiểm tra trễ hạn").wait_for()
    assert "Gửi văn bản xin lỗi" in page.inner_text("main")
    shoot(page, "late")

    page.goto(f"{live_server.url}{reverse('inspection-agency', args=[justice.pk])}")
    shoot(page, "agency-history")
    page.goto(f"{live_server.url}{reverse('inspection-surprise-create')}")
    shoot(page, "surprise-form")

    # The §8 figures of the dashboard drill down to these inspections, each row to its page.
    page.goto(f"{live_server.url}{reverse('reports-dashboard')}?year={year}")
    section = page.locator("#inspections-title ~ table")
    assert section.locator('a[data-figure="inspections.planned"]').inner_text() == "2"
    section.locator('a[data-figure="inspections.planned"]').click()
    page.wait_for_url(re.compile(r"/can-bo/bao-cao/chi-tiet/"))
    shoot(page, "drilldown")
    page.locator("table.records tbody").get_by_role("link", name="Sở Tư pháp").click()
    page.get_by_role("heading", name="Kiểm tra: Sở Tư pháp").wait_for()

    # The agency's officer reports on the overdue recommendation through its own page.
    log_in(page, live_server, "chuyenvien")
    page.get_by_role("navigation", name="Điều hướng chính").get_by_role(
        "link", name="Kiến nghị sau kiểm tra"
    ).click()
    page.get_by_role("heading", name="Kiến nghị sau kiểm tra của đơn vị").wait_for()
    shoot(page, "agency-list")
    page.get_by_role("link", name="Báo cáo kết quả").first.click()
    page.get_by_label("Kết quả thực hiện").fill("Đã gửi văn bản xin lỗi cho 3 hồ sơ.")
    page.get_by_label("Ngày hoàn thành").fill(today.isoformat())
    shoot(page, "agency-report")
    page.get_by_role("button", name="Gửi báo cáo").click()
    page.get_by_text("Đã gửi báo cáo thực hiện kiến nghị.").wait_for()
    overdue = Recommendation.objects.get(text="Gửi văn bản xin lỗi đối với hồ sơ quá hạn.")
    assert overdue.state == RecommendationState.REPORTED
