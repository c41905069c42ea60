"""The main journeys of every role, in a real browser (issue acceptance):

1. online submission → the desk accepts → the handler asks for a supplement → the applicant
   supplements through the lookup → the approver approves → the desk returns the result → the
   applicant evaluates;
2. a counter intake that runs late and gets an apology slip.

Screenshots of every step are kept in test-artifacts/.
"""

import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from motcua.dossiers.models import Dossier, Evaluation
from motcua.dossiers.workflow import State
from motcua.procedures.models import OnlineLevel, Procedure
from motcua.testing.browser import screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = "0912345678"
PDF = b"%PDF-1.4\n% motcua test scan\n"


def log_in(page, base, username):
    page.context.clear_cookies()
    page.goto(f"{base}{reverse('login')}")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill("pw-123456")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/can-bo/"))


def act(page, action, **fields):
    """Open the action's panel on the dossier page, fill it, submit, wait for the page."""
    panel = page.locator(f"#action-{action}")
    panel.locator("summary").click()
    for label, value in fields.items():
        panel.get_by_label(label, exact=False).fill(value)
    with page.expect_navigation():
        panel.locator("button[type=submit]").click()


def state_of(code) -> int:
    return Dossier.objects.get(code=code).state


def look_up(page, base, code, digits):
    page.context.clear_cookies()
    page.goto(f"{base}{reverse('public-dossier-lookup')}?ma={code}")
    page.get_by_label("4 số cuối", exact=False).fill(digits)
    page.get_by_role("button", name="Tra cứu").click()
    page.locator(".state-label").wait_for()


@pytest.fixture
def online_procedure(world) -> Procedure:
    Procedure.objects.filter(pk=world.procedure.pk).update(online_level=OnlineLevel.FULL)
    world.procedure.components.create(name="Tờ khai", originals=1, required=True)
    return world.procedure


def test_online_dossier_from_submission_to_evaluation(
    live_server, page, world, online_procedure, tmp_path
):
    page.on("dialog", lambda dialog: dialog.accept())
    base = live_server.url
    scan = tmp_path / "to-khai.pdf"
    scan.write_bytes(PDF)

    # The applicant finds the procedure and submits online.
    page.goto(f"{base}{reverse('procedure-detail', args=[online_procedure.code])}")
    page.get_by_role("link", name="Nộp hồ sơ trực tuyến").click()
    page.get_by_label("Họ và tên (hoặc tên tổ chức)").fill("Nguyễn Thị Hoa")
    page.get_by_label("Số định danh cá nhân (CCCD) hoặc mã số thuế").fill("060190001234")
    page.get_by_label("Địa chỉ").fill("25 Nguyễn Tất Thành, Phan Thiết")
    page.get_by_label("Số điện thoại").fill(PHONE)
    page.locator("input[type=file]").first.set_input_files(str(scan))
    page.locator("input[name=consent]").check()
    screenshot(page, "journey-1-submit")
    page.get_by_role("button", name="Nộp hồ sơ").click()
    page.get_by_text("Đã nộp hồ sơ thành công").wait_for()
    code = page.locator("#dossier-code").inner_text()
    assert state_of(code) == State.SUBMITTED
    screenshot(page, "journey-2-submitted")

    # The desk accepts it from the queue and transfers it to the handler.
    log_in(page, base, "dept-intake_officer")
    page.goto(f"{base}{reverse('desk-queue')}")
    page.get_by_role("link", name=code).first.click()
    act(page, "accept")
    assert state_of(code) == State.RECEIVED
    screenshot(page, "journey-3-accepted")
    act(page, "transfer")
    assert state_of(code) == State.PROCESSING

    # The handler finds it in the work list and asks for a supplement.
    log_in(page, base, "dept-handler")
    page.goto(f"{base}{reverse('officer-dossier-list')}")
    page.get_by_role("link", name=code).first.click()
    act(page, "request_supplement", **{"Nội dung cần bổ sung": "Bản sao CCCD có chứng thực"})
    assert state_of(code) == State.AWAITING_SUPPLEMENT
    screenshot(page, "journey-4-supplement-requested")

    # The applicant supplements through the lookup, on a phone.
    page.set_viewport_size({"width": 360, "height": 740})
    look_up(page, base, code, PHONE[-4:])
    assert "Bản sao CCCD có chứng thực" in page.content()
    page.get_by_role("link", name="Nộp bổ sung").click()
    page.locator("input[name=file_0]").set_input_files(str(scan))
    page.get_by_role("button", name="Nộp bổ sung").click()
    page.get_by_text("Đã nộp hồ sơ bổ sung").wait_for()
    assert state_of(code) == State.PROCESSING
    screenshot(page, "journey-5-supplemented-phone")
    page.set_viewport_size({"width": 1280, "height": 900})

    # The handler forwards; the approver approves.
    log_in(page, base, "dept-handler")
    page.goto(f"{base}{reverse('officer-dossier-detail', args=[code])}")
    act(page, "forward", **{"Ý kiến xử lý": "Hồ sơ đủ điều kiện"})
    log_in(page, base, "dept-approver")
    page.goto(f"{base}{reverse('officer-dossier-detail', args=[code])}")
    act(page, "approve", **{"Nội dung kết quả": "Cấp phiếu lý lịch tư pháp số 123"})
    assert state_of(code) == State.RESOLVED
    screenshot(page, "journey-6-approved")

    # The desk returns the result.
    log_in(page, base, "dept-intake_officer")
    page.goto(f"{base}{reverse('desk-returns')}")
    page.get_by_role("link", name=code).first.click()
    act(page, "return_result")
    assert state_of(code) == State.RETURNED
    screenshot(page, "journey-7-returned")

    # The applicant rates the service.
    look_up(page, base, code, "1234")  # the last 4 digits of the ID number work too
    page.get_by_role("link", name="Đánh giá").click()
    for fieldset in page.locator(".indicator fieldset").all():
        fieldset.get_by_text("2 điểm", exact=False).click()
    page.get_by_role("button", name="Gửi đánh giá").click()
    page.get_by_text("Cảm ơn bạn đã đánh giá", exact=False).first.wait_for()
    evaluation = Evaluation.objects.get(dossier__code=code)
    # The applicant gave 2 to each of their four indicators; the five others are computed
    # (submitted online for a full online service: 2 for the online indicator).
    assert evaluation.by_applicant and evaluation.online == 2
    computed = ("total_time", "agency_time", "visits", "agencies_contacted", "online")
    assert evaluation.total == 8 + sum(getattr(evaluation, n) for n in computed)
    screenshot(page, "journey-8-evaluated")
    actions = list(Dossier.objects.get(code=code).events.values_list("action", flat=True))
    assert actions == [
        "submit",
        "accept",
        "transfer",
        "request_supplement",
        "record_supplement",
        "forward",
        "approve",
        "return_result",
        "evaluate",
    ]


def test_counter_intake_that_runs_late_gets_an_apology(live_server, page, world):
    page.on("dialog", lambda dialog: dialog.accept())
    base = live_server.url
    log_in(page, base, "dept-intake_officer")
    page.goto(f"{base}{reverse('desk-intake')}")
    page.keyboard.type(world.procedure.code)
    page.locator("#procedure-suggestions [role=option]").first.wait_for()
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.activeElement.name === 'applicant_name'")
    page.get_by_label("Họ và tên / Tên tổ chức").fill("Trần Văn Bình")
    page.get_by_label("Điện thoại").fill("0987654321")
    page.get_by_role("button", name="Tiếp nhận và cấp giấy hẹn (Mẫu 01)").click()
    page.locator("#dossier-code").wait_for()
    code = page.locator("#dossier-code").inner_text()
    dossier = Dossier.objects.get(code=code)
    assert dossier.documents.filter(kind="receipt").exists()

    # Days later the dossier is still being examined and will run late: its deadline is a few
    # hours away, and the apology must go out before it passes (Decree 61/2018 art. 19).
    shift = dossier.due_at - (timezone.now() + dt.timedelta(hours=3))
    Dossier.objects.filter(pk=dossier.pk).update(
        received_at=dossier.received_at - shift,
        received_on=dossier.received_on - shift,
        due_at=dossier.due_at - shift,
        due_on=dossier.due_on - shift,
    )
    page.goto(f"{base}{reverse('officer-dossier-detail', args=[code])}")
    act(page, "transfer")
    log_in(page, base, "dept-handler")
    page.goto(f"{base}{reverse('officer-dossier-list')}")
    row = page.locator("tr", has_text=code)
    assert "due-soon" in (row.get_attribute("class") or "")
    screenshot(page, "late-1-work-list-due-soon")
    row.get_by_role("link", name=code).click()
    due_before = Dossier.objects.get(pk=dossier.pk).due_at
    new_date = (timezone.localtime() + dt.timedelta(days=7)).replace(hour=16, minute=0)
    act(
        page,
        "apologise",
        **{
            "Lý do": "Cần xác minh thêm với cơ quan khác",
            "Hẹn lại ngày trả kết quả": new_date.strftime("%Y-%m-%dT%H:%M"),
        },
    )
    dossier.refresh_from_db()
    assert dossier.promised_at is not None
    assert dossier.due_at == due_before  # a promise to the applicant; the deadline stays
    apology = dossier.documents.get(kind="apology")
    assert apology.form_number == "04"
    page.get_by_text(apology.title).first.wait_for()
    screenshot(page, "late-2-apology-issued")
    with page.expect_download() as download:
        page.locator(f"a[href*='/phieu/{apology.pk}/docx']").first.click()
    assert download.value.suggested_filename.endswith(".docx")
