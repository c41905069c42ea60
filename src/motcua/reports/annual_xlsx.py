"""The annexes of the annual report as one workbook (statistics.md §9):

- "Biểu 06": form 06 by field with its total row (the form 06 writer of ``reports.xlsx``);
- "PAKN": feedback figures (§3) by agency with a total row;
- "Số liệu": every figure of the §9 object, one row each: its key path, what it is, its value.

Counts are plain integers (Excel shows the reader's thousands separator); the face of each sheet
(title, period) is in Vietnamese formats.
"""

import datetime as dt
from pathlib import Path
from typing import IO, Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from motcua.reports.annual import (
    ANNEX_FEEDBACK,
    ANNEX_FORM06,
    FORM06_ANNEX_BY,
    AnnualContent,
)
from motcua.reports.xlsx import FORM06_SHEET, form06_workbook

FEEDBACK_SHEET = "PAKN"
FIGURES_SHEET = "Số liệu"
FEEDBACK_TITLE = "TÌNH HÌNH TIẾP NHẬN, XỬ LÝ PHẢN ÁNH, KIẾN NGHỊ"
# Columns C.. of the feedback sheet: heading, and the §9 ``feedback`` key path it shows.
FEEDBACK_COLUMNS: tuple[tuple[str, str], ...] = (
    ("Tổng số PAKN đã tiếp nhận", "received.total"),
    ("Số mới tiếp nhận trong kỳ", "received.new"),
    ("Số từ kỳ trước chuyển qua", "received.carried_over"),
    ("Về quy định hành chính", "received.regulation"),
    ("Về hành vi hành chính", "received.behaviour"),
    ("Số đã xử lý", "processed.total"),
    ("Trong đó: đã đăng tải công khai", "processed.published"),
    ("Số đang xử lý", "in_process"),
)
FEEDBACK_HEADER_ROW = 5

# What each §9 figure is, for a person reading the "Số liệu" sheet.
LABELS: dict[str, str] = {
    "period.from": "Kỳ báo cáo: từ ngày",
    "period.to": "Kỳ báo cáo: đến ngày",
    "catalog.total": "Tổng số TTHC thuộc thẩm quyền giải quyết của địa phương",
    "catalog.central": "TTHC do Trung ương quy định",
    "catalog.local": "TTHC do địa phương quy định",
    "catalog.by_level.province": "TTHC cấp tỉnh",
    "catalog.by_level.district": "TTHC cấp huyện",
    "catalog.by_level.commune": "TTHC cấp xã",
    "catalog.publication_decisions": "Quyết định công bố danh mục TTHC",
    "catalog.regulation_documents": "Văn bản QPPL có quy định TTHC",
    "shortening.total": "Số TTHC được rút ngắn thời gian giải quyết",
    "shortening.by_level.province": "TTHC rút ngắn cấp tỉnh",
    "shortening.by_level.district": "TTHC rút ngắn cấp huyện",
    "shortening.by_level.commune": "TTHC rút ngắn cấp xã",
    "shortening.saving_vnd": "Chi phí tiết kiệm ước tính mỗi năm (đồng, làm tròn triệu)",
    "shortening.saving_per_procedure_vnd": "Bình quân mỗi TTHC mỗi năm (đồng, làm tròn triệu)",
    "online_services.total": "Tổng số dịch vụ công trực tuyến",
    "online_services.full": "DVCTT toàn trình",
    "online_services.partial": "DVCTT một phần",
    "online_services.national_portal": "DVCTT tích hợp trên Cổng DVC quốc gia",
    "online_services.national_portal_rate": "Tỷ lệ tích hợp trên Cổng DVC quốc gia (%)",
    "online_services.departments.covered": "Sở, ban, ngành có DVCTT",
    "online_services.departments.total": "Tổng số sở, ban, ngành",
    "online_services.districts.covered": "Đơn vị cấp huyện có DVCTT",
    "online_services.districts.total": "Tổng số đơn vị cấp huyện",
    "online_services.communes.covered": "Đơn vị cấp xã có DVCTT",
    "online_services.communes.total": "Tổng số đơn vị cấp xã",
    "dossiers.received.total": "Hồ sơ đã tiếp nhận",
    "dossiers.received.carried_over": "Hồ sơ từ kỳ trước chuyển qua",
    "dossiers.received.new": "Hồ sơ mới tiếp nhận",
    "dossiers.received.new_online": "Mới tiếp nhận trực tuyến",
    "dossiers.received.new_direct": "Mới tiếp nhận trực tiếp",
    "dossiers.received.new_postal": "Mới tiếp nhận qua dịch vụ bưu chính",
    "dossiers.resolved.total": "Hồ sơ đã giải quyết",
    "dossiers.resolved.early": "Giải quyết trước hạn",
    "dossiers.resolved.on_time": "Giải quyết đúng hạn",
    "dossiers.resolved.late": "Giải quyết quá hạn",
    "dossiers.in_process.total": "Hồ sơ đang giải quyết",
    "dossiers.in_process.within_deadline": "Đang giải quyết trong hạn",
    "dossiers.in_process.overdue": "Đang giải quyết quá hạn",
    "digitization.rate": "Tỷ lệ số hóa hồ sơ, kết quả giải quyết TTHC (%)",
    "digitization.components_rate": "Tỷ lệ số hóa thành phần hồ sơ (%)",
    "digitization.results_rate": "Tỷ lệ số hóa kết quả giải quyết (%)",
    "digitization.reuse_rate": "Tỷ lệ tái sử dụng dữ liệu (%)",
    "digitization.online_payment_rate": "Tỷ lệ thanh toán trực tuyến (%)",
    "feedback.received.total": "PAKN đã tiếp nhận",
    "feedback.received.new": "PAKN mới tiếp nhận trong kỳ",
    "feedback.received.carried_over": "PAKN từ kỳ trước chuyển qua",
    "feedback.received.regulation": "PAKN về quy định hành chính",
    "feedback.received.behaviour": "PAKN về hành vi hành chính",
    "feedback.processed.total": "PAKN đã xử lý",
    "feedback.processed.published": "PAKN đã xử lý, đăng tải công khai",
    "feedback.in_process": "PAKN đang xử lý",
    "inspections.planned": "Cơ quan được kiểm tra theo kế hoạch",
    "inspections.done": "Cơ quan đã kiểm tra theo kế hoạch",
    "evaluations.count": "Số đánh giá của người nộp (hồ sơ trả kết quả trong kỳ)",
    "evaluations.average": "Điểm đánh giá trung bình (trên 18 điểm)",
    "evaluations.satisfied_rate": "Tỷ lệ đánh giá đạt từ 15/18 điểm (%)",
    "service_index.total": "Chỉ số phục vụ người dân, doanh nghiệp (QĐ 766): tổng điểm (/100)",
    "service_index.groups.publicity": "Chỉ số phục vụ: công khai, minh bạch (/18)",
    "service_index.groups.progress": "Chỉ số phục vụ: tiến độ giải quyết (/20)",
    "service_index.groups.digitization": "Chỉ số phục vụ: số hóa hồ sơ (/22)",
    "service_index.groups.online": "Chỉ số phục vụ: dịch vụ công trực tuyến, thanh toán (/22)",
    "service_index.groups.satisfaction": "Chỉ số phục vụ: mức độ hài lòng (/18)",
}
SURPRISE_LABELS = {
    "agency": "Kiểm tra đột xuất {n}: cơ quan",
    "date": "Kiểm tra đột xuất {n}: ngày",
}
DATE_KEYS = {"period.from", "period.to"}

_THIN = Side(style="thin")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_CENTRED = Alignment(horizontal="center", vertical="center", wrap_text=True)
_DATE_FORMAT = "DD/MM/YYYY"


def annual_workbook(report: AnnualContent) -> Workbook:
    province = f"UBND tỉnh {report.province_name}" if report.province_name else ""
    book = form06_workbook(
        report.period,
        report.dossiers_by_field,
        report.figures["dossiers"],
        by=FORM06_ANNEX_BY,
        unit_name=province,
    )
    book[FORM06_SHEET]["A1"] = f"{ANNEX_FORM06}. Biểu số 06"
    feedback_sheet(
        book.create_sheet(FEEDBACK_SHEET),
        period=report.period,
        rows=report.feedback_by_agency,
        total=report.figures["feedback"],
        province=province,
    )
    _figures_sheet(book.create_sheet(FIGURES_SHEET), report.figures)
    return book


def write_annual_xlsx(out: str | Path | IO[bytes], report: AnnualContent) -> None:
    annual_workbook(report).save(out)


def _get(figures: dict[str, Any], path: str) -> Any:
    value: Any = figures
    for key in path.split("."):
        value = value[key]
    return value


def feedback_sheet(
    sheet: Worksheet, *, period, rows: list[dict[str, Any]], total: dict[str, Any], province: str
) -> None:
    """The feedback table (PAKN): one row per agency (``rows`` of ``feedback_breakdown``) and
    the total; also the annex of the annual report."""
    last = get_column_letter(2 + len(FEEDBACK_COLUMNS))
    sheet["A1"] = ANNEX_FEEDBACK
    sheet["A1"].font = Font(italic=True)
    for row, text, font in (
        (2, FEEDBACK_TITLE, Font(bold=True, size=14)),
        (3, period.label, Font(italic=True)),
    ):
        sheet.merge_cells(f"A{row}:{last}{row}")
        sheet[f"A{row}"] = text
        sheet[f"A{row}"].font = font
        sheet[f"A{row}"].alignment = Alignment(horizontal="center")
    if province:
        sheet["A4"] = f"Đơn vị báo cáo: {province}"
    headings = ["STT", "Cơ quan, đơn vị", *(heading for heading, _key in FEEDBACK_COLUMNS)]
    for col, text in enumerate(headings, 1):
        cell = sheet.cell(row=FEEDBACK_HEADER_ROW, column=col, value=text)
        cell.font = Font(bold=True)
        cell.alignment = _CENTRED
        cell.border = _BOX
    sheet.row_dimensions[FEEDBACK_HEADER_ROW].height = 48
    row = FEEDBACK_HEADER_ROW + 1
    for number, line in enumerate(rows, 1):
        _feedback_row(sheet, row, number, line["label"], line["figures"])
        row += 1
    _feedback_row(sheet, row, None, "Tổng cộng", total, bold=True)
    sheet.column_dimensions["A"].width = 6
    sheet.column_dimensions["B"].width = 42
    for col in range(3, 3 + len(FEEDBACK_COLUMNS)):
        sheet.column_dimensions[get_column_letter(col)].width = 14
    sheet.freeze_panes = sheet.cell(row=FEEDBACK_HEADER_ROW + 1, column=3)
    sheet.page_setup.orientation = "landscape"


def _feedback_row(
    sheet: Worksheet,
    row: int,
    number: int | None,
    label: str,
    figures: dict[str, Any],
    *,
    bold: bool = False,
) -> None:
    values = [number, label, *(_get(figures, key) for _heading, key in FEEDBACK_COLUMNS)]
    for col, value in enumerate(values, 1):
        cell = sheet.cell(row=row, column=col, value=value)
        cell.border = _BOX
        cell.font = Font(bold=bold)
        if col == 1:
            cell.alignment = Alignment(horizontal="center")


def figure_rows(figures: dict[str, Any]) -> list[tuple[str, str, Any]]:
    """Every leaf of the §9 object as (key path, label, value), in the object's order; each
    surprise inspection gives two rows (``inspections.surprise.1.agency`` / ``.date``)."""
    rows: list[tuple[str, str, Any]] = []

    def walk(prefix: str, value: Any) -> None:
        if isinstance(value, dict):
            for key, inner in value.items():
                walk(f"{prefix}.{key}" if prefix else key, inner)
        elif isinstance(value, list):
            for n, item in enumerate(value, 1):
                for key, inner in item.items():
                    label = SURPRISE_LABELS[key].format(n=n)
                    rows.append((f"{prefix}.{n}.{key}", label, _cell_value(key, inner)))
        else:
            rows.append((prefix, LABELS[prefix], _cell_value(prefix, value)))

    walk("", figures)
    return rows


def _cell_value(key: str, value: Any) -> Any:
    # Dates as dates, so that the sheet can sort and compute on them.
    if key in DATE_KEYS or key == "date":
        return dt.date.fromisoformat(value)
    return value


def _figures_sheet(sheet: Worksheet, figures: dict[str, Any]) -> None:
    for col, text in enumerate(("Khóa / Key", "Chỉ tiêu", "Giá trị"), 1):
        cell = sheet.cell(row=1, column=col, value=text)
        cell.font = Font(bold=True)
        cell.border = _BOX
    for row, (key, label, value) in enumerate(figure_rows(figures), 2):
        sheet.cell(row=row, column=1, value=key).border = _BOX
        sheet.cell(row=row, column=2, value=label).border = _BOX
        cell = sheet.cell(row=row, column=3, value=value)
        cell.border = _BOX
        if isinstance(value, dt.date):
            cell.number_format = _DATE_FORMAT
    sheet.column_dimensions["A"].width = 42
    sheet.column_dimensions["B"].width = 60
    sheet.column_dimensions["C"].width = 18
    sheet.freeze_panes = "A2"
