"""The result document generated when the approver uploaded no file: a formal administrative
document (Decree 30 layout: national header, agency, number, title, body, signer block) that
the job ``result_sign`` converts to PDF and has signed by the approver and sealed."""

from __future__ import annotations

import datetime as dt

from motcua.agencies.models import Province
from motcua.dossiers.models import Dossier
from motcua.dossiers.slips.common import (
    addressee,
    clock,
    local,
    parent_authority,
    person,
    place_date,
)
from motcua.utils.official_layout import Sheet

RESULT_SYMBOL = "KQ"
RESULT_TITLE = "Kết quả giải quyết thủ tục hành chính"


def _signer_block(dossier: Dossier, approver) -> tuple[str, str, str]:
    """The approver signs: under the head's title when they are the head, else for the head
    ("KT. GIÁM ĐỐC" over their own title), the way Decree 30 shows a deputy's signature."""
    unit = dossier.agency
    head = unit.head
    head_title = (head.title if head and head.title else "") or "Thủ trưởng cơ quan"
    note = "(Chữ ký số, dấu của cơ quan)"
    if approver is None:
        return (head_title, note, "")
    if head is not None and approver.pk == head.pk:
        return (head_title, note, person(approver))
    own = getattr(approver, "title", "") or "Lãnh đạo cơ quan"
    return (f"KT. {head_title}\n{own}", note, person(approver))


def result_docx(*, dossier: Dossier, approver, number: str, at: dt.datetime) -> bytes:
    """The DOCX of the result of ``dossier`` approved by ``approver`` at ``at``, numbered
    ``number`` (allocated at approval)."""
    day = local(at).date()
    unit = dossier.agency
    province = Province.get()
    sheet = Sheet()
    sheet.header(
        parent=parent_authority(unit, province, day),
        unit=unit.name_on(day),
        place_date=place_date(province, day, unit),
        number=number,
    )
    sheet.title(RESULT_TITLE)
    sheet.centered("Kính gửi: ", (dossier.applicant_name, True, False))
    sheet.centered("Mã hồ sơ: ", (dossier.code, True, False))
    sheet.field("Thủ tục hành chính", dossier.procedure.name)
    sheet.field("Tên người nộp / tổ chức", dossier.applicant_name)
    if dossier.applicant_address:
        sheet.field("Địa chỉ", dossier.applicant_address)
    if dossier.received_at:
        sheet.field("Thời gian tiếp nhận hồ sơ", clock(dossier.received_at))
    sheet.para(
        f"Căn cứ hồ sơ đề nghị giải quyết thủ tục hành chính của {addressee(dossier)} và kết "
        f"quả thẩm định, {unit.name_on(day)} thông báo kết quả giải quyết như sau:",
    )
    lines = [line.strip() for line in (dossier.result_note or "").splitlines() if line.strip()]
    sheet.items(lines or [f"Hồ sơ đủ điều kiện; chấp thuận đề nghị của {addressee(dossier)}."])
    sheet.para(
        "Văn bản này được ký số bởi người có thẩm quyền và đóng dấu số của cơ quan; bản điện "
        "tử có giá trị pháp lý như bản giấy.",
    )
    sheet.signatures(
        [_signer_block(dossier, approver)],
        recipients=[
            "Như trên",
            f"Bộ phận Một cửa - {dossier.receiving_agency.name_on(day)}",
            "Lưu: VT",
        ],
    )
    return sheet.to_bytes()
