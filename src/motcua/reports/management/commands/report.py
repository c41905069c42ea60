"""``motcua report <kind> ...``: the periodic reports, one subcommand per kind.

    motcua report catalog --year 2024 [--period year|h1|9m|q1..q4|m1..m12] --format table
    motcua report catalog --from 2024-01-01 --to 2024-06-30 --format json

To add a report, write a ``Report`` subclass (its options and its ``build``/``render_table``)
and list it in ``REPORTS``; every report gets the period and format options for free.
"""

import argparse
import json
from collections.abc import Iterable
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from motcua.agencies.models import Province
from motcua.reports.periods import (
    PERIOD_CHOICES,
    Period,
    PeriodError,
    parse_date,
    period_from_options,
)
from motcua.reports.selectors.catalog import catalog_report
from motcua.utils.formatting import vn_number, vn_percent

FORMATS = ("table", "json")

# A table row: (indent level, label, value already formatted); a None value makes a heading.
Row = tuple[int, str, str | None]


class Report:
    """One kind of report: a subcommand of ``motcua report``."""

    name: str
    help: str

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        """Options of this report besides the period and the format."""

    def build(self, period: Period, options: dict[str, Any]) -> dict[str, Any]:
        """The JSON-ready figures; must start with ``"period"`` (statistics.md §9)."""
        raise NotImplementedError

    def render_table(self, period: Period, data: dict[str, Any]) -> str:
        """The figures as a table a person reads, in Vietnamese."""
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


REPORTS: dict[str, Report] = {report.name: report for report in (CatalogReport(),)}


class Command(BaseCommand):
    help = "Báo cáo định kỳ / Periodic reports"

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        kinds = parser.add_subparsers(
            dest="report", metavar="REPORT", required=True, title="báo cáo / reports"
        )
        for report in REPORTS.values():
            sub = kinds.add_parser(report.name, help=report.help, description=report.help)
            _add_period_arguments(sub)
            sub.add_argument(
                "--format",
                choices=FORMATS,
                default="table",
                help="Định dạng: table (bảng) hoặc json / Output format",
            )
            report.add_arguments(sub)

    def handle(self, *args: Any, **options: Any) -> None:
        report = REPORTS[options["report"]]
        try:
            period = period_from_options(
                options["year"], options["period"], options["date_from"], options["date_to"]
            )
        except PeriodError as exc:
            raise CommandError(str(exc)) from None
        data = report.build(period, options)
        if options["format"] == "json":
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
        else:
            self.stdout.write(report.render_table(period, data))


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
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"Năm không hợp lệ: {text!r} / Invalid year: {text!r}"
        ) from None


def _date(text: str):
    try:
        return parse_date(text)
    except PeriodError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


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
