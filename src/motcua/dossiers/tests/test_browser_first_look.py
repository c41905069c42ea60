"""What a person notices first (issue #8, section 5), in a real browser: the pages of the public
catalog, the desk, the work list, the statistics, the admin and the login, at phone width (360 px)
and on a laptop (1366 px). No page scrolls sideways, and axe-core finds no WCAG 2.1 A/AA
violation on any of them (the page fixture runs it on every page). Screenshots are kept in
test-artifacts/first-look-<page>-<width>.png."""

import re

import pytest
from django.urls import reverse

from motcua.accounts.models import User
from motcua.accounts.roles import Role
from motcua.testing.browser import check_accessibility, recheck_accessibility, screenshot
from motcua.testing.factories import DossierFactory, ProcedureFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = (360, 1366)
# The outermost elements that reach past the right edge (to say what makes a page too wide).
WIDEST = """(width) => [...document.querySelectorAll("body *")]
  .filter((e) => e.getBoundingClientRect().right > width + 1)
  .filter((e) => !(e.parentElement && e.parentElement.getBoundingClientRect().right > width + 1))
  .slice(0, 5).map((e) => e.tagName.toLowerCase() + "." + [...e.classList].join("."))"""


def log_in(page, base, username):
    page.context.clear_cookies()
    page.goto(f"{base}{reverse('login')}")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill("pw-123456")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/can-bo/|/admin/"))


def look(page, name: str, width: int, wide: list[str]) -> None:
    """The page as it is now: a screenshot, its WCAG violations (the page fixture fails the test
    on any), and whether it scrolls sideways (added to ``wide``)."""
    page.wait_for_load_state("load")
    check_accessibility(page)
    screenshot(page, f"first-look-{name}-{width}")
    scroll = page.evaluate("() => document.documentElement.scrollWidth")
    if scroll > width:
        culprits = page.evaluate(WIDEST, width)
        wide.append(f"{name} is {scroll} px wide: {culprits}")


@pytest.mark.parametrize("width", WIDTHS)
def test_first_look(live_server, page, world, width):
    base = live_server.url
    wide: list[str] = []
    page.set_viewport_size({"width": width, "height": 800})
    for key, user in world.users.items():
        user.full_name = {
            Role.INTAKE_OFFICER: "Nguyễn Thị Thu Hà",
            Role.HANDLER: "Trần Minh Quân",
            Role.APPROVER: "Lê Văn Hùng",
        }[key[1]]
        user.title = "Chuyên viên"
        user.save()
    ProcedureFactory.bulk(30, agency=world.dept, field="Hộ tịch", name="Đăng ký khai sinh")
    returned = DossierFactory.create(
        "resolved", procedure=world.procedure, desk=world.users[("dept", Role.INTAKE_OFFICER)]
    )
    DossierFactory.create("processing", procedure=world.procedure)
    User.objects.create_superuser(
        username="quantri", password="pw-123456", role=Role.ADMINISTRATOR, full_name="Phạm Thu"
    )

    # The public catalog: a search, then its second page keeps the search.
    page.goto(f"{base}{reverse('login')}")
    look(page, "login", width, wide)
    page.goto(f"{base}/?q=khai+sinh")
    page.locator("a[rel=next]").first.wait_for()
    look(page, "catalog", width, wide)
    href = page.locator("a[rel=next]").first.get_attribute("href")
    assert href.startswith("?") and not href.startswith("??"), href
    page.locator("a[rel=next]").first.click()
    page.wait_for_url(re.compile(r"page=2"))
    assert "q=khai" in page.url
    assert page.locator("[aria-current=page]", has_text="2").count() >= 1
    look(page, "catalog-page-2", width, wide)
    page.goto(f"{base}{reverse('procedure-detail', args=[world.procedure.code])}")
    look(page, "procedure", width, wide)
    page.goto(f"{base}{reverse('public-statistics')}")
    look(page, "statistics", width, wide)

    # The desk.
    log_in(page, base, "dept-intake_officer")
    look(page, "officer-home", width, wide)
    page.goto(f"{base}{reverse('desk-intake')}")
    look(page, "counter-intake", width, wide)
    # Guidance without receiving (form 02): a counter visit, listed for the desk.
    page.goto(f"{base}{reverse('desk-intake')}?procedure={world.procedure.code}")
    page.get_by_label("Họ và tên / Tên tổ chức", exact=True).fill("Võ Thị Mai")
    page.get_by_label("Điện thoại", exact=True).fill("0905111222")
    page.locator(".visit-actions summary").click()
    page.get_by_label("Nội dung cần bổ sung, hoàn thiện thêm").fill(
        "Tờ khai theo mẫu\nBản sao giấy khai sinh"
    )
    recheck_accessibility(page)
    look(page, "counter-intake-visit", width, wide)
    page.get_by_role("button", name="Hướng dẫn bổ sung (Mẫu 02)").click()
    page.wait_for_url(re.compile(r"/huong-dan-tu-choi/\d+/$"))
    assert page.get_by_role("link", name="Tải Mẫu 02 (DOCX)").is_visible()
    look(page, "counter-visit", width, wide)
    page.goto(f"{base}{reverse('desk-visits')}")
    assert page.locator("td", has_text="Võ Thị Mai").count() == 1
    look(page, "counter-visits", width, wide)
    page.goto(f"{base}{reverse('desk-returns')}?q={returned.code[-4:]}")
    page.locator(".row-action summary").first.click()  # the evaluation loads when opened
    page.locator(".row-action .indicators").first.wait_for()
    recheck_accessibility(page)
    look(page, "returns-desk", width, wide)
    page.goto(f"{base}{reverse('officer-dossier-list')}")
    look(page, "work-list", width, wide)
    page.goto(f"{base}{reverse('officer-dossier-detail', args=[returned.code])}")
    look(page, "dossier", width, wide)
    page.goto(f"{base}{reverse('reports-dashboard')}")
    look(page, "dashboard", width, wide)

    # The admin, in Vietnamese with the product's name.
    log_in(page, base, "quantri")
    page.goto(f"{base}/admin/")
    assert "Quản trị" in page.title()
    look(page, "admin", width, wide)
    assert not wide, f"pages wider than {width} px: {wide}"
