"""The citizen's sign-in in a real browser, at phone and desktop widths: the header's button →
the fake provider's page → a citizen picked → back signed in on their space, with their
dossiers (screenshots in test-artifacts/)."""

import pytest

from motcua.dossiers.applicant import ApplicantData
from motcua.testing.browser import screenshot
from motcua.testing.factories import PDF, DossierFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AN = ApplicantData(
    name="Nguyễn Văn An",
    id_number="001085012345",
    address="Số 12 đường Trần Phú, TP Hà Tĩnh",
    phone="0912345678",
    email="",
)
BINH = ApplicantData(
    name="Trần Thị Bình", id_number="042190004567", address="Hà Tĩnh", phone="0987654321", email=""
)


@pytest.mark.parametrize("width", [360, 1366])
def test_citizen_signs_in_and_sees_their_dossiers(live_server, page, fake_idp, width):
    from django.core.files.base import ContentFile

    mine = DossierFactory.create("processing", applicant=AN)
    done = DossierFactory.create("returned", applicant=AN, procedure=mine.procedure)
    done.result_file.save("ket-qua.pdf", ContentFile(PDF))
    theirs = DossierFactory.create("received", applicant=BINH, procedure=mine.procedure)
    page.set_viewport_size({"width": width, "height": 900})
    base = live_server.url

    page.goto(f"{base}/")
    screenshot(page, f"signin-{width}-1-catalog")
    page.get_by_role("link", name="Đăng nhập bằng tài khoản định danh điện tử").click()
    page.wait_for_url(f"{fake_idp.issuer}/authorize?*")
    screenshot(page, f"signin-{width}-2-provider")
    page.get_by_role("button", name="Nguyễn Văn An").click()
    page.wait_for_url(f"{base}/tai-khoan/")
    screenshot(page, f"signin-{width}-3-space")

    body = page.locator("main").inner_text()
    assert "Nguyễn Văn An" in body and "001085012345" in body
    assert mine.code in body and done.code in body
    assert theirs.code not in body
    assert page.get_by_role("link", name=f"Tải kết quả hồ sơ {done.code}").count() == 1
    page.get_by_role("link", name="Tài khoản của tôi").wait_for()

    page.get_by_role("link", name=mine.code).click()
    page.locator(".state-label").wait_for()
    screenshot(page, f"signin-{width}-4-dossier")

    page.goto(f"{base}/tai-khoan/")
    page.get_by_role("button", name="Đăng xuất").first.click()
    page.get_by_role("link", name="Đăng nhập bằng tài khoản định danh điện tử").wait_for()


@pytest.mark.parametrize("width", [360, 1366])
def test_submission_page_offers_the_sign_in_and_a_refusal_signs_nobody_in(
    live_server, page, fake_idp, width
):
    from motcua.procedures.models import OnlineLevel, Procedure

    dossier = DossierFactory.create("received", applicant=AN)
    Procedure.objects.filter(pk=dossier.procedure_id).update(online_level=OnlineLevel.FULL)
    submit = f"{live_server.url}/nop-ho-so/{dossier.procedure.code}/"
    page.set_viewport_size({"width": width, "height": 900})

    page.goto(submit)
    screenshot(page, f"signin-{width}-5-submit-offer")
    page.locator(".sign-in-offer").get_by_role(
        "link", name="Đăng nhập bằng tài khoản định danh điện tử"
    ).click()
    page.get_by_role("button", name="Từ chối / Deny").click()
    page.get_by_role("heading", name="Chưa đăng nhập được").wait_for()
    screenshot(page, f"signin-{width}-6-refused")
    assert page.get_by_role("link", name="Tài khoản của tôi").count() == 0

    page.get_by_role("link", name="Thử đăng nhập lại").click()
    page.get_by_role("button", name="Nguyễn Văn An").click()
    page.wait_for_url(f"{live_server.url}/tai-khoan/")
    page.goto(submit)
    assert page.get_by_label("Số định danh cá nhân (CCCD) hoặc mã số thuế").input_value() == (
        "001085012345"
    )
    assert page.get_by_label("Họ và tên (hoặc tên tổ chức)").input_value() == "Nguyễn Văn An"
    screenshot(page, f"signin-{width}-7-submit-prefilled")
