"""Issue #12's acceptance journey in one browser run, with the fake identity provider: an
applicant whose ID card is in their store signs in → submits online reusing it (no upload) →
the officer sees the component as reused → the dossier is resolved with an electronic result →
the result is in the applicant's space and store. Screenshots: the applicant's steps at 360 px,
the officer's at 1366 px (test-artifacts/acceptance-*.png)."""

import pytest
from django.urls import reverse

from motcua.datastore.models import DocumentSource, StoredDocument
from motcua.datastore.tests.test_store import components, procedure, stored  # noqa: F401
from motcua.dossiers.models import Dossier
from motcua.dossiers.tests.test_browser_journeys import act, log_in
from motcua.dossiers.workflow import State
from motcua.procedures.models import DocumentKind
from motcua.testing.browser import screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AN = "001085012345"  # Nguyễn Văn An, one of the fake provider's citizens
PDF = b"%PDF-1.4\n% motcua acceptance\n"
SIGN_IN = "Đăng nhập bằng tài khoản định danh điện tử"


def sign_in(page, base, idp) -> None:
    page.goto(f"{base}/")
    page.get_by_role("link", name=SIGN_IN).first.click()
    page.wait_for_url(f"{idp.issuer}/authorize?*")
    screenshot(page, "acceptance-360-2-provider")
    page.get_by_role("button", name="Nguyễn Văn An").click()
    page.wait_for_url(f"{base}/tai-khoan/")


def test_sign_in_reuse_the_id_card_and_receive_the_result_in_the_store(
    live_server,
    page,
    fake_idp,
    world,
    procedure,  # noqa: F811
    tmp_path,
):
    page.on("dialog", lambda dialog: dialog.accept())
    base = live_server.url
    card = stored(AN)
    form, id_card = components(procedure)
    scan = tmp_path / "to-khai.pdf"
    scan.write_bytes(PDF)

    # The applicant, on a phone, signs in through the national identity (fake provider).
    page.set_viewport_size({"width": 360, "height": 800})
    page.goto(f"{base}/")
    screenshot(page, "acceptance-360-1-catalog")
    sign_in(page, base, fake_idp)
    assert AN in page.locator("main").inner_text()
    screenshot(page, "acceptance-360-3-space")

    # They open the procedure and submit online: the form prefilled from the account, the ID
    # card taken from the store, only the declaration uploaded.
    page.goto(f"{base}{reverse('procedure-detail', args=[procedure.code])}")
    page.get_by_role("link", name="Nộp hồ sơ trực tuyến").click()
    assert page.get_by_label("Họ và tên (hoặc tên tổ chức)").input_value() == "Nguyễn Văn An"
    assert page.get_by_label("Số định danh cá nhân (CCCD) hoặc mã số thuế").input_value() == AN
    reuse = page.locator(f"[name=reuse_{id_card.pk}][value='{card.public_id}']")
    assert reuse.is_checked()
    page.locator(f"input[name=component_{form.pk}]").set_input_files(str(scan))
    page.locator("input[name=consent]").check()
    screenshot(page, "acceptance-360-4-submit-reusing")
    page.get_by_role("button", name="Nộp hồ sơ").click()
    page.get_by_text("Đã nộp hồ sơ thành công").wait_for()
    code = page.locator("#dossier-code").inner_text()
    screenshot(page, "acceptance-360-5-submitted")
    dossier = Dossier.objects.get(code=code)
    assert dossier.state == State.SUBMITTED and dossier.reused_data
    assert dossier.applicant_id_number == AN
    reused = dossier.components.get(procedure_component=id_card)
    assert reused.reused and reused.stored_document == card
    assert reused.file.name == card.file.name  # no upload: the store's file
    assert StoredDocument.objects.count() == 1

    # The desk, on a desktop, sees the component as reused, accepts and transfers.
    page.set_viewport_size({"width": 1366, "height": 900})
    log_in(page, base, "dept-intake_officer")
    page.goto(f"{base}{reverse('officer-dossier-detail', args=[code])}")
    row = page.locator("li, tr", has_text="Bản sao Căn cước công dân").filter(
        has_text="tái sử dụng từ kho dữ liệu"
    )
    assert row.count() >= 1 and row.first.is_visible()
    declaration = page.locator("li, tr", has_text="Tờ khai").filter(
        has_text="tái sử dụng từ kho dữ liệu"
    )
    assert declaration.count() == 0
    screenshot(page, "acceptance-1366-6-officer-reused")
    act(page, "accept")
    assert Dossier.objects.get(code=code).state == State.RECEIVED
    act(page, "transfer")
    assert Dossier.objects.get(code=code).state == State.PROCESSING

    # The handler forwards; the approver approves with the electronic result file.
    log_in(page, base, "dept-handler")
    page.goto(f"{base}{reverse('officer-dossier-detail', args=[code])}")
    act(page, "forward", **{"Ý kiến xử lý": "Hồ sơ đủ điều kiện"})
    log_in(page, base, "dept-approver")
    page.goto(f"{base}{reverse('officer-dossier-detail', args=[code])}")
    panel = page.locator("#action-approve")
    panel.locator("summary").click()
    panel.get_by_label("Nội dung kết quả").fill("Cấp giấy chứng nhận số 45/GCN")
    panel.get_by_label("Tệp kết quả (bản điện tử)").set_input_files(
        files=[{"name": "ket-qua.pdf", "mimeType": "application/pdf", "buffer": PDF}]
    )
    with page.expect_navigation():
        panel.locator("button[type=submit]").click()
    dossier.refresh_from_db()
    assert dossier.state == State.RESOLVED and dossier.result_file
    page.get_by_role("link", name="Tải tệp kết quả").wait_for()
    screenshot(page, "acceptance-1366-7-resolved")
    result = StoredDocument.objects.get(identifier=AN, source=DocumentSource.RESULT)
    assert result.kind == DocumentKind.RESULT and result.source_dossier_code == code
    assert result.file.name == dossier.result_file.name and result.size == len(PDF)

    # The applicant signs in again on the phone: the result is in their space and store.
    page.context.clear_cookies()
    page.set_viewport_size({"width": 360, "height": 800})
    sign_in(page, base, fake_idp)
    main = page.locator("main")
    results = main.locator("section", has=page.get_by_role("heading", name="Kết quả giải quyết"))
    assert results.get_by_role("link", name=f"Tải kết quả hồ sơ {code}").count() == 1
    assert code in main.inner_text()
    screenshot(page, "acceptance-360-8-space-result")
    with page.expect_download() as download:
        results.get_by_role("link", name=f"Tải kết quả hồ sơ {code}").click()
    assert download.value.path().read_bytes() == PDF

    page.goto(f"{base}{reverse('datastore-store')}")
    store = page.locator("main").inner_text()
    assert "Kết quả giải quyết thủ tục hành chính" in store and code in store
    assert "Căn cước / Căn cước công dân" in store
    assert f"{len(PDF)}\xa0byte" in store  # the result's size, as uploaded
    screenshot(page, "acceptance-360-9-store-result")
    link = page.locator(f"a[href='{reverse('datastore-document', args=[result.public_id])}']")
    with page.expect_download() as download:
        link.click()
    assert download.value.path().read_bytes() == PDF
