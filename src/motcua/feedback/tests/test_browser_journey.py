"""The feedback journey in a real browser (issue #11 acceptance): the sender submits on a phone
(360 px) → the provincial office classifies and assigns → the agency's handler drafts → its
leader approves → the office checks the masked text and publishes → the answer is on the public
page without the personal data that was in it → the sender's lookup (code + secret) shows it.

Screenshots of every page at 360 and 1366 px are kept in test-artifacts/ (feedback-*)."""

import re

import pytest
from django.urls import reverse

from motcua.feedback.models import Feedback, FeedbackState
from motcua.testing.browser import screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE_WIDTH = {"width": 360, "height": 740}
DESKTOP = {"width": 1366, "height": 900}
CONTENT = (
    "Tôi là Nguyễn Thị Hoa, CCCD 060190001234, điện thoại 0912 345 678. Khi nộp hồ sơ xin "
    "phiếu lý lịch tư pháp, anh Trần Văn Bình ở bộ phận một cửa yêu cầu nộp thêm bản sao giấy "
    "khai sinh không có trong thành phần hồ sơ. Liên hệ hoa.nguyen@example.vn."
)
PERSONAL = (
    "Nguyễn Thị Hoa",
    "060190001234",
    "0912 345 678",
    "hoa.nguyen@example.vn",
    "Trần Văn Bình",
)


def log_in(page, base, username):
    page.context.clear_cookies()
    page.goto(f"{base}{reverse('login')}")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill("pw-123456")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/can-bo/"))


def act(page, action, **fields):
    panel = page.locator(f"#action-{action}")
    panel.locator("summary").click()
    for label, value in fields.items():
        panel.get_by_label(label, exact=False).fill(value)
    with page.expect_navigation():
        panel.locator("button[type=submit]").click()


def both_widths(page, name):
    for size, suffix in ((PHONE_WIDTH, "360"), (DESKTOP, "1366")):
        page.set_viewport_size(size)
        screenshot(page, f"feedback-{name}-{suffix}")


def state_of(code):
    return Feedback.objects.get(code=code).state


def test_feedback_from_the_phone_to_the_published_answer(live_server, page, world):
    page.on("dialog", lambda dialog: dialog.accept())
    base = live_server.url

    # The sender, on a phone, from the public list.
    page.set_viewport_size(PHONE_WIDTH)
    page.goto(f"{base}{reverse('public-feedback-list')}")
    page.get_by_role("link", name="Gửi phản ánh, kiến nghị").click()
    page.get_by_label("Tiêu đề").fill("Yêu cầu thêm giấy tờ ngoài quy định")
    page.get_by_label("Nội dung phản ánh, kiến nghị").fill(CONTENT)
    page.get_by_label("Mã thủ tục hành chính liên quan").fill(world.procedure.code)
    page.get_by_label("Họ và tên").fill("Nguyễn Thị Hoa")
    page.get_by_label("Số điện thoại").fill("0912345678")
    page.get_by_label("Thư điện tử").fill("hoa.nguyen@example.vn")
    page.get_by_label("Địa chỉ").fill("25 Nguyễn Tất Thành, Phan Thiết")
    # Nothing overflows the phone's width.
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    screenshot(page, "feedback-send-360")
    page.get_by_role("button", name="Gửi phản ánh, kiến nghị").click()
    page.locator("#feedback-secret").wait_for()
    code = page.locator("#feedback-code").inner_text().strip()
    secret = page.locator("#feedback-secret").inner_text().strip()
    assert state_of(code) == FeedbackState.RECEIVED
    both_widths(page, "sent")
    page.set_viewport_size(DESKTOP)
    page.goto(f"{base}{reverse('public-feedback-send')}")
    screenshot(page, "feedback-send-1366")

    # The provincial office classifies and assigns to the department.
    log_in(page, base, "kiemsoat")
    page.goto(f"{base}{reverse('officer-feedback-list')}")
    both_widths(page, "queue")
    page.get_by_role("link", name=code).click()
    both_widths(page, "officer-received")
    act(page, "classify")
    assert state_of(code) == FeedbackState.CLASSIFIED
    panel = page.locator("#action-assign")
    panel.locator("summary").click()
    panel.get_by_label("Cơ quan xử lý").select_option(label="Sở Tư pháp")
    with page.expect_navigation():
        panel.locator("button[type=submit]").click()
    assert state_of(code) == FeedbackState.PROCESSING

    # The department's handler drafts the answer; its leader approves it.
    log_in(page, base, "dept-handler")
    page.goto(f"{base}{reverse('officer-feedback-list')}")
    page.get_by_role("link", name=code).click()
    act(
        page,
        "draft",
        **{
            "Nội dung trả lời": (
                "Trả lời bà Nguyễn Thị Hoa: thành phần hồ sơ không gồm giấy khai sinh; Sở đã "
                "nhắc nhở anh Trần Văn Bình và bộ phận một cửa."
            )
        },
    )
    assert state_of(code) == FeedbackState.AWAITING_APPROVAL
    log_in(page, base, "dept-approver")
    page.goto(f"{base}{reverse('officer-feedback-detail', args=[code])}")
    both_widths(page, "officer-awaiting-approval")
    act(page, "approve")
    assert state_of(code) == FeedbackState.PROCESSED

    # The office sees the masked text before publishing, and publishes it.
    log_in(page, base, "kiemsoat")
    page.goto(f"{base}{reverse('officer-feedback-detail', args=[code])}")
    page.locator("#action-publish summary").click()
    masked = page.locator("#action-publish textarea").first.input_value()
    assert "[họ tên]" in masked and "Nguyễn Thị Hoa" not in masked
    both_widths(page, "officer-publish")
    with page.expect_navigation():
        page.locator("#action-publish button[type=submit]").click()
    assert Feedback.objects.get(code=code).published_at is not None

    # Public: listed, searchable without diacritics, no personal data.
    page.context.clear_cookies()
    page.goto(f"{base}{reverse('public-feedback-list')}?q=giay+to+ngoai+quy+dinh")
    page.get_by_role("link", name="Yêu cầu thêm giấy tờ ngoài quy định").wait_for()
    both_widths(page, "list")
    page.get_by_role("link", name="Yêu cầu thêm giấy tờ ngoài quy định").click()
    body = page.locator("main").inner_text()
    for personal in PERSONAL:
        assert personal not in body
    assert "Cấp phiếu lý lịch tư pháp" in body  # the procedure, linked
    both_widths(page, "published")

    # The sender looks it up with the code and secret and sees the answer, on a phone.
    page.set_viewport_size(PHONE_WIDTH)
    page.goto(f"{base}{reverse('public-feedback-lookup')}?ma={code}")
    page.get_by_label("Mã bí mật").fill(secret)
    screenshot(page, "feedback-lookup-360")
    page.get_by_role("button", name="Tra cứu").click()
    page.locator("#feedback-answer").wait_for()
    assert (
        "thành phần hồ sơ không gồm giấy khai sinh" in page.locator("#feedback-answer").inner_text()
    )
    both_widths(page, "mine")
    page.set_viewport_size(PHONE_WIDTH)
    page.get_by_text("Hài lòng", exact=True).click()
    page.get_by_role("button", name="Gửi đánh giá").click()
    page.get_by_text("Bạn đã đánh giá").wait_for()
    assert Feedback.objects.get(code=code).satisfaction == "satisfied"
