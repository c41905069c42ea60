"""``motcua report <kind> ...``: the periodic reports, one subcommand per kind.

    motcua report catalog --year 2024 [--period year|h1|9m|q1..q4|m1..m12] --format table
    motcua report catalog --from 2024-01-01 --to 2024-06-30 --format json
    motcua report form06 --year 2024 --period q3 [--agency CODE] [--by field] --format table
    motcua report form06 --year 2024 --format xlsx --out bieu06.xlsx

To add a report, write a ``Report`` subclass (its options and its ``build``/``render_table``)
and list it in ``REPORTS``; every report gets the period, format and ``--out`` options for free.
Text formats (table, json) go to standard output or ``--out``; a report offering a file format
(xlsx, docx) lists it in ``formats`` and writes it in ``write_file`` (``--out`` required).
"""

import argparse
import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from motcua.agencies.models import Agency, Province
from motcua.agencies.selectors import province_unit_root, province_units_for_reports
from motcua.feedback.selectors import feedback_breakdown, feedback_figures
from motcua.reports.annual import annual_content, annual_figures, annual_period
from motcua.reports.selectors.catalog import catalog_report
from motcua.reports.selectors.dossiers import (
    BREAKDOWNS,
    BreakdownRow,
    form06,
    form06_breakdown,
    form06_rates,
)
from motcua.utils.dates import EARLIEST, date_in_range, latest, out_of_range_message
from motcua.utils.formatting import vn_number, vn_percent
from motcua.utils.periods import (
    PERIOD_CHOICES,
    Period,
    PeriodError,
    parse_date,
    period_from_options,
)

# The writers of Word and Excel files (python-docx, openpyxl: a quarter of a second to import)
# are imported by the reports that write a file, when they write it.
TEXT_FORMATS = ("table", "json")

# A table row: (indent level, label, value already formatted); a None value makes a heading.
Row = tuple[int, str, str | None]


class Report:
    """One kind of report: a subcommand of ``motcua report``."""

    name: str
    help: str
    formats: tuple[str, ...] = TEXT_FORMATS

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        """Options of this report besides the period and the format."""

    def build(self, period: Period, options: dict[str, Any]) -> dict[str, Any]:
        """The JSON-ready figures; must start with ``"period"`` (statistics.md §9)."""
        raise NotImplementedError

    def render_table(self, period: Period, data: dict[str, Any]) -> str:
        """The figures as a table a person reads, in Vietnamese."""
        raise NotImplementedError

    def as_json(self, data: dict[str, Any]) -> Any:
        """What ``--format json`` prints: the built figures unless the report says otherwise."""
        return data

    def write_file(self, period: Period, data: dict[str, Any], fmt: str, out: Path) -> None:
        """Write a file format of ``formats`` other than table and json."""
        raise NotImplementedError


class CatalogReport(Report):
    name = "catalog"
    help = (
        "Danh mục TTHC, rút ngắn thời gian, dịch vụ công trực tuyến / "
        "Procedure catalog, shortenings, online services (statistics.md §4–§6)"
    )

    def build(self, period: Period, options: dict[str, Any]) -> dict[str, Any]:
        # Read, never create, the province row: a report must not write.
        hourly_cost = Province.objects.values_list("hourly_cost_vnd", flat=True).first() or 0
        return catalog_report(period, hourly_cost_vnd=hourly_cost)

    def render_table(self, period: Period, data: dict[str, Any]) -> str:
        catalog, shortening, online = data["catalog"], data["shortening"], data["online_services"]
        rows: list[Row] = [
            (0, "I. DANH MỤC THỦ TỤC HÀNH CHÍNH", None),
            (
                1,
                "Tổng số TTHC thuộc thẩm quyền giải quyết của địa phương",
                vn_number(catalog["total"]),
            ),
            (2, "Trung ương quy định", vn_number(catalog["central"])),
            (2, "Địa phương quy định", vn_number(catalog["local"])),
            *_by_level(catalog["by_level"]),
            (1, "Quyết định công bố danh mục TTHC", vn_number(catalog["publication_decisions"])),
            (1, "Văn bản QPPL có quy định TTHC", vn_number(catalog["regulation_documents"])),
            (0, "II. RÚT NGẮN THỜI GIAN GIẢI QUYẾT", None),
            (1, "Số TTHC được rút ngắn thời gian", vn_number(shortening["total"])),
            *_by_level(shortening["by_level"]),
            (1, "Chi phí tiết kiệm ước tính mỗi năm", _money(shortening["saving_vnd"])),
            (1, "Bình quân mỗi TTHC mỗi năm", _money(shortening["saving_per_procedure_vnd"])),
            (0, "III. DỊCH VỤ CÔNG TRỰC TUYẾN", None),
            (1, "Tổng số dịch vụ công trực tuyến", vn_number(online["total"])),
            (2, "Toàn trình", vn_number(online["full"])),
            (2, "Một phần", vn_number(online["partial"])),
            (1, "Tích hợp trên Cổng DVC quốc gia", vn_number(online["national_portal"])),
            (1, "Tỷ lệ tích hợp", vn_percent(online["national_portal_rate"])),
            (1, "Sở, ban, ngành có DVCTT", _ratio(online["departments"])),
            (1, "Cấp huyện có DVCTT", _ratio(online["districts"])),
            (1, "Cấp xã có DVCTT", _ratio(online["communes"])),
        ]
        notes = [
            "Ghi chú / Notes:",
            "- Số TTHC, DVCTT: thủ tục đang áp dụng theo trạng thái hiện hành.",
            "- Quyết định, văn bản, rút ngắn thời gian: ngày ban hành trong kỳ báo cáo.",
            "- Chi phí tiết kiệm = số ngày rút ngắn × 8 giờ × giá trị một giờ công × số hồ sơ/năm,"
            " làm tròn đến triệu đồng.",
        ]
        title = "BÁO CÁO DANH MỤC TTHC, RÚT NGẮN THỜI GIAN VÀ DỊCH VỤ CÔNG TRỰC TUYẾN"
        return "\n".join([title, period.label, "", _table(rows), "", *notes])


class Form06Report(Report):
    name = "form06"
    help = (
        "Biểu 06: tình hình, kết quả giải quyết TTHC / "
        "Form 06: dossier settlement (statistics.md §2)"
    )
    formats = (*TEXT_FORMATS, "xlsx")
    # The official form lists fields; the other formats show the whole unless asked.
    XLSX_DEFAULT_BY = "field"

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        parser.add_argument(
            "--agency",
            metavar="CODE",
            help="Mã định danh cơ quan giải quyết (gồm đơn vị trực thuộc) / Agency code "
            "(with the agencies below it)",
        )
        _province_argument(parser)
        parser.add_argument(
            "--by",
            choices=BREAKDOWNS,
            help="Phân tổ theo đơn vị, cấp, lĩnh vực, thủ tục / Breakdown (xlsx: field)",
        )

    def build(self, period: Period, options: dict[str, Any]) -> dict[str, Any]:
        agency = _scope(options)
        by = options.get("by")
        if by is None and options.get("format") == "xlsx":
            by = self.XLSX_DEFAULT_BY
        figures = form06(period, agency=agency)
        data: dict[str, Any] = {
            "period": period.as_json(),
            "agency": {"code": agency.code, "name": agency.name} if agency else None,
            "dossiers": figures,
            "rates": form06_rates(figures),
        }
        if by is not None:
            data["by"] = by
            data["rows"] = [
                {"key": row.key, "label": row.label, "dossiers": row.figures}
                for row in form06_breakdown(period, by, agency=agency)
            ]
        return data

    def as_json(self, data: dict[str, Any]) -> Any:
        # The issue: "form06 --format json prints its dossiers object" (§9).
        if "rows" not in data:
            return data["dossiers"]
        return {"by": data["by"], "rows": data["rows"], "total": data["dossiers"]}

    def render_table(self, period: Period, data: dict[str, Any]) -> str:
        heading = ["BIỂU 06: TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT TTHC", period.label]
        if data["agency"]:
            heading.append(f"Đơn vị: {data['agency']['name']} ({data['agency']['code']})")
        if "rows" in data:
            body = _form06_grid(data["rows"], data["dossiers"])
        else:
            body = _table(_form06_rows(data["dossiers"]))
        rates = data["rates"]
        notes = [
            f"Tỷ lệ giải quyết trước hạn và đúng hạn: {vn_percent(rates['on_time_rate'])}",
            f"Tỷ lệ hồ sơ mới tiếp nhận trực tuyến: {vn_percent(rates['online_share'])}",
            "",
            "Ghi chú / Notes:",
            "- Ngày tiếp nhận, hạn giải quyết, ngày kết thúc tính theo giờ Việt Nam.",
            "- Kỳ trước chuyển qua: tiếp nhận trước kỳ, chưa kết thúc trước ngày đầu kỳ.",
            "- Đang giải quyết trong hạn: hạn từ ngày cuối kỳ trở đi, không có hạn, hoặc đang"
            " chờ bổ sung vào cuối kỳ.",
        ]
        return "\n".join([*heading, "", body, "", *notes])

    def write_file(self, period: Period, data: dict[str, Any], fmt: str, out: Path) -> None:
        from motcua.reports.xlsx import write_form06_xlsx

        rows = [BreakdownRow(row["key"], row["label"], row["dossiers"]) for row in data["rows"]]
        unit = data["agency"]["name"] if data["agency"] else ""
        write_form06_xlsx(out, period, rows, data["dossiers"], by=data["by"], unit_name=unit)


class FeedbackReport(Report):
    name = "feedback"
    help = (
        "Tình hình tiếp nhận, xử lý phản ánh, kiến nghị / Feedback and petitions (statistics.md §3)"
    )
    formats = (*TEXT_FORMATS, "xlsx")
    XLSX_DEFAULT_BY = "agency"

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        parser.add_argument(
            "--agency",
            metavar="CODE",
            help="Mã định danh cơ quan (gồm đơn vị trực thuộc) / Agency code (with those below)",
        )
        _province_argument(parser)
        parser.add_argument(
            "--by",
            choices=("agency", "kind"),
            help="Phân tổ theo cơ quan hoặc loại / Breakdown by agency or kind (xlsx: agency)",
        )

    def build(self, period: Period, options: dict[str, Any]) -> dict[str, Any]:
        agency = _scope(options)
        by = options.get("by")
        if by is None and options.get("format") == "xlsx":
            by = self.XLSX_DEFAULT_BY
        data: dict[str, Any] = {
            "period": period.as_json(),
            "agency": {"code": agency.code, "name": agency.name} if agency else None,
            "feedback": feedback_figures(period, agency=agency),
        }
        if by is not None:
            data["by"] = by
            data["rows"] = feedback_breakdown(period, by=by, agency=agency)
        return data

    def as_json(self, data: dict[str, Any]) -> Any:
        # Like form06: the §9 object itself, or the rows and their total.
        if "rows" not in data:
            return data["feedback"]
        return {"by": data["by"], "rows": data["rows"], "total": data["feedback"]}

    def render_table(self, period: Period, data: dict[str, Any]) -> str:
        heading = ["TÌNH HÌNH TIẾP NHẬN, XỬ LÝ PHẢN ÁNH, KIẾN NGHỊ", period.label]
        if data["agency"]:
            heading.append(f"Đơn vị: {data['agency']['name']} ({data['agency']['code']})")
        parts = [_table(_feedback_rows("Toàn bộ / Total", data["feedback"]))]
        for row in data.get("rows", []):
            parts.append(_table(_feedback_rows(row["label"], row["figures"])))
        notes = [
            "Ghi chú / Notes:",
            "- Kỳ trước chuyển qua: tiếp nhận trước kỳ, chưa xử lý xong trước ngày đầu kỳ.",
            "- Đã đăng tải công khai: trong số đã xử lý, đăng tải đến hết ngày cuối kỳ.",
        ]
        return "\n".join([*heading, "", "\n\n".join(parts), "", *notes])

    def write_file(self, period: Period, data: dict[str, Any], fmt: str, out: Path) -> None:
        from openpyxl import Workbook

        from motcua.reports.annual_xlsx import feedback_sheet

        book = Workbook()
        feedback_sheet(
            book.active,
            period=period,
            rows=data["rows"],
            total=data["feedback"],
            province=Province.objects.values_list("name", flat=True).first() or "",
        )
        book.save(out)


def _feedback_rows(title: str, figures: dict[str, Any]) -> list[Row]:
    received, processed = figures["received"], figures["processed"]
    return [
        (0, title, None),
        (1, "Tổng số đã tiếp nhận", vn_number(received["total"])),
        (2, "Tiếp nhận mới trong kỳ", vn_number(received["new"])),
        (2, "Từ kỳ trước chuyển qua", vn_number(received["carried_over"])),
        (2, "Về quy định hành chính", vn_number(received["regulation"])),
        (2, "Về hành vi hành chính", vn_number(received["behaviour"])),
        (1, "Đã xử lý", vn_number(processed["total"])),
        (2, "Đã đăng tải công khai", vn_number(processed["published"])),
        (1, "Đang xử lý", vn_number(figures["in_process"])),
    ]


# Not a report: recounts the form 06 rollup from the dossiers (repair; reports/rollups.py).
REBUILD = "rebuild-rollups"
REBUILD_HELP = (
    "Đếm lại bảng tổng hợp của biểu 06 từ hồ sơ (sửa chữa) / "
    "Recount the form 06 rollup from the dossiers (repair)"
)

REPORTS: dict[str, Report] = {
    report.name: report for report in (CatalogReport(), Form06Report(), FeedbackReport())
}


class Command(BaseCommand):
    help = "Báo cáo định kỳ / Periodic reports"
    # Started by people and cron jobs alike: no system checks (`motcua check` runs them), so
    # that a report starts in well under half a second.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        kinds = parser.add_subparsers(
            dest="report", metavar="REPORT", required=True, title="báo cáo / reports"
        )
        for report in REPORTS.values():
            sub = kinds.add_parser(report.name, help=report.help, description=report.help)
            _add_period_arguments(sub)
            sub.add_argument(
                "--format",
                choices=report.formats,
                default="table",
                help=f"Định dạng / Output format: {', '.join(report.formats)}",
            )
            sub.add_argument(
                "--out",
                metavar="FILE",
                help="Ghi ra tệp (bắt buộc với xlsx, docx) / Write to FILE (required for files)",
            )
            report.add_arguments(sub)
        kinds.add_parser(
            REBUILD,
            help=REBUILD_HELP,
            description=REBUILD_HELP,
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["report"] == REBUILD:
            self._rebuild_rollups()
            return
        report = REPORTS[options["report"]]
        fmt, out = options["format"], options.get("out")
        try:
            period = period_from_options(
                options["year"], options["period"], options["date_from"], options["date_to"]
            )
        except PeriodError as exc:
            raise CommandError(str(exc)) from None
        if fmt not in TEXT_FORMATS and not out:
            raise CommandError(f"Định dạng {fmt} cần --out TỆP / Format {fmt} needs --out FILE")
        data = report.build(period, options)
        if fmt not in TEXT_FORMATS:
            report.write_file(period, data, fmt, Path(out))
            self.stdout.write(f"Đã ghi {out} / Written {out}")
            return
        if fmt == "json":
            text = json.dumps(report.as_json(data), ensure_ascii=False, indent=2)
        else:
            text = report.render_table(period, data)
        if out:
            Path(out).write_text(text + "\n", encoding="utf-8")
        else:
            self.stdout.write(text)

    def _rebuild_rollups(self) -> None:
        from django.db import transaction

        from motcua.reports.models import SettlementCount
        from motcua.reports.rollups import rollup_install

        with transaction.atomic():
            rollup_install(rebuild=True)
        rows = SettlementCount.objects.count()
        self.stdout.write(
            f"Đã đếm lại bảng tổng hợp biểu 06 từ hồ sơ: {vn_number(rows)} dòng / "
            f"form 06 rollup rebuilt from the dossiers: {rows} rows"
        )


def _add_period_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--year", type=_year, help="Năm báo cáo / Report year")
    parser.add_argument(
        "--period",
        help=f"Kỳ trong năm / Period of the year: {', '.join(PERIOD_CHOICES)} (mặc định year)",
    )
    parser.add_argument(
        "--from",
        dest="date_from",
        type=_date,
        help="Từ ngày (YYYY-MM-DD hoặc DD/MM/YYYY) / From date",
    )
    parser.add_argument("--to", dest="date_to", type=_date, help="Đến ngày / To date")


def _year(text: str) -> int:
    try:
        year = int(text)
    except ValueError:
        year = None
    if year is None or not EARLIEST.year <= year <= latest().year:
        raise argparse.ArgumentTypeError(f"Năm không hợp lệ: {text!r} / Invalid year: {text!r}")
    return year


def _date(text: str):
    try:
        value = parse_date(text)
    except PeriodError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    if not date_in_range(value):
        raise argparse.ArgumentTypeError(out_of_range_message())
    return value


def _province_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--province",
        metavar="CODE",
        help="Một tỉnh trước sáp nhập của tỉnh đã sáp nhập (mã tỉnh, vd. H12) / One former "
        "province of a merged province (its code, e.g. H12)",
    )


def _scope(options: dict[str, Any]) -> Agency | None:
    """The agency a report is limited to: ``--agency``, or the People's Committee of the former
    province ``--province`` names, with every agency below it (docs/merged-province.md)."""
    code = (options.get("province") or "").strip()
    if not code:
        return _agency(options.get("agency"))
    if options.get("agency"):
        raise CommandError(
            "Chỉ chọn một trong --agency và --province / Give --agency or --province, not both"
        )
    units = {unit.code.upper(): unit for unit in province_units_for_reports()}
    unit = units.get(code.upper())
    if unit is None:
        known = ", ".join(sorted(units)) or "—"
        raise CommandError(
            f"Không có tỉnh {code!r} để chọn (các tỉnh: {known}) / No province {code!r} to "
            f"choose (provinces: {known})"
        )
    root = province_unit_root(unit)
    if root is None:
        raise CommandError(
            f"Tỉnh {unit.name} chưa có Ủy ban nhân dân tỉnh / Province {unit.name} has no "
            "People's Committee"
        )
    return root


def _agency(code: str | None) -> Agency | None:
    if not code:
        return None
    agency = Agency.objects.filter(code=code.strip()).first()
    if agency is None:
        raise CommandError(
            f"Không tìm thấy cơ quan có mã định danh {code!r} / Unknown agency code {code!r}"
        )
    return agency


def _form06_rows(figures: dict[str, dict[str, int]]) -> list[Row]:
    received, resolved, in_process = (
        figures["received"],
        figures["resolved"],
        figures["in_process"],
    )
    return [
        (0, "I. SỐ HỒ SƠ ĐÃ TIẾP NHẬN", vn_number(received["total"])),
        (1, "Số kỳ trước chuyển qua", vn_number(received["carried_over"])),
        (1, "Số mới tiếp nhận", vn_number(received["new"])),
        (2, "Trực tuyến", vn_number(received["new_online"])),
        (2, "Trực tiếp", vn_number(received["new_direct"])),
        (2, "Qua dịch vụ bưu chính", vn_number(received["new_postal"])),
        (0, "II. SỐ HỒ SƠ ĐÃ GIẢI QUYẾT", vn_number(resolved["total"])),
        (2, "Trước hạn", vn_number(resolved["early"])),
        (2, "Đúng hạn", vn_number(resolved["on_time"])),
        (2, "Quá hạn", vn_number(resolved["late"])),
        (0, "III. SỐ HỒ SƠ ĐANG GIẢI QUYẾT", vn_number(in_process["total"])),
        (2, "Trong hạn", vn_number(in_process["within_deadline"])),
        (2, "Quá hạn", vn_number(in_process["overdue"])),
    ]


# Columns of the form 06 grid: heading and the figures it adds up ("direct and postal": §2).
_GRID_COLUMNS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Tiếp nhận", ("received.total",)),
    ("Kỳ trước", ("received.carried_over",)),
    ("Trực tuyến", ("received.new_online",)),
    ("TT, BC", ("received.new_direct", "received.new_postal")),
    ("Đã GQ", ("resolved.total",)),
    ("Trước hạn", ("resolved.early",)),
    ("Đúng hạn", ("resolved.on_time",)),
    ("Quá hạn", ("resolved.late",)),
    ("Đang GQ", ("in_process.total",)),
    ("Trong hạn", ("in_process.within_deadline",)),
    ("Quá hạn", ("in_process.overdue",)),
)


def _form06_grid(rows: Sequence[dict[str, Any]], total: dict[str, dict[str, int]]) -> str:
    """One line per breakdown row and a total line; long labels are cut to keep columns."""

    def cells(figures: dict[str, dict[str, int]]) -> list[str]:
        return [
            vn_number(sum(figures[g][k] for g, k in (key.split(".") for key in keys)))
            for _heading, keys in _GRID_COLUMNS
        ]

    lines = [
        ["STT", "Lĩnh vực/Đơn vị", *(heading for heading, _keys in _GRID_COLUMNS)],
        *(
            [str(i), _cut(row["label"], 40), *cells(row["dossiers"])]
            for i, row in enumerate(rows, 1)
        ),
        ["", "Tổng cộng", *cells(total)],
    ]
    widths = [max(len(line[col]) for line in lines) for col in range(len(lines[0]))]
    return "\n".join(
        "  ".join(
            text.ljust(width) if col == 1 else text.rjust(width)
            for col, (text, width) in enumerate(zip(line, widths, strict=True))
        ).rstrip()
        for line in lines
    )


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _by_level(counts: dict[str, int]) -> list[Row]:
    return [
        (2, "Cấp tỉnh", vn_number(counts["province"])),
        (2, "Cấp huyện", vn_number(counts["district"])),
        (2, "Cấp xã", vn_number(counts["commune"])),
    ]


def _money(amount: int) -> str:
    return f"{vn_number(amount)} đ"


def _ratio(pair: dict[str, int]) -> str:
    return f"{vn_number(pair['covered'])}/{vn_number(pair['total'])}"


def _table(rows: Iterable[Row]) -> str:
    rows = list(rows)
    width = max(2 * indent + len(label) for indent, label, _ in rows)
    value_width = max(len(value or "") for _, _, value in rows)
    lines = []
    for indent, label, value in rows:
        text = "  " * indent + ("- " if indent > 1 else "") + label
        if value is None:
            lines.append(text)
        else:
            lines.append(f"{text.ljust(width + 2)}  {value.rjust(value_width)}")
    return "\n".join(lines)


class AnnualReport(Report):
    name = "annual"
    help = (
        "Báo cáo năm: kiểm soát TTHC, một cửa, một cửa liên thông, TTHC trên môi trường điện tử"
        " / Annual report (statistics.md §9)"
    )
    formats = (*TEXT_FORMATS, "docx", "xlsx")

    def build(self, period: Period, options: dict[str, Any]) -> dict[str, Any]:
        year = options.get("year")
        if year is None or period != annual_period(year):
            raise CommandError(
                "Báo cáo năm chỉ nhận --year (kỳ 15/12 năm trước - 14/12) / "
                "The annual report takes --year only (15 Dec of Y-1 to 14 Dec of Y)"
            )
        return annual_figures(year)

    def render_table(self, period: Period, data: dict[str, Any]) -> str:
        from motcua.reports.annual_docx import annual_text

        return annual_text(annual_content(period.end.year, data))

    def write_file(self, period: Period, data: dict[str, Any], fmt: str, out: Path) -> None:
        from motcua.reports.annual_docx import write_annual_docx
        from motcua.reports.annual_xlsx import write_annual_xlsx

        content = annual_content(period.end.year, data)
        if fmt == "docx":
            write_annual_docx(out, content)
        else:
            write_annual_xlsx(out, content)


REPORTS[AnnualReport.name] = AnnualReport()
