"""Live demo feedback (PAKN): a few items of the demo department in every state of the handling
workflow, made through the services so that the queue, the item pages and the public answers
are not empty. The imported 2024 history is left as it is (its figures do not change: these
items are received now, not in 2024)."""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from motcua.accounts.models import User
from motcua.accounts.roles import Role
from motcua.demo.live import _cast
from motcua.feedback import services as s
from motcua.feedback.models import ClosedReason, Feedback

DAY = dt.timedelta(days=1)
HOUR = dt.timedelta(hours=1)

STORIES = [
    # (subject, content, sender's name, phone, how far it went)
    (
        "Niêm yết thủ tục chưa cập nhật",
        "Bảng niêm yết tại bộ phận một cửa vẫn ghi mức lệ phí cũ. Tôi là Lê Văn Nam, "
        "điện thoại 0903 123 456.",
        "Lê Văn Nam",
        "0903123456",
        "received",
    ),
    (
        "Hẹn trả kết quả nhiều lần",
        "Hồ sơ của gia đình tôi bị hẹn lại ba lần mà không có văn bản xin lỗi. Chị Phạm Thị "
        "Thu ở bộ phận một cửa nói do hệ thống.",
        "Trần Thị Mai",
        "0918765432",
        "received_late",
    ),
    (
        "Không rõ thành phần hồ sơ",
        "Trang thủ tục không nói rõ cần bản sao hay bản chính.",
        "",
        "",
        "awaiting_info",
    ),
    (
        "Yêu cầu nộp thêm giấy tờ ngoài quy định",
        "Khi nộp hồ sơ, anh Nguyễn Văn Hùng yêu cầu nộp thêm giấy xác nhận cư trú không có trong "
        "thành phần hồ sơ. CCCD của tôi 052190004567.",
        "Võ Thị Lan",
        "0935111222",
        "classified",
    ),
    (
        "Phí dịch vụ bưu chính cao",
        "Phí trả kết quả qua bưu điện cao hơn mức công bố.",
        "Đặng Quốc Bảo",
        "0977333444",
        "processing",
    ),
    (
        "Thời gian giải quyết dài hơn quy định",
        "Thủ tục công bố 10 ngày nhưng thực tế 20 ngày. Liên hệ: bao.dang@example.vn.",
        "Đặng Quốc Bảo",
        "",
        "awaiting_approval",
    ),
    (
        "Đề nghị cho nộp trực tuyến toàn trình",
        "Đề nghị cho phép nộp hồ sơ trực tuyến toàn trình để người dân ở xa đỡ đi lại.",
        "Huỳnh Văn Phúc",
        "0944555666",
        "processed",
    ),
    (
        "Cán bộ hướng dẫn chưa đầy đủ",
        "Ông Lê Văn Tám ở bộ phận một cửa hướng dẫn thiếu, tôi phải đi lại hai lần. "
        "Số điện thoại của tôi 0912 888 999.",
        "Ngô Thị Hạnh",
        "0912888999",
        "published",
    ),
    (
        "Khiếu nại quyết định xử phạt",
        "Tôi không đồng ý với quyết định xử phạt vi phạm hành chính của phường.",
        "Phan Văn Lực",
        "0988777666",
        "complaint",
    ),
]
ANSWER = (
    "Sở đã kiểm tra, chấn chỉnh bộ phận một cửa và cập nhật hướng dẫn trên Cổng dịch vụ công. "
    "Cảm ơn ông/bà đã phản ánh."
)


def live_feedback_exist() -> bool:
    return Feedback.objects.filter(imported=False).exists()


def demo_live_feedback(*, now: dt.datetime) -> int:
    """Create the demo items before ``now`` (nothing when live items exist). Returns how many."""
    if live_feedback_exist():
        return 0
    cast = _cast()
    controller = User.objects.filter(role=Role.CONTROLLER, is_active=True).order_by("pk").first()
    if controller is None:
        return 0
    procedure = cast.procedures[0] if cast.procedures else None
    created = 0
    with transaction.atomic():
        for number, (subject, content, name, phone, story) in enumerate(STORIES):
            start = now - (12 - number) * DAY if story != "received_late" else now - 14 * DAY
            if story in ("received", "awaiting_info"):
                start = now - 2 * HOUR
            item = s.feedback_submit(
                subject=subject,
                content=content,
                procedure=procedure,
                agency=cast.department,
                contact=s.Contact(name=name, phone=phone),
                kind="behaviour" if "Cán bộ" in subject else "regulation",
                now=start,
            ).feedback
            created += 1
            step = start + HOUR
            if story in ("received", "received_late"):
                continue
            if story == "awaiting_info":
                s.feedback_request_info(
                    actor=controller,
                    feedback=item,
                    request="Cho biết tên thủ tục và ngày nộp hồ sơ.",
                    now=step,
                )
                continue
            if story == "complaint":
                s.feedback_close(
                    actor=controller, feedback=item, reason=ClosedReason.COMPLAINT, now=step
                )
                continue
            item = s.feedback_classify(actor=controller, feedback=item, kind=item.kind, now=step)
            if story == "classified":
                continue
            item = s.feedback_assign(
                actor=controller, feedback=item, agency=cast.department, now=step + HOUR
            )
            if story == "processing":
                continue
            item = s.feedback_draft(actor=cast.handler, feedback=item, answer=ANSWER)
            if story == "awaiting_approval":
                continue
            item = s.feedback_approve(actor=cast.approver, feedback=item, now=step + DAY)
            if story == "processed":
                continue
            item = s.feedback_publish_answer(
                actor=controller, feedback=item, now=step + 2 * DAY, **s.masked_texts(item)
            )
            s.feedback_rate(feedback=item, satisfied=True, now=step + 3 * DAY)
    return created
