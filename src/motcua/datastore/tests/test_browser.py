"""The data store in a browser: the applicant's store page and the submission offering reuse
(360 and 1366 px), then the officer seeing the reused component and the store."""

import datetime as dt
import time
from importlib import import_module

import pytest
from django.conf import settings
from django.urls import reverse

from motcua.accounts.roles import Role
from motcua.applicants.session import SESSION_KEY, STARTED_KEY
from motcua.datastore.models import StoredDocument
from motcua.datastore.tests.test_store import ME, components, procedure, stored  # noqa: F401
from motcua.dossiers.models import Dossier
from motcua.procedures.models import DocumentKind
from motcua.testing.applicants import applicant_create

WIDTHS = {"phone": 360, "desktop": 1366}


def _sign_in(page, live_server, identifier: str = ME) -> None:
    """The session the OIDC sign-in leaves (applicants.session), made directly: the provider's
    pages are the sign-in's own browser test."""
    account = applicant_create(identifier=identifier, full_name="Nguyễn Văn An")
    engine = import_module(settings.SESSION_ENGINE)
    session = engine.SessionStore()
    session[SESSION_KEY] = account.pk
    session[STARTED_KEY] = int(time.time())
    session.save()
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": session.session_key,
                "url": live_server.url,
            }
        ]
    )


def _fits(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_store_page_and_reuse_at_submission(live_server, page, world, procedure):  # noqa: F811
    from motcua.testing.browser import screenshot

    card = stored()
    stored(kind=DocumentKind.BIRTH_CERTIFICATE, valid_until=dt.date(2024, 1, 1))
    _sign_in(page, live_server)
    for name, width in WIDTHS.items():
        page.set_viewport_size({"width": width, "height": 800})
        page.goto(f"{live_server.url}{reverse('datastore-store')}")
        assert page.get_by_role("heading", name="Kho dữ liệu điện tử của tôi").is_visible()
        assert page.get_by_text("Hết hiệu lực").count() == 1
        assert _fits(page)
        screenshot(page, f"datastore-store-{name}")
        page.goto(f"{live_server.url}{reverse('public-dossier-submit', args=[procedure.code])}")
        assert page.get_by_text("Dùng giấy tờ trong kho dữ liệu điện tử của bạn").is_visible()
        assert _fits(page)
        screenshot(page, f"datastore-submit-reuse-{name}")

    # Submit on the phone, reusing the ID card: only the form is uploaded.
    page.set_viewport_size({"width": 360, "height": 800})
    form, id_card = components(procedure)
    page.locator(f"input[name=component_{form.pk}]").set_input_files(
        files=[{"name": "to-khai.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4 x"}]
    )
    page.get_by_label("Họ và tên (hoặc tên tổ chức)").fill("Nguyễn Văn An")
    page.get_by_label("Địa chỉ").fill("12 Trần Hưng Đạo, Phan Thiết")
    page.get_by_label("Số điện thoại").fill("0912 345 678")
    page.locator("input[name=consent]").check()
    page.get_by_role("button", name="Nộp hồ sơ").click()
    page.get_by_text("Đã nộp hồ sơ thành công").wait_for()
    dossier = Dossier.objects.get()
    assert dossier.reused_data
    assert dossier.components.get(procedure_component=id_card).stored_document == card

    # The officer sees the component as reused, and the applicant's store while handling.
    officer = world.user(Role.INTAKE_OFFICER)
    page.context.clear_cookies()
    page.set_viewport_size({"width": 1366, "height": 800})
    page.goto(f"{live_server.url}{reverse('login')}")
    page.get_by_label("Tên đăng nhập").fill(officer.username)
    page.get_by_label("Mật khẩu").fill("pw-123456")
    page.get_by_role("button", name="Đăng nhập").click()
    page.goto(f"{live_server.url}{reverse('officer-dossier-detail', args=[dossier.code])}")
    assert page.get_by_text("tái sử dụng từ kho dữ liệu").is_visible()
    screenshot(page, "datastore-officer-dossier-desktop")
    page.get_by_role("link", name="Xem kho dữ liệu điện tử của người nộp").click()
    page.get_by_role("heading", name="Kho dữ liệu điện tử của người nộp").wait_for()
    screenshot(page, "datastore-officer-store-desktop")
    page.set_viewport_size({"width": 360, "height": 800})
    page.reload()
    assert _fits(page)
    screenshot(page, "datastore-officer-store-phone")

    # At the counter: the officer looks the applicant up and the ID card is offered.
    page.set_viewport_size({"width": 1366, "height": 800})
    page.goto(f"{live_server.url}{reverse('desk-intake')}?procedure={procedure.code}")
    page.get_by_label("Họ và tên / Tên tổ chức").fill("Nguyễn Văn An")
    page.get_by_label("Số định danh / mã số thuế").fill(ME)
    page.get_by_label("Điện thoại").fill("0912345678")
    page.get_by_role("button", name="Tra cứu kho dữ liệu điện tử của người nộp").click()
    page.locator("#store-notice").wait_for()
    assert page.locator(f"select[name=c{id_card.pk}_reuse]").input_value() == str(card.public_id)
    screenshot(page, "datastore-intake-reuse-desktop")
    assert StoredDocument.objects.count() == 2
