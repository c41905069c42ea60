"""The annual report as a document (statistics.md §9): the wording of the seed report, generated
from the figures, in the official layout of Decree 30/2020 (DOCX), or as plain text.

The wording is pure (figures in, paragraphs out); the DOCX only lays it out. Narrative the
system cannot know (assessment, directions, the handbook's address) is an
editable placeholder, shown italic in brackets and highlighted, and so are the number and the
date, which the clerk gives the report when it is signed.
"""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from docx.shared import Pt

from motcua.dossiers.slips.common import long_date
from motcua.handbook.selectors import HandbookFigures
from motcua.reports.annual import ANNEX_FEEDBACK, ANNEX_FORM06, AnnualContent, DecisionRef
from motcua.reports.selectors.catalog import percentage
from motcua.reports.selectors.dossiers import form06_rates
from motcua.utils.documents import Blank, OfficialDocument, Piece
from motcua.utils.formatting import vn_date, vn_number, vn_percent

SUBJECT = (
    "công tác kiểm soát thủ tục hành chính, triển khai cơ chế một cửa, một cửa liên thông và "
    "thực hiện thủ tục hành chính trên môi trường điện tử"
)
SYMBOL = "BC-UBND"
RECIPIENTS = (
    "- Văn phòng Chính phủ (Cục Kiểm soát TTHC);",
    "- TT. Tỉnh ủy, TT. HĐND tỉnh;",
    "- Chủ tịch, các PCT UBND tỉnh;",
    "- Các sở, ban, ngành tỉnh;",
    "- UBND các huyện, thị xã, thành phố;",
    "- Lưu: VT.",
)
DIGITIZATION_PLACES = 1  # §7: one decimal (73,1%)


@dataclass(frozen=True)
class Section:
    heading: str
    paragraphs: list[list[Piece]]


# --- numbers in prose ---------------------------------------------------------------------


def count(n: int) -> str:
    """A count before its noun, as the seed writes it: "01 quyết định", "07 TTHC", "1.970"."""
    return f"{n:02d}" if 0 < n < 10 else vn_number(n)


def millions(vnd: int) -> str:
    """An amount already rounded to the million, in millions: 980000000 → "980"."""
    return vn_number(vnd // 1_000_000)


def ratio(part: int, whole: int) -> str:
    """ "17/19", "740/859"."""
    return f"{vn_number(part)}/{vn_number(whole)}"


def coverage(pair: dict[str, int]) -> str:
    """§5 coverage as the seed writes it: "10/10"."""
    return ratio(pair["covered"], pair["total"])


def whole_percent(value: float) -> str:
    """A percentage without the zero decimals: 100.0 → "100%", 66.67 → "66,67%"."""
    text = vn_percent(value)
    return text.replace(",00%", "%")


def _join(items: Sequence[str]) -> str:
    """ "a", "a và b", "a, b và c"."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} và {items[-1]}"


def title(year: int) -> str:
    return f"{SUBJECT[0].upper()}{SUBJECT[1:]} năm {year}"


def place_date(province_name: str, issued_on: dt.date | None) -> list[Piece]:
    """ "Bình Thuận, ngày … tháng … năm …": the date is the signing date, which the clerk
    writes; a given ``issued_on`` fills it in (Decree 30: the place of a provincial authority
    is the province's name)."""
    place = province_name or Blank("[Tỉnh]")
    if issued_on is not None:
        return [place, f", {long_date(issued_on)}"]
    return [place, ", ngày ", Blank("…"), " tháng ", Blank("…"), " năm ", Blank("…")]


def agency_name(province_name: str) -> str:
    return f"UBND tỉnh {province_name}" if province_name else "UBND tỉnh"


# --- the sections -------------------------------------------------------------------------


def annual_sections(report: AnnualContent) -> list[Section]:
    """The body of the report, in the order of the seed report."""
    f = report.figures
    return [
        _catalog(report.year, f["catalog"]),
        _shortening(report.year, f["shortening"], report.shortening_decisions),
        _feedback(f["feedback"]),
        _dossiers(f["dossiers"]),
        _online(f["online_services"], report.departments_without_online),
        _digitization(f["digitization"]),
        _handbook(report.year, report.handbook),
        _inspections(report.year, f["inspections"]),
        Section(
            "IX. ĐÁNH GIÁ CHUNG", [[Blank("[Đánh giá chung, tồn tại, hạn chế, nguyên nhân...]")]]
        ),
        Section(
            "X. PHƯƠNG HƯỚNG, NHIỆM VỤ; KIẾN NGHỊ, ĐỀ XUẤT",
            [[Blank("[Phương hướng, nhiệm vụ trọng tâm thời gian tới; kiến nghị, đề xuất...]")]],
        ),
    ]


def _catalog(year: int, c: dict[str, Any]) -> Section:
    level = c["by_level"]
    return Section(
        "I. CÔNG TÁC KIỂM SOÁT QUY ĐỊNH, CÔNG BỐ, CÔNG KHAI THỦ TỤC HÀNH CHÍNH",
        [
            [
                Blank(
                    "[Kết quả kiểm soát quy định TTHC tại dự thảo văn bản quy phạm pháp luật, "
                    "đánh giá tác động, tham gia ý kiến...]"
                )
            ],
            [
                f"Có {count(c['publication_decisions'])} quyết định công bố danh mục thủ tục "
                f"hành chính đã được ban hành trong năm {year}. Tổng số văn bản quy phạm pháp "
                f"luật có quy định TTHC được công bố: {count(c['regulation_documents'])} văn bản."
            ],
            [
                "Tổng số thủ tục hành chính thuộc thẩm quyền giải quyết của địa phương: "
                f"{vn_number(c['total'])}; trong đó: số thủ tục hành chính do Trung ương quy "
                f"định: {count(c['central'])} TTHC; số thủ tục hành chính do địa phương quy "
                f"định: {count(c['local'])} TTHC. Theo cấp giải quyết: cấp tỉnh "
                f"{count(level['province'])} TTHC, cấp huyện {count(level['district'])} TTHC, "
                f"cấp xã {count(level['commune'])} TTHC."
            ],
        ],
    )


def _decisions(decisions: Sequence[DecisionRef]) -> str:
    return _join([f"Quyết định số {d.number} ngày {vn_date(d.date)}" for d in decisions])


def _shortening(year: int, s: dict[str, Any], decisions: Sequence[DecisionRef]) -> Section:
    heading = "II. RÀ SOÁT, RÚT NGẮN THỜI GIAN GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH"
    if not s["total"]:
        return Section(
            heading,
            [[f"Trong năm {year}, không có TTHC được phê duyệt rút ngắn thời gian giải quyết."]],
        )
    level = s["by_level"]
    return Section(
        heading,
        [
            [
                "Về rà soát rút ngắn thời gian giải quyết TTHC: UBND tỉnh đã ban hành "
                f"{_decisions(decisions)} phê duyệt danh mục TTHC rút ngắn thời gian giải quyết. "
                f"Tổng số TTHC đã rút ngắn là {count(s['total'])} TTHC: cấp tỉnh "
                f"{count(level['province'])} TTHC, cấp huyện {count(level['district'])} TTHC, "
                f"cấp xã {count(level['commune'])} TTHC. Số tiền tiết kiệm được qua quá trình "
                f"rút ngắn thời gian giải quyết của {count(s['total'])} TTHC trong năm {year} "
                f"ước khoảng {millions(s['saving_vnd'])} triệu đồng (bình quân mỗi TTHC rút "
                "ngắn thì tiết kiệm được ước khoảng "
                f"{millions(s['saving_per_procedure_vnd'])} triệu đồng/năm)."
            ],
            [
                (
                    "(Chi phí tiết kiệm ước tính = số ngày làm việc rút ngắn × 8 giờ × giá trị "
                    "một giờ công của người dân × số hồ sơ một năm, làm tròn đến triệu đồng.)",
                    False,
                    True,
                )
            ],
        ],
    )


def _feedback(fb: dict[str, Any]) -> Section:
    received, processed = fb["received"], fb["processed"]
    return Section(
        "III. TIẾP NHẬN, XỬ LÝ PHẢN ÁNH, KIẾN NGHỊ VỀ QUY ĐỊNH HÀNH CHÍNH, HÀNH VI HÀNH CHÍNH",
        [
            [
                "Tổng số phản ánh, kiến nghị đã tiếp nhận trong kỳ báo cáo là "
                f"{vn_number(received['total'])}; trong đó: số tiếp nhận mới trong kỳ: "
                f"{vn_number(received['new'])}, số từ kỳ trước chuyển qua: "
                f"{vn_number(received['carried_over'])}, số phản ánh, kiến nghị về quy định "
                f"hành chính: {vn_number(received['regulation'])}, số phản ánh, kiến nghị về "
                f"hành vi hành chính: {vn_number(received['behaviour'])}. Số phản ánh, kiến "
                f"nghị đã xử lý: {count(processed['total'])} phản ánh, kiến nghị; trong đó, số "
                f"đã được đăng tải công khai: {count(processed['published'])} phản ánh, kiến "
                f"nghị. Số phản ánh, kiến nghị đang xử lý: {count(fb['in_process'])} phản ánh, "
                f"kiến nghị (chi tiết tại {ANNEX_FEEDBACK} kèm theo)."
            ]
        ],
    )


def _dossiers(d: dict[str, dict[str, int]]) -> Section:
    received, resolved, in_process = d["received"], d["resolved"], d["in_process"]
    rates = form06_rates(d)
    return Section(
        "IV. TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH",
        [
            [
                "Tổng số hồ sơ TTHC đã tiếp nhận trong kỳ báo cáo là "
                f"{vn_number(received['total'])}, trong đó: số mới tiếp nhận trong kỳ: "
                f"{vn_number(received['new'])} (trực tuyến: {vn_number(received['new_online'])}; "
                "trực tiếp và qua dịch vụ bưu chính: "
                f"{vn_number(received['new_direct'] + received['new_postal'])}); số từ kỳ trước "
                f"chuyển qua: {vn_number(received['carried_over'])}. Số lượng hồ sơ đã giải "
                f"quyết: {vn_number(resolved['total'])}; trong đó, giải quyết trước hạn: "
                f"{vn_number(resolved['early'])} và đúng hạn: {vn_number(resolved['on_time'])}, "
                f"quá hạn: {vn_number(resolved['late'])}. Số lượng hồ sơ đang giải quyết: "
                f"{vn_number(in_process['total'])}; trong đó, trong hạn: "
                f"{vn_number(in_process['within_deadline'])}, quá hạn: "
                f"{vn_number(in_process['overdue'])}."
            ],
            [
                "Tỷ lệ hồ sơ giải quyết trước hạn và đúng hạn đạt "
                f"{vn_percent(rates['on_time_rate'])}; tỷ lệ hồ sơ tiếp nhận trực tuyến trên "
                f"tổng số hồ sơ mới tiếp nhận đạt {vn_percent(rates['online_share'])} (chi tiết "
                f"tại {ANNEX_FORM06} kèm theo)."
            ],
            [
                Blank(
                    "[Đánh giá tình hình giải quyết hồ sơ; nguyên nhân hồ sơ quá hạn, việc xin "
                    "lỗi tổ chức, cá nhân...]"
                )
            ],
        ],
    )


def _online(o: dict[str, Any], without_online: Sequence[str]) -> Section:
    departments = coverage(o["departments"])
    # Name the few departments left out, as the seed does; a long list would not help.
    if 0 < len(without_online) <= 5:
        departments += f" đơn vị, trừ {_join(list(without_online))}"
    else:
        departments += " đơn vị"
    portal = ratio(o["national_portal"], o["total"])
    return Section(
        "V. CUNG CẤP DỊCH VỤ CÔNG TRỰC TUYẾN, TÍCH HỢP TRÊN CỔNG DỊCH VỤ CÔNG QUỐC GIA",
        [
            [
                Blank(
                    "[Kết quả triển khai mở rộng cung cấp dịch vụ công trực tuyến trên Hệ thống "
                    "thông tin giải quyết TTHC của tỉnh...]"
                )
            ],
            [
                "Đến nay, tỉnh đã triển khai sử dụng dịch vụ công trực tuyến cho các cơ quan "
                f"chuyên môn thuộc UBND tỉnh ({departments}), {coverage(o['districts'])} đơn vị "
                f"cấp huyện và {coverage(o['communes'])} đơn vị cấp xã với tổng số dịch vụ công "
                f"trực tuyến là {vn_number(o['total'])} (gồm {count(o['full'])} dịch vụ công "
                f"trực tuyến toàn trình; {count(o['partial'])} dịch vụ công trực tuyến một "
                f"phần); tích hợp lên Cổng dịch vụ công quốc gia {portal} dịch vụ công trực "
                "tuyến một phần và toàn trình, đạt "
                f"{vn_percent(o['national_portal_rate'])}."
            ],
        ],
    )


def _digitization(g: dict[str, float]) -> Section:
    def rate(key: str) -> str:
        return vn_percent(g[key], DIGITIZATION_PLACES)

    return Section(
        "VI. SỐ HÓA HỒ SƠ, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH",
        [
            [
                Blank(
                    "[Kết quả khai thác, sử dụng chức năng số hóa, phát triển và tái sử dụng dữ "
                    "liệu điện tử của tổ chức, cá nhân...]"
                )
            ],
            [
                "Tỷ lệ số hóa hồ sơ, kết quả giải quyết TTHC toàn tỉnh đạt "
                f"{rate('rate')}; trong đó: tỷ lệ số hóa thành phần hồ sơ đạt "
                f"{rate('components_rate')}, tỷ lệ số hóa kết quả giải quyết TTHC đạt "
                f"{rate('results_rate')}, tỷ lệ tái sử dụng dữ liệu đã số hóa đạt "
                f"{rate('reuse_rate')}, tỷ lệ hồ sơ thanh toán trực tuyến đạt "
                f"{rate('online_payment_rate')}."
            ],
        ],
    )


HANDBOOK_HEADING = "VII. SỔ TAY ĐIỆN TỬ CẢI CÁCH HÀNH CHÍNH"


def _handbook(year: int, h: HandbookFigures | None) -> Section:
    """The handbook's paragraph: its figures once it holds anything, else a placeholder."""
    if h is None:
        return Section(
            HANDBOOK_HEADING,
            [
                [
                    Blank(
                        "[Kết quả xây dựng, vận hành Sổ tay điện tử cải cách hành chính: địa chỉ "
                        "truy cập; nội dung tích hợp: văn bản chỉ đạo của Trung ương, của tỉnh; "
                        "chỉ tiêu, nhiệm vụ cải cách hành chính; kết quả các chỉ số PAR, SIPAS, "
                        "PAPI, PCI; chỉ số cải cách hành chính của các sở, ngành, địa phương; "
                        "hỏi - đáp...]"
                    )
                ]
            ],
        )
    paragraphs: list[list[Piece]] = [
        [
            "Sổ tay điện tử cải cách hành chính của tỉnh ",
            Blank("[địa chỉ truy cập]"),
            " tích hợp các văn bản chỉ đạo của Trung ương, của tỉnh; các chỉ tiêu, nhiệm vụ "
            "cải cách hành chính của các sở, ngành, địa phương; kết quả các chỉ số PAR INDEX, "
            "SIPAS, PAPI, PCI của tỉnh; kết quả công bố chỉ số cải cách hành chính của các sở, "
            "ngành, địa phương và hệ thống câu hỏi - đáp. Trong kỳ báo cáo, Sổ tay cập nhật "
            f"{count(h.documents)} văn bản chỉ đạo ban hành trong kỳ (Trung ương: "
            f"{count(h.documents_central)}, tỉnh: {count(h.documents_province)}); đã trả lời, "
            f"công khai {count(h.questions_answered)} câu hỏi.",
        ],
        [
            f"Năm {year}, các sở, ngành, địa phương có {count(h.targets)} chỉ tiêu, nhiệm vụ "
            f"cải cách hành chính; đến hết kỳ báo cáo đã hoàn thành {count(h.targets_done)}, "
            f"trễ hạn {count(h.targets_late)} chỉ tiêu, nhiệm vụ."
        ],
    ]
    if h.indices:
        results = []
        for label, result_year, score, rank, rank_of in h.indices:
            text = f"{label} năm {result_year} đạt {vn_number(score, 2)}"
            if rank:
                text += f", xếp hạng {rank}/{rank_of}"
            results.append(text)
        paragraphs.append([f"Kết quả các chỉ số gần nhất của tỉnh: {'; '.join(results)}."])
    return Section(HANDBOOK_HEADING, paragraphs)


def _inspections(year: int, i: dict[str, Any]) -> Section:
    paragraphs: list[list[Piece]] = [
        [Blank("[Kế hoạch, thông báo kiểm tra: số, ngày; cơ quan chủ trì, phối hợp...]")]
    ]
    if i["planned"]:
        done = percentage(i["done"], i["planned"])
        paragraphs.append(
            [
                f"Trong năm {year}, đã tiến hành kiểm tra tại {ratio(i['done'], i['planned'])} "
                f"cơ quan theo kế hoạch đã được phê duyệt (đạt {whole_percent(done)} kế hoạch)."
            ]
        )
    else:
        paragraphs.append([f"Trong năm {year}, không có cơ quan được kiểm tra theo kế hoạch."])
    if i["surprise"]:
        visits = "; ".join(
            f"{visit['agency']} (ngày {vn_date(dt.date.fromisoformat(visit['date']))})"
            for visit in i["surprise"]
        )
        paragraphs.append([f"Ngoài ra, kiểm tra đột xuất tại: {visits}."])
    return Section("VIII. CÔNG TÁC KIỂM TRA", paragraphs)


def _opening(report: AnnualContent) -> list[Piece]:
    return [
        f"Thực hiện chế độ báo cáo định kỳ về {SUBJECT}, {agency_name(report.province_name)} "
        f"báo cáo kết quả thực hiện năm {report.year} như sau:"
    ]


def _annexes() -> list[Piece]:
    return [
        ("Phụ lục kèm theo: ", True, False),
        f"{ANNEX_FORM06}. Biểu 06 - Tình hình, kết quả giải quyết TTHC (theo lĩnh vực); "
        f"{ANNEX_FEEDBACK}. Tình hình tiếp nhận, xử lý phản ánh, kiến nghị (theo cơ quan).",
    ]


def _closing(report: AnnualContent) -> list[Piece]:
    return [
        f"Trên đây là Báo cáo {SUBJECT} năm {report.year} của "
        f"{agency_name(report.province_name)}./."
    ]


NUMBER: list[Piece] = ["Số: ", Blank("…"), f"/{SYMBOL}"]


# --- the DOCX -----------------------------------------------------------------------------


def annual_document(report: AnnualContent, *, issued_on: dt.date | None = None) -> OfficialDocument:
    """The report in the Decree 30 layout: header blocks, number, place and date, title and
    period, the sections, the annexes, recipients and signature."""
    doc = OfficialDocument()
    doc.header(
        parent="",
        unit=agency_name(report.province_name),
        place_date=place_date(report.province_name, issued_on),
        number=NUMBER,
    )
    doc.title("Báo cáo", subtitle=title(report.year))
    period = doc.centered((report.period.label, False, True))
    period.paragraph_format.space_after = Pt(12)
    doc.para(*_opening(report))
    for section in annual_sections(report):
        doc.heading(section.heading)
        for pieces in section.paragraphs:
            doc.para(*pieces)
    doc.para(*_annexes())
    doc.para(*_closing(report))
    doc.recipients_and_signature(
        RECIPIENTS,
        capacity="TM. ỦY BAN NHÂN DÂN",
        position="CHỦ TỊCH",
        name=Blank("[Họ và tên]"),
    )
    return doc


def write_annual_docx(
    out: str | Path | IO[bytes], report: AnnualContent, *, issued_on: dt.date | None = None
) -> None:
    annual_document(report, issued_on=issued_on).doc.save(out)


# --- plain text ---------------------------------------------------------------------------


def _text(pieces: Sequence[Piece]) -> str:
    return "".join(piece if isinstance(piece, str) else piece[0] for piece in pieces)


def annual_text(report: AnnualContent, *, issued_on: dt.date | None = None) -> str:
    """The report as plain text (``--format table``): the same wording as the DOCX."""
    lines = [
        agency_name(report.province_name).upper(),
        _text(NUMBER),
        _text(place_date(report.province_name, issued_on)),
        "",
        "BÁO CÁO",
        title(report.year),
        report.period.label,
        "",
        _text(_opening(report)),
    ]
    for section in annual_sections(report):
        lines += ["", section.heading]
        lines += [_text(pieces) for pieces in section.paragraphs]
    lines += ["", _text(_annexes()), _text(_closing(report))]
    return "\n".join(lines)
