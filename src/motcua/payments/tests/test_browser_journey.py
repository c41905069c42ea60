"""Issue #13's acceptance journey in one browser run: a fully online dossier, paid online through
the payment platform (the fake one, on loopback), resolved, and its digitally signed result
downloaded by the applicant and checked on the verification page.

The applicant signs in with the national identity (fake provider) and submits on a phone → the
desk accepts and transfers, the handler asks for the fee → the applicant pays from their space
→ the gateway's notification confirms it, the dossier goes back to processing and a signed
receipt is issued → the approver approves without uploading a file → the worker generates the
result and signs it twice (the approver, then the agency's seal) → the applicant downloads it:
it validates against the exported CA, fails after one changed byte, and ``/xac-thuc/`` says
both. Screenshots: the applicant's steps at 360 px, the officers' at 1366 px
(test-artifacts/payment-journey-*.png), and the signed result rendered to PNG."""

import shutil
import subprocess

import pytest
from django.core.management import call_command
from django.urls import reverse

from motcua.datastore.tests.test_store import components, procedure, stored  # noqa: F401
from motcua.dossiers.models import Dossier
from motcua.dossiers.tests.conftest import world  # noqa: F401  (the small province)
from motcua.dossiers.tests.test_browser_journeys import act, log_in
from motcua.dossiers.tests.test_slips import require_soffice
from motcua.dossiers.workflow import State
from motcua.jobs.services import worker_run
from motcua.payments.models import Payment, PaymentStatus, Receipt
from motcua.signing.services import pdf_verify
from motcua.testing.browser import ARTIFACTS, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AN = "001085012345"  # Nguyễn Văn An, one of the fake provider's citizens
PDF = b"%PDF-1.4\n% motcua acceptance\n"
SIGN_IN = "Đăng nhập bằng tài khoản định danh điện tử"
FEE = 350_000


def sign_in(page, base, idp) -> None:
    page.context.clear_cookies()
    page.goto(f"{base}/")
    page.get_by_role("link", name=SIGN_IN).first.click()
    page.wait_for_url(f"{idp.issuer}/authorize?*")
    page.get_by_role("button", name="Nguyễn Văn An").click()
    page.wait_for_url(f"{base}/tai-khoan/")


def pdf_page_png(pdf: bytes, name: str) -> None:
    """The PDF's first page as test-artifacts/<name>.png, to be looked at."""
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        source = ARTIFACTS / f"{name}.pdf"
        source.write_bytes(pdf)
        subprocess.run(
            [pdftoppm, "-png", "-r", "80", "-singlefile", source, ARTIFACTS / name], check=True
        )


def test_pay_online_then_download_the_signed_result(
    live_server,
    page,
    fake_idp,
    fakepay,
    world,  # noqa: F811
    procedure,  # noqa: F811
    pki,
    tmp_path,
):
    require_soffice()  # the generated result is converted by LibreOffice
    pki.init()  # certificates for the world's approvers, made after the fixture's first run
    page.on("dialog", lambda dialog: dialog.accept())
    base = live_server.url
    card = stored(AN)
    form, id_card = components(procedure)
    scan = tmp_path / "to-khai.pdf"
    scan.write_bytes(PDF)

    # The applicant submits on a phone, reusing the ID card in their store.
    page.set_viewport_size({"width": 360, "height": 800})
    sign_in(page, base, fake_idp)
    page.goto(f"{base}{reverse('procedure-detail', args=[procedure.code])}")
    page.get_by_role("link", name="Nộp hồ sơ trực tuyến").click()
    assert page.locator(f"[name=reuse_{id_card.pk}][value='{card.public_id}']").is_checked()
    page.locator(f"input[name=component_{form.pk}]").set_input_files(str(scan))
    page.locator("input[name=consent]").check()
    page.get_by_role("button", name="Nộp hồ sơ").click()
    page.get_by_text("Đã nộp hồ sơ thành công").wait_for()
    code = page.locator("#dossier-code").inner_text()
    screenshot(page, "payment-journey-360-1-submitted")

    # The desk accepts and transfers; the handler asks for the fee.
    page.set_viewport_size({"width": 1366, "height": 900})
    log_in(page, base, "dept-intake_officer")
    detail = f"{base}{reverse('officer-dossier-detail', args=[code])}"
    page.goto(detail)
    act(page, "accept")
    act(page, "transfer")
    log_in(page, base, "dept-handler")
    page.goto(detail)
    act(page, "request_payment", **{"Số tiền (đồng)": str(FEE)})
    assert Dossier.objects.get(code=code).state == State.AWAITING_PAYMENT
    screenshot(page, "payment-journey-1366-2-fee-requested")

    # The applicant sees the fee in their space and pays it online.
    page.set_viewport_size({"width": 360, "height": 800})
    sign_in(page, base, fake_idp)
    due = page.locator("section", has=page.get_by_role("heading", name="Hồ sơ cần nộp phí, lệ phí"))
    assert "350.000 đ" in due.inner_text()
    screenshot(page, "payment-journey-360-3-space-fee-due")
    due.get_by_role("link", name=code).click()
    panel = page.locator("#payment")
    assert "Nghĩa vụ tài chính: 350.000 đ" in panel.inner_text()
    screenshot(page, "payment-journey-360-4-dossier-fee-due")
    panel.get_by_role("button", name="Thanh toán trực tuyến 350.000 đ").click()
    page.wait_for_url(f"{fakepay.url}/**")
    assert "350.000" in page.locator("body").inner_text()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "payment-journey-360-5-gateway.png"), full_page=True)
    page.get_by_role("button", name="Thanh toán", exact=True).click()
    page.wait_for_url(f"{base}{reverse('payment-return')}?*")
    page.get_by_role("heading", name="Thanh toán thành công").wait_for()
    screenshot(page, "payment-journey-360-6-paid")

    dossier = Dossier.objects.get(code=code)
    assert dossier.state == State.PROCESSING and dossier.paid_online and dossier.paid_at
    (payment,) = Payment.objects.filter(dossier=dossier)
    assert payment.status == PaymentStatus.PAID and payment.amount == FEE

    # The worker issues and signs the receipt (and the dossier's slips).
    worker_run(once=True)
    receipt = Receipt.objects.get(payment=payment)
    assert receipt.signed_pdf
    page.get_by_role("link", name="Về trang hồ sơ").click()
    link = page.get_by_role("link", name=f"Biên lai điện tử {receipt.number}")
    with page.expect_download() as download:
        link.click()
    receipt_pdf = download.value.path().read_bytes()
    assert pdf_verify(pdf=receipt_pdf).bottom_line
    pdf_page_png(receipt_pdf, "payment-journey-receipt")

    # The handler forwards; the approver approves, uploading nothing: the result is generated.
    page.set_viewport_size({"width": 1366, "height": 900})
    log_in(page, base, "dept-handler")
    page.goto(detail)
    act(page, "forward", **{"Ý kiến xử lý": "Hồ sơ đủ điều kiện, đã nộp lệ phí"})
    log_in(page, base, "dept-approver")
    page.goto(detail)
    act(page, "approve", **{"Nội dung kết quả": "Cấp Phiếu lý lịch tư pháp số 45/2026"})
    assert Dossier.objects.get(code=code).state == State.RESOLVED
    worker_run(once=True)
    dossier.refresh_from_db()
    assert dossier.result_pdf and dossier.result_digitized
    page.goto(detail)
    page.get_by_role("link", name="Tải kết quả đã ký số (PDF)").wait_for()
    screenshot(page, "payment-journey-1366-7-resolved-signed")

    # The applicant downloads the signed result from the dossier's page.
    page.set_viewport_size({"width": 360, "height": 800})
    sign_in(page, base, fake_idp)
    page.goto(f"{base}{reverse('public-dossier-detail', args=[code])}")
    screenshot(page, "payment-journey-360-8-result-ready")
    with page.expect_download() as download:
        page.get_by_role("link", name="Tải kết quả giải quyết (PDF đã ký số)").click()
    result = download.value.path().read_bytes()
    pdf_page_png(result, "payment-journey-result")

    # It validates against the exported CA, and fails after one changed byte.
    ca = tmp_path / "ca.pem"
    call_command("pki", "export-ca", str(ca), "--dir", str(pki.directory))
    report = pdf_verify(pdf=result)
    leader, seal = report.signatures
    assert report.bottom_line and all(s.valid and s.trusted for s in report.signatures)
    approver = world.user("approver")
    assert (leader.field_name, seal.field_name) == ("LanhDao", "DauCoQuan")
    assert leader.agency == seal.agency == dossier.agency.name
    assert leader.signer_name == approver.get_full_name()
    assert seal.covers_whole_document and not report.modified_after_signing
    assert pki.ca_pem.read_bytes() == ca.read_bytes()
    tampered = bytearray(result)
    tampered[len(tampered) // 3] ^= 0x01
    assert not pdf_verify(pdf=bytes(tampered)).bottom_line

    # The verification page says both.
    signed_file, tampered_file = tmp_path / "ket-qua.pdf", tmp_path / "ket-qua-sua.pdf"
    signed_file.write_bytes(result)
    tampered_file.write_bytes(bytes(tampered))
    page.goto(f"{base}{reverse('signing-verify')}")
    page.locator("input[type=file]").set_input_files(str(signed_file))
    page.get_by_role("button", name="Kiểm tra chữ ký").click()
    page.get_by_text("Tất cả chữ ký số hợp lệ").wait_for()
    screenshot(page, "payment-journey-360-9-verified")
    page.locator("input[type=file]").set_input_files(str(tampered_file))
    page.get_by_role("button", name="Kiểm tra chữ ký").click()
    page.get_by_text("Văn bản không đạt kiểm tra chữ ký số.").wait_for()
    screenshot(page, "payment-journey-360-10-tampered")
