"""The public catalog in a real browser, at phone width."""

import pytest

from motcua.testing.browser import screenshot
from motcua.testing.factories import AgencyFactory, ProcedureFactory

pytestmark = pytest.mark.browser


@pytest.mark.django_db(transaction=True)
def test_catalog_search_on_a_phone(live_server, page):
    agency = AgencyFactory(name="Sở Tài nguyên và Môi trường")
    ProcedureFactory(
        code="1.001612.H12",
        agency=agency,
        field="Đất đai",
        name="Cấp giấy chứng nhận quyền sử dụng đất lần đầu",
    )
    ProcedureFactory(code="1.000656.H12", agency=agency, name="Đăng ký khai sinh")
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(f"{live_server.url}/")
    page.get_by_label("Từ khóa").fill("cap giay chung nhan quyen su dung dat")
    page.keyboard.press("Enter")
    page.get_by_text("Tìm thấy 1 thủ tục").wait_for()
    assert page.get_by_text("Đăng ký khai sinh").count() == 0
    screenshot(page, "catalog-search-phone")
    page.get_by_text("Cấp giấy chứng nhận quyền sử dụng đất lần đầu").first.click()
    page.get_by_text("1.001612.H12").first.wait_for()
    screenshot(page, "procedure-page-phone")
