"""Documents generated on request and not stored: the process control sheet of a dossier and
the register of a desk (Sổ theo dõi hồ sơ) for a period."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from motcua.agencies.models import Agency
from motcua.dossiers.models import Dossier
from motcua.dossiers.slips.common import clock, person, stacked, start
from motcua.dossiers.slips.forms import form_set_for
from motcua.dossiers.slips.issue import dossier_form_set
from motcua.utils.formatting import vn_date, vn_number
from motcua.utils.official_layout import Sheet

TIMING_LABELS = {"early": "Trước hạn", "on_time": "Đúng hạn", "late": "Quá hạn"}


def control_sheet_docx(dossier: Dossier) -> bytes:
    """Phiếu kiểm soát quá trình giải quyết hồ sơ: every handover of the dossier (from which
    agency to which, when), each step's deadline, when it finished and whether early, on time
    or late (``DossierStep.timing``)."""
    form = dossier_form_set(dossier).form("control_sheet")
    sheet = Sheet(landscape=True)
    received = dossier.received_at or dossier.submitted_at
    start(sheet, form=form, unit=dossier.receiving_agency, day=_local_day(received))
    sheet.centered("Mã hồ sơ: ", (dossier.code, True, False))
    sheet.field("Kèm theo hồ sơ của", dossier.applicant_name)
    sheet.field("Thủ tục", dossier.procedure.name)
    sheet.field("Nơi tiếp nhận", dossier.receiving_agency.name)
    sheet.field("Cơ quan giải quyết", dossier.agency.name)
    sheet.field("Thời gian nhận hồ sơ", clock(received))
    sheet.field("Thời gian hẹn trả kết quả", clock(dossier.due_at) or "Không quy định")
    steps = list(dossier.steps.select_related("agency", "assignee").order_by("order"))
    rows, giver = [], dossier.receiving_agency.name
    for step in steps:
        if step.timing:
            result = TIMING_LABELS[step.timing]
        else:
            result = "Đang xử lý" if step.started_at else "Chưa chuyển đến"
        handler = person(step.assignee)
        rows.append(
            [
                vn_number(step.order),
                step.name,
                giver,
                step.agency.name + (f" ({handler})" if handler else ""),
                stacked(step.started_at),
                stacked(step.due_at),
                stacked(step.finished_at),
                result,
                "",
                "",
                step.note,
            ]
        )
        giver = step.agency.name
    sheet.grid(
        [
            "STT",
            "Bước xử lý",
            "Bên giao",
            "Bên nhận",
            "Thời gian giao, nhận",
            "Hạn xử lý",
            "Thời gian hoàn thành",
            "Kết quả (Trước hạn / Đúng hạn / Quá hạn)",
            "Bên giao ký",
            "Bên nhận ký",
            "Ghi chú",
        ],
        rows or [["", "(Hồ sơ chưa được chuyển xử lý)", *[""] * 9]],
        widths=[0.04, 0.13, 0.11, 0.13, 0.09, 0.09, 0.09, 0.09, 0.07, 0.07, 0.09],
        size=11,
        centered=(0, 4, 5, 6, 7),
    )
    _return_rows(sheet, dossier)
    return sheet.to_bytes()


def _return_rows(sheet: Sheet, dossier: Dossier) -> None:
    """The last handovers: the result from the settling agency back to the desk, then to the
    applicant (ngày giờ trả, người nhận ký), with spaces for both sides to sign."""
    desk = dossier.receiving_agency.name
    heading = sheet.para(("Trả kết quả giải quyết hồ sơ", True, False), indent=False)
    heading.paragraph_format.space_before = Pt(8)
    sheet.grid(
        ["Bên giao", "Bên nhận", "Thời gian giao, nhận", "Bên giao ký", "Bên nhận ký", "Ghi chú"],
        [
            [
                dossier.agency.name,
                f"Bộ phận Một cửa - {desk}",
                stacked(dossier.ended_at),
                "",
                "",
                "",
            ],
            [
                f"Bộ phận Một cửa - {desk}",
                f"Người nhận kết quả: {dossier.applicant_name}",
                stacked(dossier.returned_at),
                "",
                "",
                "",
            ],
        ],
        widths=[0.2, 0.24, 0.12, 0.13, 0.13, 0.18],
        size=11,
        centered=(2,),
    )


def _local_day(instant: dt.datetime | None) -> dt.date:
    return timezone.localtime(instant or timezone.now()).date()


def register_docx(*, agency: Agency, date_from: dt.date, date_to: dt.date) -> bytes:
    """Sổ theo dõi hồ sơ of the desk ``agency`` (exactly that desk, not its children) for the
    dossiers received from ``date_from`` to ``date_to`` (local dates, inclusive), in the order
    received. The register is the desk's internal book, so it shows full phone numbers. Its
    form is the one in force on the last day of the period."""
    form = form_set_for(date_to).form("register")
    dossiers = (
        Dossier.objects.filter(
            receiving_agency=agency, received_on__gte=date_from, received_on__lte=date_to
        )
        .select_related("procedure", "agency")
        .order_by("received_at", "id")
    )
    sheet = Sheet(landscape=True, size=13)
    start(sheet, form=form, unit=agency, day=date_to)
    period = f"Từ ngày {vn_date(date_from)} đến ngày {vn_date(date_to)}"
    sheet.centered((period, False, True))
    single = [
        "STT",
        "Mã hồ sơ",
        "Tên thủ tục hành chính",
        "Số lượng hồ sơ (bộ)",
        "Tên cá nhân, tổ chức",
        "Địa chỉ",
        "Số điện thoại",
        "Cơ quan giải quyết",
    ]
    dated = [
        "Nhận hồ sơ",
        "Hẹn trả kết quả",
        "Nhận kết quả từ cơ quan giải quyết",
        "Trả kết quả cho cá nhân, tổ chức",
    ]
    trailing = ["Ký nhận", "Ghi chú"]
    rows = [
        [
            vn_number(i),
            d.code,
            d.procedure.name,
            vn_number(d.sets),
            d.applicant_name,
            d.applicant_address,
            d.applicant_phone,
            d.agency.name,
            stacked(d.received_at),
            stacked(d.due_at),
            stacked(d.ended_at),
            stacked(d.returned_at),
            "",
            d.note,
        ]
        for i, d in enumerate(dossiers, start=1)
    ]
    table = sheet.grid(
        [*single, *dated, *trailing],
        rows or [["", "(Không có hồ sơ trong kỳ)", *[""] * 12]],
        widths=[
            0.035,
            0.10,
            0.13,
            0.045,
            0.09,
            0.10,
            0.075,
            0.08,
            0.07,
            0.07,
            0.07,
            0.07,
            0.03,
            0.035,
        ],
        size=9,
        centered=(0, 3, 8, 9, 10, 11),
    )
    _group_date_heads(table, first=len(single), count=len(dated), size=9)
    return sheet.to_bytes()


def _group_date_heads(table, *, first: int, count: int, size: float) -> None:
    """Two header rows: the four date columns under one "Ngày, tháng, năm" head, the other
    heads spanning both rows (as the printed register has them)."""
    heads = table.rows[0]
    sub = table.add_row()
    # add_row appends at the end: move it right under the first header row.
    heads._tr.addnext(sub._tr)
    columns = len(heads.cells)
    texts = [cell.text for cell in heads.cells]
    for column in range(columns):
        top, bottom = table.cell(0, column), table.cell(1, column)
        if first <= column < first + count:
            paragraph = bottom.paragraphs[0]
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            run = paragraph.add_run(texts[column])
            run.bold, run.font.size = True, Pt(size)
        else:
            top.merge(bottom)
    group = table.cell(0, first).merge(table.cell(0, first + count - 1))
    for paragraph in group.paragraphs[1:]:
        paragraph._p.getparent().remove(paragraph._p)
    paragraph = group.paragraphs[0]
    for run in paragraph.runs[1:]:
        run._r.getparent().remove(run._r)
    paragraph.runs[0].text = "Ngày, tháng, năm"
    Sheet._repeat_header(sub)
