"""The annual report (statistics.md §9): the JSON object key for key, the DOCX in the official
layout with every figure in Vietnamese format (and readable by LibreOffice), the XLSX annexes,
and ``motcua report annual``."""

import datetime as dt
import json
import os
import re
import shutil
import subprocess
from decimal import Decimal
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from docx import Document
from docx.enum.text import WD_COLOR_INDEX
from openpyxl import load_workbook

from motcua.agencies.models import Agency, AgencyKind, Province
from motcua.dossiers.models import Dossier
from motcua.dossiers.workflow import Channel
from motcua.feedback.models import FeedbackKind
from motcua.feedback.tests.factories import FeedbackFactory
from motcua.inspections.models import Inspection
from motcua.procedures.models import Authority, DecisionKind, Level
from motcua.reports.annual import AnnualContent, DecisionRef, annual_content, annual_figures
from motcua.reports.annual_docx import annual_text, count, whole_percent, write_annual_docx
from motcua.reports.annual_xlsx import FEEDBACK_COLUMNS, FEEDBACK_HEADER_ROW, figure_rows
from motcua.reports.tests.form06_data import build_dossier, local, make_setting
from motcua.reports.xlsx import HEADER_TOP
from motcua.testing.browser import require
from motcua.testing.factories import DecisionFactory, ProcedureFactory, ShorteningFactory
from motcua.utils.periods import Period

D = dt.date
STATISTICS_MD = Path(
    os.environ.get(
        "MOTCUA_STATISTICS_MD",
        Path(__file__).resolve().parents[4].parent / "shared" / "domain" / "statistics.md",
    )
)
PERIOD_LABEL = "Kỳ báo cáo: từ 15/12/2023 đến 14/12/2024"


# --- the §9 example, read from the definitions at test time --------------------------------


def section9_example() -> dict[str, Any]:
    """The JSON code block after "## 9." in statistics.md, so that drift is caught."""
    if not STATISTICS_MD.exists():
        message = f"statistics.md not found at {STATISTICS_MD} (set MOTCUA_STATISTICS_MD)"
        if os.environ.get("CI"):
            pytest.fail(f"CI must not skip: {message}")
        pytest.skip(message)
    text = STATISTICS_MD.read_text(encoding="utf-8")
    section = text[text.index("\n## 9.") :]
    block = re.search(r"```json\n(.*?)```", section, re.S)
    assert block, "no JSON block in §9"
    return json.loads(block[1])


def section9_with_features() -> dict[str, Any]:
    """The §9 object with the keys of the features that exist here, in the order of the
    second block of §9 ("two keys come with the features that produce them"): evaluations and
    service_index."""
    text = STATISTICS_MD.read_text(encoding="utf-8") if STATISTICS_MD.exists() else ""
    blocks = re.findall(r"```json\n(.*?)```", text[text.find("\n## 9.") :], re.S)
    example = section9_example()
    features = json.loads("{" + blocks[1] + "}")
    return {
        **example,
        "evaluations": features["evaluations"],
        "service_index": features["service_index"],
    }


def key_tree(value: Any) -> Any:
    """Keys (in order) and value types; a list is described by the tree of its items."""
    if isinstance(value, dict):
        return [(key, key_tree(inner)) for key, inner in value.items()]
    if isinstance(value, list):
        trees = {json.dumps(key_tree(item)) for item in value}
        assert len(trees) <= 1, f"list items differ in shape: {trees}"
        return ["list", json.loads(trees.pop()) if trees else None]
    assert not isinstance(value, bool), "a figure is a number, not a boolean"
    return type(value).__name__


def assert_same_tree(figures: dict[str, Any], example: dict[str, Any]) -> None:
    ours, theirs = key_tree(figures), key_tree(example)
    if ours != theirs and figures["inspections"]["surprise"] == []:
        # An empty list says nothing about its items; compare the rest.
        theirs = key_tree({**example, "inspections": {**example["inspections"], "surprise": []}})
    assert ours == theirs


# --- a small province ----------------------------------------------------------------------


EXPECTED = {
    "period": {"from": "2023-12-15", "to": "2024-12-14"},
    "catalog": {
        "total": 6,
        "central": 5,
        "local": 1,
        "by_level": {"province": 2, "district": 2, "commune": 2},
        "publication_decisions": 2,
        "regulation_documents": 1,
    },
    "shortening": {
        "total": 2,
        "by_level": {"province": 1, "district": 1, "commune": 0},
        # 3 days × 8 h × 25.000 × 100 + 1 day × 8 h × 25.000 × 2.025 = 465.000.000
        "saving_vnd": 465_000_000,
        # 232.500.000, half up to the million
        "saving_per_procedure_vnd": 233_000_000,
    },
    "online_services": {
        "total": 3,
        "full": 2,
        "partial": 1,
        "national_portal": 2,
        "national_portal_rate": 66.67,
        "departments": {"covered": 1, "total": 2},
        "districts": {"covered": 1, "total": 1},
        "communes": {"covered": 1, "total": 1},
    },
    "dossiers": {
        "received": {
            "total": 1242,
            "carried_over": 3,
            "new": 1239,
            "new_online": 1000,
            "new_direct": 234,
            "new_postal": 5,
        },
        "resolved": {"total": 1235, "early": 1000, "on_time": 234, "late": 1},
        "in_process": {"total": 7, "within_deadline": 5, "overdue": 2},
    },
    "digitization": {
        "rate": 80.7,  # 1000/1239
        "components_rate": 80.7,
        "results_rate": 81.0,  # 1000/1235
        "reuse_rate": 0.0,
        "online_payment_rate": 80.7,
    },
    "feedback": {
        "received": {"total": 4, "new": 3, "carried_over": 1, "regulation": 3, "behaviour": 1},
        "processed": {"total": 2, "published": 1},
        "in_process": 2,
    },
    "inspections": {
        "planned": 2,
        "done": 1,
        "surprise": [
            {"agency": "UBND xã Một", "date": "2024-01-20"},
            {"agency": "UBND huyện Một", "date": "2024-03-12"},
        ],
    },
    # No evaluation in this province (the figures are checked by hand in test_evaluations).
    "evaluations": {"count": 0, "average": 0.0, "satisfied_rate": 0.0},
    # The scores of the national service index (service-index.md), computed by hand:
    # progress 20 × 1234/1242 = 19,87; digitization: results 6 × 1000/1235 = 4,86, components
    # 4 × 1000/1242 = 3,22, reuse 0; online: 2 × (3/6) / 0,8 = 1,25, no online service used
    # (the online dossiers are of an offline procedure) 0, online share 1000/1239 above 50%: 6,
    # paid online 1000/1000: 6, no procedure with fees: 0 + 0; publicity: no procedure with
    # complete content 0; satisfaction: no evaluation 0, feedback (there was some) not computed.
    "service_index": {
        "total": 41.2,
        "groups": {
            "publicity": 0.0,
            "progress": 19.87,
            "digitization": 8.08,
            "online": 13.25,
            "satisfaction": 0.0,
        },
    },
}


@pytest.fixture
def province(db):
    """Every §2–§8 family with a figure on each side of its edges (see ``EXPECTED``)."""
    Province.objects.create(pk=1, name="Bình Thuận", code="52", hourly_cost_vnd=25_000)
    s = make_setting()
    inspectorate = Agency.objects.create(
        code="000.00.09.T01", name="Thanh tra tỉnh", kind=AgencyKind.DEPARTMENT, parent=s.province
    )

    # §4, §5: three offline central procedures from the setting, three online ones.
    own = ProcedureFactory(
        agency=s.dept, level=Level.PROVINCE, authority=Authority.LOCAL, on_portal=True
    )
    partial = ProcedureFactory(level=Level.DISTRICT, online_partial=True, national_portal=True)
    full = ProcedureFactory(level=Level.COMMUNE, online_full=True)
    ProcedureFactory(level=Level.COMMUNE, online_full=True, abolished=True)
    DecisionFactory.create_batch(2, date=D(2024, 3, 1), kind=DecisionKind.PUBLICATION)
    DecisionFactory(date=D(2024, 12, 20), kind=DecisionKind.PUBLICATION)  # in 2024, after T
    DecisionFactory(date=D(2023, 12, 15), kind=DecisionKind.REGULATION)  # on F
    DecisionFactory(date=D(2023, 12, 14), kind=DecisionKind.REGULATION)  # before F

    # §6
    decision = DecisionFactory(number="1970/QĐ-UBND", date=D(2024, 11, 12), kind="other")
    ShorteningFactory(
        procedure=own, decision=decision, days_before=Decimal(10), days_after=Decimal(7)
    )
    ShorteningFactory(
        procedure=partial,
        decision=decision,
        days_before=Decimal(5),
        days_after=Decimal(4),
        annual_dossiers=2025,
    )
    ShorteningFactory(procedure=full, decision__date=D(2024, 12, 20))  # after T

    # §2, §7
    Dossier.objects.bulk_create(
        [
            *(
                build_dossier(
                    s,
                    channel=Channel.ONLINE,
                    received_at=local(2024, 3, 5, 8),
                    due_at=local(2024, 3, 15, 17),
                    ended_at=local(2024, 3, 10, 9),
                    components_digitized=True,
                    result_digitized=True,
                    paid_online=True,
                )
                for _ in range(1000)
            ),
            *(
                build_dossier(
                    s,
                    received_at=local(2024, 4, 1, 8),
                    due_at=local(2024, 4, 10, 17),
                    ended_at=local(2024, 4, 10, 10),
                )
                for _ in range(234)
            ),
            *(
                build_dossier(
                    s,
                    channel=Channel.POSTAL,
                    received_at=local(2024, 12, 1, 8),
                    due_at=local(2025, 1, 10, 17),
                )
                for _ in range(5)
            ),
            *(
                build_dossier(s, received_at=local(2023, 12, 1, 8), due_at=local(2023, 12, 10, 17))
                for _ in range(2)
            ),
            build_dossier(
                s,
                received_at=local(2023, 12, 1, 8),
                due_at=local(2023, 12, 20, 17),
                ended_at=local(2024, 1, 5, 9),
            ),
        ]
    )

    # §3
    FeedbackFactory(agency=s.dept, received_at=local(2024, 3, 5, 8), published=True)
    FeedbackFactory(agency=s.dept, received_at=local(2024, 5, 6, 8), processed=True)
    FeedbackFactory(
        agency=s.district, kind=FeedbackKind.BEHAVIOUR, received_at=local(2024, 7, 1, 8)
    )
    FeedbackFactory(received_at=local(2023, 11, 1, 8))  # carried over, no agency
    FeedbackFactory(received_at=local(2023, 10, 1, 8), processed=True)  # done before F

    # §8
    Inspection.objects.create(
        agency=s.dept, planned=True, plan_year=2024, inspected_on=D(2024, 9, 5)
    )
    Inspection.objects.create(agency=inspectorate, planned=True, plan_year=2024)
    Inspection.objects.create(agency=s.district, planned=False, inspected_on=D(2024, 3, 12))
    Inspection.objects.create(agency=s.commune, planned=False, inspected_on=D(2024, 1, 20))
    Inspection.objects.create(agency=s.commune, planned=False, inspected_on=D(2024, 12, 15))
    return s


def run(*args: str) -> str:
    out = StringIO()
    call_command("report", "annual", *args, stdout=out)
    return out.getvalue()


# --- JSON ----------------------------------------------------------------------------------


def test_figures_are_exactly_the_section9_object(province):
    figures = annual_figures(2024)

    assert_same_tree(figures, section9_with_features())
    assert figures == EXPECTED


@pytest.mark.django_db
def test_empty_province_still_has_every_key():
    figures = annual_figures(2024)

    assert_same_tree(figures, section9_with_features())
    assert figures["evaluations"] == {"count": 0, "average": 0.0, "satisfied_rate": 0.0}
    assert figures["dossiers"]["received"]["total"] == 0
    assert figures["online_services"]["national_portal_rate"] == 0.0


def test_seed_figures_have_the_section9_shape():
    assert_same_tree(SEED, section9_example())


def test_command_prints_the_json(province, tmp_path):
    assert json.loads(run("--year", "2024", "--format", "json")) == EXPECTED

    out = tmp_path / "annual.json"
    run("--year", "2024", "--format", "json", "--out", str(out))
    text = out.read_text(encoding="utf-8")
    assert json.loads(text) == EXPECTED
    assert "UBND xã Một" in text  # ensure_ascii=False


@pytest.mark.django_db
@pytest.mark.parametrize(
    "args",
    [
        ("--format", "json"),  # no year
        ("--year", "2024", "--format", "docx"),  # no --out
        ("--year", "2024", "--format", "xlsx"),
        ("--year", "2024", "--period", "q1", "--format", "json"),  # annual is a year
        ("--from", "2024-01-01", "--to", "2024-12-31", "--format", "json"),
    ],
)
def test_bad_options(args):
    with pytest.raises(CommandError, match=" / "):  # bilingual
        run(*args)


# --- wording, against the seed report --------------------------------------------------------

SEED = {
    "period": {"from": "2023-12-15", "to": "2024-12-14"},
    "catalog": {
        "total": 1970,
        "central": 1949,
        "local": 21,
        "by_level": {"province": 1200, "district": 500, "commune": 270},
        "publication_decisions": 111,
        "regulation_documents": 1,
    },
    "shortening": {
        "total": 49,
        "by_level": {"province": 23, "district": 19, "commune": 7},
        "saving_vnd": 980_000_000,
        "saving_per_procedure_vnd": 20_000_000,
    },
    "online_services": {
        "total": 859,
        "full": 668,
        "partial": 191,
        "national_portal": 740,
        "national_portal_rate": 86.15,
        "departments": {"covered": 17, "total": 19},
        "districts": {"covered": 10, "total": 10},
        "communes": {"covered": 121, "total": 121},
    },
    "dossiers": {
        "received": {
            "total": 660557,
            "carried_over": 25797,
            "new": 634760,
            "new_online": 375008,
            "new_direct": 250000,
            "new_postal": 9752,
        },
        "resolved": {"total": 640326, "early": 478588, "on_time": 155002, "late": 6736},
        "in_process": {"total": 20231, "within_deadline": 20133, "overdue": 98},
    },
    "digitization": {
        "rate": 73.1,
        "components_rate": 80.0,
        "results_rate": 75.5,
        "reuse_rate": 12.3,
        "online_payment_rate": 20.0,
    },
    "feedback": {
        "received": {
            "total": 231,
            "new": 211,
            "carried_over": 20,
            "regulation": 189,
            "behaviour": 42,
        },
        "processed": {"total": 205, "published": 204},
        "in_process": 26,
    },
    "inspections": {
        "planned": 5,
        "done": 5,
        "surprise": [
            {"agency": "UBND huyện Bắc Bình", "date": "2024-04-10"},
            {"agency": "UBND huyện Tuy Phong", "date": "2024-05-15"},
        ],
    },
}

# Sentences of the seed report (seed/000_0fdb77a66bf580af.txt) the wording must reproduce.
SEED_SENTENCES = [
    "Tổng số thủ tục hành chính thuộc thẩm quyền giải quyết của địa phương: 1.970; trong đó: "
    "số thủ tục hành chính do Trung ương quy định: 1.949 TTHC; số thủ tục hành chính do địa "
    "phương quy định: 21 TTHC.",
    "có 111 quyết định công bố danh mục thủ tục hành chính đã được ban hành trong năm 2024.",
    "UBND tỉnh đã ban hành Quyết định số 1970/QĐ-UBND ngày 12/11/2024",
    "Tổng số TTHC đã rút ngắn là 49 TTHC: cấp tỉnh 23 TTHC, cấp huyện 19 TTHC, cấp xã 07 TTHC. "
    "Số tiền tiết kiệm được qua quá trình rút ngắn thời gian giải quyết của 49 TTHC trong năm "
    "2024 ước khoảng 980 triệu đồng (bình quân mỗi TTHC rút ngắn thì tiết kiệm được ước khoảng "
    "20 triệu đồng/năm).",
    "Tổng số phản ánh, kiến nghị đã tiếp nhận trong kỳ báo cáo là 231; trong đó: số tiếp nhận "
    "mới trong kỳ: 211, số từ kỳ trước chuyển qua: 20, số phản ánh, kiến nghị về quy định hành "
    "chính: 189, số phản ánh, kiến nghị về hành vi hành chính: 42. Số phản ánh, kiến nghị đã xử "
    "lý: 205 phản ánh, kiến nghị; trong đó, số đã được đăng tải công khai: 204 phản ánh, kiến "
    "nghị. Số phản ánh, kiến nghị đang xử lý: 26 phản ánh, kiến nghị",
    "Tổng số hồ sơ TTHC đã tiếp nhận trong kỳ báo cáo là 660.557, trong đó: số mới tiếp nhận "
    "trong kỳ: 634.760 (trực tuyến: 375.008; trực tiếp và qua dịch vụ bưu chính: 259.752); số "
    "từ kỳ trước chuyển qua: 25.797. Số lượng hồ sơ đã giải quyết: 640.326; trong đó, giải "
    "quyết trước hạn: 478.588 và đúng hạn: 155.002, quá hạn: 6.736. Số lượng hồ sơ đang giải "
    "quyết: 20.231; trong đó, trong hạn: 20.133, quá hạn: 98.",
    "(17/19 đơn vị, trừ Thanh tra tỉnh và Văn phòng UBND tỉnh), 10/10 đơn vị cấp huyện và "
    "121/121 đơn vị cấp xã với tổng số dịch vụ công trực tuyến là 859 (gồm 668 dịch vụ công "
    "trực tuyến toàn trình; 191 dịch vụ công trực tuyến một phần); tích hợp lên Cổng dịch vụ "
    "công quốc gia 740/859 dịch vụ công trực tuyến một phần và toàn trình, đạt 86,15%.",
    "tỷ lệ số hóa hồ sơ, kết quả giải quyết TTHC toàn tỉnh đạt 73,1%",
    "kiểm tra tại 5/5 cơ quan theo kế hoạch đã được phê duyệt (đạt 100% kế hoạch).",
]


def seed_content() -> AnnualContent:
    return AnnualContent(
        year=2024,
        period=Period.for_year(2024),
        province_name="Bình Thuận",
        figures=SEED,
        shortening_decisions=[DecisionRef("1970/QĐ-UBND", D(2024, 11, 12))],
        departments_without_online=["Thanh tra tỉnh", "Văn phòng UBND tỉnh"],
        dossiers_by_field=[],
        feedback_by_agency=[],
    )


def test_wording_reproduces_the_seed_report():
    text = " ".join(annual_text(seed_content()).split())

    for sentence in SEED_SENTENCES:
        assert sentence.lower() in text.lower(), sentence
    assert "tỷ lệ số hóa thành phần hồ sơ đạt 80,0%" in text
    assert "Ngoài ra, kiểm tra đột xuất tại: UBND huyện Bắc Bình (ngày 10/04/2024); " in text
    assert PERIOD_LABEL in text


@pytest.mark.parametrize(
    ("n", "text"), [(0, "0"), (1, "01"), (7, "07"), (10, "10"), (1970, "1.970")]
)
def test_small_counts_are_padded_in_prose(n, text):
    assert count(n) == text


@pytest.mark.parametrize(("value", "text"), [(100.0, "100%"), (66.67, "66,67%"), (50.5, "50,50%")])
def test_completion_percent(value, text):
    assert whole_percent(value) == text


# --- DOCX ------------------------------------------------------------------------------------


def docx_texts(path: Path) -> list[str]:
    """Every paragraph of the document, the header and signature tables included, in order."""
    document = Document(str(path))
    texts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                texts += [p.text for p in cell.paragraphs]
    return texts


def test_docx_layout_and_figures(province, tmp_path):
    out = tmp_path / "annual.docx"
    run("--year", "2024", "--format", "docx", "--out", str(out))

    texts = docx_texts(out)
    body = " ".join(" ".join(texts).split())
    for expected in [
        "UBND TỈNH BÌNH THUẬN",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: …/BC-UBND",
        "Bình Thuận, ngày … tháng … năm …",
        "BÁO CÁO",
        "Công tác kiểm soát thủ tục hành chính, triển khai cơ chế một cửa, một cửa liên thông và "
        "thực hiện thủ tục hành chính trên môi trường điện tử năm 2024",
        PERIOD_LABEL,
        "TM. ỦY BAN NHÂN DÂN",
        "CHỦ TỊCH",
        "Nơi nhận:",
        "Phụ lục kèm theo",
    ]:
        assert expected in texts or expected in body, expected
    for figure in [
        "Có 02 quyết định công bố",
        "văn bản quy phạm pháp luật có quy định TTHC được công bố: 01 văn bản",
        "Tổng số thủ tục hành chính thuộc thẩm quyền giải quyết của địa phương: 6",
        "Quyết định số 1970/QĐ-UBND ngày 12/11/2024",
        "Tổng số TTHC đã rút ngắn là 02 TTHC: cấp tỉnh 01 TTHC, cấp huyện 01 TTHC, cấp xã 0 TTHC",
        "ước khoảng 465 triệu đồng",
        "khoảng 233 triệu đồng/năm",
        "đã tiếp nhận trong kỳ báo cáo là 4; trong đó: số tiếp nhận mới trong kỳ: 3",
        "trong kỳ báo cáo là 1.242, trong đó: số mới tiếp nhận trong kỳ: 1.239 (trực tuyến: "
        "1.000; trực tiếp và qua dịch vụ bưu chính: 239)",
        "Số lượng hồ sơ đã giải quyết: 1.235; trong đó, giải quyết trước hạn: 1.000 và đúng "
        "hạn: 234, quá hạn: 1",
        "trong hạn: 5, quá hạn: 2",
        "trước hạn và đúng hạn đạt 99,92%",
        "(1/2 đơn vị, trừ Thanh tra tỉnh), 1/1 đơn vị cấp huyện và 1/1 đơn vị cấp xã",
        "3 (gồm 02 dịch vụ công trực tuyến toàn trình; 01 dịch vụ công trực tuyến một phần)",
        "2/3 dịch vụ công trực tuyến một phần và toàn trình, đạt 66,67%",
        "toàn tỉnh đạt 80,7%",
        "tỷ lệ số hóa kết quả giải quyết TTHC đạt 81,0%",
        "kiểm tra tại 1/2 cơ quan theo kế hoạch đã được phê duyệt (đạt 50% kế hoạch)",
        "kiểm tra đột xuất tại: UBND xã Một (ngày 20/01/2024); UBND huyện Một (ngày 12/03/2024).",
    ]:
        assert figure in body, figure
    headings = [t for t in texts if re.match(r"^[IVX]+\. ", t)]
    assert [h.split(".")[0] for h in headings] == [
        "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"
    ]  # fmt: skip
    assert "SỔ TAY ĐIỆN TỬ" in headings[6] and "KIỂM TRA" in headings[7]


def test_docx_placeholders_are_marked(province, tmp_path):
    out = tmp_path / "annual.docx"
    write_annual_docx(out, annual_content(2024))

    runs = [run for p in Document(str(out)).paragraphs for run in p.runs]
    blanks = [run for run in runs if run.text.startswith("[")]
    assert any(run.text.startswith("[Đánh giá chung") for run in blanks)
    assert any("Sổ tay điện tử" in run.text for run in blanks)
    for run in blanks:
        assert run.text.endswith("]")
        assert run.italic and run.font.highlight_color == WD_COLOR_INDEX.YELLOW
    # Figures are never placeholders.
    assert not any(run.font.highlight_color for run in runs if "1.242" in run.text)


def test_docx_with_issue_date(province, tmp_path):
    out = tmp_path / "annual.docx"
    write_annual_docx(out, annual_content(2024), issued_on=D(2024, 12, 20))

    assert "Bình Thuận, ngày 20 tháng 12 năm 2024" in docx_texts(out)


def test_docx_opens_in_libreoffice(province, tmp_path):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    require("LibreOffice (soffice)", soffice is not None)
    out = tmp_path / "annual.docx"
    run("--year", "2024", "--format", "docx", "--out", str(out))

    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={(tmp_path / 'lo-profile').as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(out),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pdf = tmp_path / "annual.pdf"
    assert pdf.exists() and pdf.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", "-layout", str(pdf), "-"],
            check=True,
            capture_output=True,
            text=True,
            timeout=60,
        ).stdout
        flat = " ".join(text.split())
        assert PERIOD_LABEL in flat
        assert "1.242" in flat and "66,67%" in flat


# --- XLSX ------------------------------------------------------------------------------------


def test_xlsx_annexes(province, tmp_path):
    out = tmp_path / "annual.xlsx"
    run("--year", "2024", "--format", "xlsx", "--out", str(out))

    book = load_workbook(out)
    assert book.sheetnames == ["Biểu 06", "PAKN", "Số liệu"]

    form = book["Biểu 06"]
    rows = list(form.iter_rows(min_row=HEADER_TOP + 4, values_only=True))
    total = next(row for row in rows if row[1] == "Tổng cộng")
    fields = rows[: rows.index(total)]
    d = EXPECTED["dossiers"]
    assert total[2:13] == (
        d["received"]["total"],
        d["received"]["carried_over"],
        d["received"]["new_online"],
        d["received"]["new_direct"] + d["received"]["new_postal"],
        d["resolved"]["total"],
        d["resolved"]["early"],
        d["resolved"]["on_time"],
        d["resolved"]["late"],
        d["in_process"]["total"],
        d["in_process"]["within_deadline"],
        d["in_process"]["overdue"],
    )
    assert [row[1] for row in fields] == ["Tư pháp"]  # all dossiers are of 1.T01
    assert PERIOD_LABEL in [c.value for c in form["A"][:4]]
    assert form["A1"].value == "Phụ lục I. Biểu số 06"

    feedback = book["PAKN"]
    assert feedback["A1"].value == "Phụ lục II"
    rows = list(feedback.iter_rows(min_row=FEEDBACK_HEADER_ROW + 1, values_only=True))
    assert [row[1] for row in rows] == [
        "Sở Tư pháp",
        "UBND huyện Một",
        "(Không xác định cơ quan / No agency)",
        "Tổng cộng",
    ]
    fb = EXPECTED["feedback"]
    expected_total = tuple(
        fb[key] if key == "in_process" else fb[key.split(".")[0]][key.split(".")[1]]
        for _heading, key in FEEDBACK_COLUMNS
    )
    assert rows[-1][2:] == expected_total == (4, 3, 1, 3, 1, 2, 1, 2)
    for col in range(2, 2 + len(FEEDBACK_COLUMNS)):
        assert sum(row[col] for row in rows[:-1]) == rows[-1][col]

    numbers = book["Số liệu"]
    values = {
        key: value.date() if isinstance(value, dt.datetime) else value
        for key, _label, value in numbers.iter_rows(min_row=2, values_only=True)
    }
    assert values == {key: value for key, _label, value in figure_rows(EXPECTED)}
    assert values["dossiers.received.total"] == 1242
    assert values["online_services.national_portal_rate"] == 66.67
    assert values["shortening.saving_vnd"] == 465_000_000
    assert values["inspections.surprise.2.agency"] == "UBND huyện Một"
    assert values["period.to"] == D(2024, 12, 14)


def test_table_format_is_the_report_text(province):
    text = run("--year", "2024")

    assert text.startswith("UBND TỈNH BÌNH THUẬN")
    assert PERIOD_LABEL in text and "1.242" in text
