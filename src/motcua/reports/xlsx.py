"""Spreadsheet annexes of the periodic report, laid out like the official forms.

Counts are written as plain integers: Excel shows thousands separators per the reader's locale
(a Vietnamese Excel writes 660.557), which a fixed number format cannot do. Text a person reads
on the face of the form (title, period, notes) is written in Vietnamese formats.
"""

from collections.abc import Sequence
from typing import IO

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from motcua.reports.selectors.dossiers import BreakdownRow, form06_rates
from motcua.utils.formatting import vn_percent
from motcua.utils.periods import Period

FORM06_TITLE = "TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT TTHC"
FORM06_SHEET = "Biểu 06"
# What the second column lists, per breakdown.
GROUP_HEADINGS = {
    "field": "Lĩnh vực",
    "agency": "Đơn vị",
    "level": "Cấp giải quyết",
    "procedure": "Thủ tục hành chính",
}
# Columns C.. of the form: the §9 figure each shows; "direct and postal" is one column (§2).
FORM06_COLUMNS: tuple[tuple[str, ...], ...] = (
    ("received.total",),
    ("received.carried_over",),
    ("received.new_online",),
    ("received.new_direct", "received.new_postal"),
    ("resolved.total",),
    ("resolved.early",),
    ("resolved.on_time",),
    ("resolved.late",),
    ("in_process.total",),
    ("in_process.within_deadline",),
    ("in_process.overdue",),
)
LAST_COLUMN = 2 + len(FORM06_COLUMNS)
HEADER_TOP = 5  # the header takes rows 5–7, column numbers row 8, data from row 9

_THIN = Side(style="thin")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_CENTRED = Alignment(horizontal="center", vertical="center", wrap_text=True)
_BOLD = Font(bold=True)


def form06_workbook(
    period: Period,
    rows: Sequence[BreakdownRow],
    total: dict[str, dict[str, int]],
    *,
    by: str,
    unit_name: str = "",
) -> Workbook:
    """Form 06 (tình hình, kết quả giải quyết TTHC): one row per breakdown row and a total row.

    ``total`` is the figure for the whole (``form06``), which the rows add up to.
    """
    book = Workbook()
    sheet = book.active
    sheet.title = FORM06_SHEET
    last = get_column_letter(LAST_COLUMN)

    sheet["A1"] = "Biểu số 06"
    sheet["A1"].font = Font(italic=True)
    _merged_text(sheet, f"A2:{last}2", FORM06_TITLE, font=Font(bold=True, size=14))
    _merged_text(sheet, f"A3:{last}3", period.label, font=Font(italic=True))
    units_from = get_column_letter(LAST_COLUMN - 2)
    if unit_name:
        before = get_column_letter(LAST_COLUMN - 3)
        _merged_text(sheet, f"A4:{before}4", f"Đơn vị báo cáo: {unit_name}", align="left")
    _merged_text(sheet, f"{units_from}4:{last}4", "Đơn vị tính: Số hồ sơ TTHC", align="right")
    _header(sheet, GROUP_HEADINGS.get(by, "Lĩnh vực/Đơn vị"))

    row_number = HEADER_TOP + 4
    for index, row in enumerate(rows, 1):
        _data_row(sheet, row_number, str(index), row.label, row.figures)
        row_number += 1
    _data_row(sheet, row_number, "", "Tổng cộng", total, bold=True)

    rates = form06_rates(total)
    notes = [
        "Tỷ lệ giải quyết trước hạn và đúng hạn (trước hạn + đúng hạn)/đã giải quyết: "
        f"{vn_percent(rates['on_time_rate'])}",
        f"Tỷ lệ hồ sơ mới tiếp nhận trực tuyến: {vn_percent(rates['online_share'])}",
        "Ghi chú: ngày tiếp nhận, ngày hẹn trả, ngày kết thúc tính theo giờ Việt Nam; "
        "hồ sơ đang chờ bổ sung vào cuối kỳ được tính trong hạn.",
    ]
    for offset, note in enumerate(notes, 2):
        sheet.cell(row=row_number + offset, column=2, value=note)

    sheet.column_dimensions["A"].width = 6
    sheet.column_dimensions["B"].width = 42
    for column in range(3, LAST_COLUMN + 1):
        sheet.column_dimensions[get_column_letter(column)].width = 14
    sheet.freeze_panes = sheet.cell(row=HEADER_TOP + 4, column=3)
    sheet.print_options.horizontalCentered = True
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    return book


def write_form06_xlsx(
    out: str | IO[bytes],
    period: Period,
    rows: Sequence[BreakdownRow],
    total: dict[str, dict[str, int]],
    *,
    by: str,
    unit_name: str = "",
) -> None:
    """Save ``form06_workbook`` to a path or a binary stream."""
    form06_workbook(period, rows, total, by=by, unit_name=unit_name).save(out)


def _header(sheet, group_heading: str) -> None:
    top, middle, bottom = HEADER_TOP, HEADER_TOP + 1, HEADER_TOP + 2
    spans = [
        # (first row, first column, last row, last column, text)
        (top, 1, bottom, 1, "STT"),
        (top, 2, bottom, 2, group_heading),
        (top, 3, top, 6, "Số hồ sơ đã tiếp nhận"),
        (middle, 3, bottom, 3, "Tổng số hồ sơ đã tiếp nhận"),
        (middle, 4, middle, 6, "Trong đó"),
        (bottom, 4, bottom, 4, "Số kỳ trước chuyển qua"),
        (bottom, 5, bottom, 5, "Số mới tiếp nhận trực tuyến"),
        (bottom, 6, bottom, 6, "Số mới tiếp nhận trực tiếp và qua dịch vụ bưu chính"),
        (top, 7, top, 10, "Số hồ sơ đã giải quyết"),
        (middle, 7, bottom, 7, "Tổng số"),
        (middle, 8, bottom, 8, "Trước hạn"),
        (middle, 9, bottom, 9, "Đúng hạn"),
        (middle, 10, bottom, 10, "Quá hạn"),
        (top, 11, top, 13, "Số hồ sơ đang giải quyết"),
        (middle, 11, bottom, 11, "Tổng số"),
        (middle, 12, bottom, 12, "Trong hạn"),
        (middle, 13, bottom, 13, "Quá hạn"),
    ]
    for first_row, first_col, last_row, last_col, text in spans:
        for row in range(first_row, last_row + 1):
            for col in range(first_col, last_col + 1):
                cell = sheet.cell(row=row, column=col)
                cell.border = _BOX
                cell.alignment = _CENTRED
                cell.font = _BOLD
        sheet.cell(row=first_row, column=first_col, value=text)
        if (first_row, first_col) != (last_row, last_col):
            sheet.merge_cells(
                start_row=first_row, start_column=first_col, end_row=last_row, end_column=last_col
            )
    sheet.row_dimensions[bottom].height = 60
    # The official forms number their columns: (1), (2), … under the header.
    for col in range(1, LAST_COLUMN + 1):
        cell = sheet.cell(row=bottom + 1, column=col, value=f"({col})")
        cell.border = _BOX
        cell.alignment = _CENTRED
        cell.font = Font(italic=True)


def _data_row(
    sheet,
    row: int,
    number: str,
    label: str,
    figures: dict[str, dict[str, int]],
    *,
    bold: bool = False,
) -> None:
    values: list[str | int] = [number, label]
    for keys in FORM06_COLUMNS:
        values.append(sum(figures[group][key] for group, key in (k.split(".") for k in keys)))
    for col, value in enumerate(values, 1):
        cell = sheet.cell(row=row, column=col, value=value)
        cell.border = _BOX
        cell.font = Font(bold=bold)
        if col == 1:
            cell.alignment = Alignment(horizontal="center")
        elif col == 2:
            cell.alignment = Alignment(wrap_text=True, vertical="center")


def _merged_text(
    sheet, cells: str, text: str, *, font: Font | None = None, align: str = "center"
) -> None:
    sheet.merge_cells(cells)
    cell = sheet[cells.split(":")[0]]
    cell.value = text
    cell.alignment = Alignment(horizontal=align)
    if font is not None:
        cell.font = font
