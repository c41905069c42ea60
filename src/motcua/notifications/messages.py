"""What the applicant is told at each event, in Vietnamese (pure: no database)."""

from motcua.utils.formatting import vn_datetime

SUBJECTS = {
    "submitted": "Đã nhận hồ sơ nộp trực tuyến {code}",
    "received": "Hồ sơ {code} đã được tiếp nhận",
    "refused_intake": "Hồ sơ {code} không được tiếp nhận",
    "supplement_requested": "Hồ sơ {code}: yêu cầu bổ sung",
    "payment_requested": "Hồ sơ {code}: đề nghị nộp phí, lệ phí",
    "apology": "Hồ sơ {code}: thư xin lỗi và hẹn lại ngày trả kết quả",
    "resolved": "Hồ sơ {code} đã có kết quả",
    "stopped": "Hồ sơ {code}: dừng xử lý",
    "withdrawn": "Hồ sơ {code} đã được rút",
    "returned": "Hồ sơ {code} đã trả kết quả",
    "lookup_blocked": "Hồ sơ {code}: nhiều lần tra cứu sai",
}


def message_for(
    event: str,
    *,
    code: str,
    procedure: str,
    due_at=None,
    promised_at=None,
    note: str = "",
    lookup_url: str = "",
) -> tuple[str, str]:
    """(subject, text) for ``event``; the text is short enough for one SMS when possible."""
    subject = SUBJECTS[event].format(code=code)
    lines = [f"{subject}.", f"Thủ tục: {procedure}."]
    if event == "received" and due_at:
        lines.append(f"Hẹn trả kết quả: {vn_datetime(due_at)}.")
    if event == "apology" and promised_at:
        lines.append(f"Ngày hẹn mới: {vn_datetime(promised_at)}.")
    if event == "lookup_blocked":
        lines.append(
            "Có người đã nhiều lần nhập sai 4 số cuối khi tra cứu hồ sơ này; việc tra cứu đã tạm "
            "khóa. Nếu không phải bạn, không cần làm gì: không ai xem được hồ sơ."
        )
    if note:
        lines.append(note)
    if lookup_url:
        lines.append(f"Tra cứu: {lookup_url}")
    return subject, " ".join(lines)
