"""The demo's electronic handbook of administrative reform: real directive documents of the
centre and of the province (those the seed report names), the province's national index
series, targets of its agencies, their reform index and answered questions.

The documents are real (number, date, issuer, subject). The index figures are NOT the
published ones: they are illustrative values in the published ranges and shapes (PAR INDEX and
PCI out of 100, SIPAS in %, PAPI out of 80, ranks among 63 provinces), and every row says so in
its ``source``; an editor replaces them by importing the published series (docs/handbook.md).
Everything goes in through the handbook's own import, the path an editor takes.
"""

import csv
import datetime as dt
import io
import random
from decimal import Decimal

from motcua.agencies.models import Agency, AgencyKind
from motcua.handbook.imports import handbook_import
from motcua.handbook.models import Document, Target
from motcua.handbook.services import target_progress_report

DOCUMENTS = [
    # number, issued_on, issuer, level, kind, title, summary
    (
        "76/NQ-CP",
        "2021-07-15",
        "Chính phủ",
        "central",
        "resolution",
        "Ban hành Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021 - 2030",
        "Mục tiêu, nhiệm vụ cải cách hành chính giai đoạn 2021 - 2030 trên sáu nội dung: cải "
        "cách thể chế, cải cách thủ tục hành chính, cải cách tổ chức bộ máy, cải cách chế độ "
        "công vụ, cải cách tài chính công, xây dựng và phát triển Chính phủ điện tử, Chính phủ "
        "số.",
    ),
    (
        "61/2018/NĐ-CP",
        "2018-04-23",
        "Chính phủ",
        "central",
        "decree",
        "Về thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính",
        "Nguyên tắc, trình tự tiếp nhận, giải quyết và trả kết quả thủ tục hành chính theo cơ "
        "chế một cửa, một cửa liên thông; Bộ phận Một cửa; đánh giá việc giải quyết thủ tục "
        "hành chính.",
    ),
    (
        "107/2021/NĐ-CP",
        "2021-12-06",
        "Chính phủ",
        "central",
        "decree",
        "Sửa đổi, bổ sung một số điều của Nghị định số 61/2018/NĐ-CP ngày 23 tháng 4 năm 2018 "
        "của Chính phủ về thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục "
        "hành chính",
        "",
    ),
    (
        "45/2020/NĐ-CP",
        "2020-04-08",
        "Chính phủ",
        "central",
        "decree",
        "Về thực hiện thủ tục hành chính trên môi trường điện tử",
        "",
    ),
    (
        "468/QĐ-TTg",
        "2021-03-27",
        "Thủ tướng Chính phủ",
        "central",
        "decision",
        "Phê duyệt Đề án đổi mới việc thực hiện cơ chế một cửa, một cửa liên thông trong giải "
        "quyết thủ tục hành chính",
        "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính; tổ chức Bộ phận Một cửa; tiếp "
        "nhận hồ sơ không phụ thuộc địa giới hành chính.",
    ),
    (
        "766/QĐ-TTg",
        "2022-06-23",
        "Thủ tướng Chính phủ",
        "central",
        "decision",
        "Phê duyệt Bộ chỉ số chỉ đạo, điều hành và đánh giá chất lượng phục vụ người dân, "
        "doanh nghiệp trong thực hiện thủ tục hành chính, dịch vụ công theo thời gian thực trên "
        "môi trường điện tử",
        "",
    ),
    (
        "1970/QĐ-UBND",
        "2024-11-12",
        "UBND tỉnh",
        "province",
        "decision",
        "Phê duyệt danh mục thủ tục hành chính rút ngắn thời gian giải quyết trên địa bàn tỉnh "
        "năm 2024",
        "49 thủ tục hành chính được rút ngắn thời gian giải quyết: cấp tỉnh 23, cấp huyện 19, "
        "cấp xã 07.",
    ),
    (
        "95/TB-VP",
        "2024-09-05",
        "Văn phòng UBND tỉnh",
        "province",
        "notice",
        "Thông báo kiểm tra việc thực hiện công tác kiểm soát thủ tục hành chính và giải quyết "
        "thủ tục hành chính theo cơ chế một cửa, một cửa liên thông",
        "",
    ),
    (
        "305/BC-UBND",
        "2024-12-20",
        "UBND tỉnh",
        "province",
        "report",
        "Báo cáo công tác kiểm soát thủ tục hành chính, triển khai cơ chế một cửa, một cửa liên "
        "thông và thực hiện thủ tục hành chính trên môi trường điện tử năm 2024",
        "",
    ),
]

ILLUSTRATIVE = "Số liệu minh họa của bản demo, không phải số liệu công bố"
SOURCES = {
    "par": f"{ILLUSTRATIVE} (PAR INDEX do Bộ Nội vụ công bố)",
    "sipas": f"{ILLUSTRATIVE} (SIPAS do Bộ Nội vụ công bố)",
    "papi": f"{ILLUSTRATIVE} (PAPI do UNDP, CECODES và các đối tác công bố)",
    "pci": f"{ILLUSTRATIVE} (PCI do VCCI công bố)",
}
COMPONENTS = {
    "par": [
        ("Công tác chỉ đạo, điều hành cải cách hành chính", 9),
        ("Xây dựng và tổ chức thực hiện văn bản quy phạm pháp luật", 9),
        ("Cải cách thủ tục hành chính", 13),
        ("Cải cách tổ chức bộ máy hành chính nhà nước", 8.5),
        ("Cải cách chế độ công vụ", 13.5),
        ("Cải cách tài chính công", 7.5),
        ("Xây dựng và phát triển Chính phủ điện tử, Chính phủ số", 14.5),
        (
            "Tác động của cải cách hành chính đến người dân, tổ chức và phát triển "
            "kinh tế - xã hội",
            25,
        ),
    ],
    "sipas": [
        ("Tiếp cận dịch vụ", 100),
        ("Thủ tục hành chính", 100),
        ("Công chức giải quyết công việc", 100),
        ("Kết quả dịch vụ", 100),
        ("Tiếp nhận, xử lý góp ý, phản ánh, kiến nghị", 100),
    ],
    "papi": [
        ("Tham gia của người dân ở cấp cơ sở", 10),
        ("Công khai, minh bạch trong việc ra quyết định", 10),
        ("Trách nhiệm giải trình với người dân", 10),
        ("Kiểm soát tham nhũng trong khu vực công", 10),
        ("Thủ tục hành chính công", 10),
        ("Cung ứng dịch vụ công", 10),
        ("Quản trị môi trường", 10),
        ("Quản trị điện tử", 10),
    ],
    "pci": [
        ("Gia nhập thị trường", 10),
        ("Tiếp cận đất đai", 10),
        ("Tính minh bạch", 10),
        ("Chi phí thời gian", 10),
        ("Chi phí không chính thức", 10),
        ("Cạnh tranh bình đẳng", 10),
        ("Tính năng động của chính quyền tỉnh", 10),
        ("Dịch vụ hỗ trợ doanh nghiệp", 10),
        ("Đào tạo lao động", 10),
        ("Thiết chế pháp lý và an ninh trật tự", 10),
    ],
}
# (low, high) of the illustrative totals.
RANGES = {"par": (82, 90), "sipas": (80, 88), "papi": (40, 45), "pci": (62, 67)}
INDEX_YEARS = range(2019, 2024)

QUESTIONS = [
    # category, question, answer, answered_on
    (
        "Thủ tục đất đai",
        "Thủ tục đất đai nộp hồ sơ ở đâu?",
        "Hồ sơ thủ tục đất đai của hộ gia đình, cá nhân nộp tại Bộ phận Một cửa cấp huyện nơi "
        "có đất; của tổ chức nộp tại Trung tâm Phục vụ hành chính công tỉnh. Nhiều thủ tục đất "
        "đai được cung cấp dịch vụ công trực tuyến: có thể nộp qua Cổng Dịch vụ công quốc gia "
        "hoặc Cổng dịch vụ công của tỉnh và theo dõi tình trạng hồ sơ bằng mã hồ sơ.",
        "2024-03-12",
    ),
    (
        "Thủ tục đất đai",
        "Thời hạn giải quyết thủ tục đất đai được tính thế nào?",
        "Thời hạn giải quyết từng thủ tục đất đai được ghi trong quyết định công bố danh mục "
        "thủ tục hành chính và trên trang của thủ tục trong danh mục; thời hạn tính theo ngày "
        "làm việc, không tính ngày nghỉ, ngày lễ và thời gian chờ người nộp bổ sung hồ sơ. Giấy "
        "tiếp nhận hồ sơ và hẹn trả kết quả ghi rõ ngày hẹn trả.",
        "2024-05-20",
    ),
    (
        "Thủ tục đất đai",
        "Hồ sơ thủ tục đất đai bị trễ hạn thì người dân được giải quyết ra sao?",
        "Theo Nghị định số 61/2018/NĐ-CP, cơ quan để hồ sơ quá hạn giải quyết phải có văn bản "
        "xin lỗi người nộp, nêu rõ lý do và hẹn lại thời gian trả kết quả. Người dân có thể phản "
        "ánh, kiến nghị qua Cổng dịch vụ công hoặc đường dây nóng của tỉnh.",
        "2024-08-02",
    ),
    (
        "Cơ chế một cửa, một cửa liên thông",
        "Có thể nộp hồ sơ không phụ thuộc nơi cư trú không?",
        "Quyết định số 468/QĐ-TTg phê duyệt Đề án đổi mới việc thực hiện cơ chế một cửa, một "
        "cửa liên thông, trong đó có việc tiếp nhận hồ sơ không phụ thuộc vào địa giới hành "
        "chính đối với các thủ tục được công bố. Danh mục các thủ tục này được công khai tại Bộ "
        "phận Một cửa và trên Cổng dịch vụ công.",
        "2024-06-14",
    ),
    (
        "Dịch vụ công trực tuyến",
        "Dịch vụ công trực tuyến toàn trình khác một phần thế nào?",
        "Dịch vụ công trực tuyến toàn trình cho phép thực hiện toàn bộ quá trình từ nộp hồ sơ "
        "đến nhận kết quả trên môi trường điện tử; dịch vụ công trực tuyến một phần thì một số "
        "bước (thường là nộp bản gốc hoặc nhận kết quả) vẫn thực hiện trực tiếp (Nghị định số "
        "45/2020/NĐ-CP).",
        "2024-04-09",
    ),
    (
        "Chỉ số cải cách hành chính",
        "Chỉ số SIPAS đo lường điều gì?",
        "SIPAS là Chỉ số hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành "
        "chính nhà nước, do Bộ Nội vụ điều tra và công bố hằng năm, gồm mức độ hài lòng về tiếp "
        "cận dịch vụ, thủ tục hành chính, công chức giải quyết công việc, kết quả dịch vụ và "
        "việc tiếp nhận, xử lý góp ý, phản ánh, kiến nghị.",
        "2024-10-01",
    ),
]


def _csv(header: list[str], rows: list[list]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def documents_csv() -> bytes:
    header = ["number", "issued_on", "issuer", "level", "kind", "title", "summary", "status"]
    return _csv(header, [[*row, "in_force"] for row in DOCUMENTS])


def indices_csv(rng: random.Random) -> bytes:
    header = ["index", "year", "component", "score", "maximum", "rank", "rank_of", "source"]
    rows: list[list] = []
    for index, components in COMPONENTS.items():
        low, high = RANGES[index]
        for year in INDEX_YEARS:
            share = rng.uniform(0.0, 1.0)
            total = Decimal(str(round(low + (high - low) * share, 2)))
            rank = max(1, min(63, round(55 - 50 * share + rng.uniform(-4, 4))))
            rows.append([index, year, "", total, "", rank, 63, SOURCES[index]])
            ratio = float(total) / (100 if index != "papi" else 80)
            for name, top in components:
                score = round(top * min(1.0, ratio * rng.uniform(0.9, 1.1)), 2)
                rows.append([index, year, name, score, top, "", "", ""])
    return _csv(header, rows)


def qa_csv() -> bytes:
    header = ["category", "question", "answer", "asked_on", "answered_on"]
    rows = [
        [category, question, answer, "", answered]
        for category, question, answer, answered in QUESTIONS
    ]
    return _csv(header, rows)


def _agencies() -> list[Agency]:
    return list(
        Agency.objects.filter(
            kind__in=[AgencyKind.DEPARTMENT, AgencyKind.DISTRICT], is_active=True
        ).order_by("code")
    )


def targets_csv(agencies: list[Agency], today: dt.date) -> bytes:
    header = ["code", "agency", "year", "phase", "title", "goal", "unit", "deadline"]
    rows = []
    for year in (today.year - 1, today.year):
        phase = "2021-2025" if year <= 2025 else "2026-2030"
        for agency in agencies:
            number = agency.code.split(".")[2]
            rows += [
                [
                    f"CCHC-{year}-{number}-1",
                    agency.code,
                    year,
                    phase,
                    "Tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn",
                    "98",
                    "%",
                    f"{year}-12-15",
                ],
                [
                    f"CCHC-{year}-{number}-2",
                    agency.code,
                    year,
                    phase,
                    "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính",
                    "80",
                    "%",
                    f"{year}-06-30",
                ],
                [
                    f"CCHC-{year}-{number}-3",
                    agency.code,
                    year,
                    phase,
                    "Rà soát, đề xuất đơn giản hóa thủ tục hành chính thuộc thẩm quyền",
                    "",
                    "",
                    f"{year}-09-30",
                ],
            ]
    return _csv(header, rows)


def agency_index_csv(agencies: list[Agency], rng: random.Random, today: dt.date) -> bytes:
    rows = []
    for agency in agencies:
        base = rng.uniform(72, 90)
        for year in range(today.year - 3, today.year):
            base = min(98.0, max(60.0, base + rng.uniform(-3, 4)))
            rows.append([agency.code, year, f"{base:.2f}"])
    return _csv(["agency", "year", "score"], rows)


def _progress(agencies: list[Agency], today: dt.date, rng: random.Random) -> None:
    """Progress reports of the targets: most met, some behind, so that the late view has
    something to show."""
    for target in Target.objects.filter(agency__in=agencies, done_on__isnull=True):
        if target.deadline > today:
            day = min(today, dt.date(target.year, 3, 31))
            if day >= dt.date(target.year, 1, 1):
                target_progress_report(
                    target=target,
                    reported_on=day,
                    percent=rng.choice([20, 30, 40, 50]),
                    note="Đang triển khai theo kế hoạch.",
                )
            continue
        met = rng.random() < 0.8
        day = target.deadline - dt.timedelta(days=rng.randint(0, 20))
        target_progress_report(
            target=target,
            reported_on=day,
            percent=100 if met else rng.choice([50, 60, 70, 80]),
            note="Đã hoàn thành; minh chứng: báo cáo của cơ quan."
            if met
            else "Chưa đạt mục tiêu, đang tiếp tục thực hiện.",
        )


def demo_handbook(*, today: dt.date, seed: int = 2024) -> bool:
    """Load the demo handbook unless it is there; True when it was loaded."""
    if Document.objects.exists():
        return False
    rng = random.Random(seed)
    agencies = _agencies()
    handbook_import(kind="documents", name="documents.csv", content=documents_csv())
    handbook_import(kind="indices", name="indices.csv", content=indices_csv(rng))
    handbook_import(kind="qa", name="qa.csv", content=qa_csv())
    if agencies:
        handbook_import(kind="targets", name="targets.csv", content=targets_csv(agencies, today))
        handbook_import(
            kind="agency-index",
            name="agency-index.csv",
            content=agency_index_csv(agencies, rng, today),
        )
        _progress(agencies, today, rng)
    return True
