"""The handbook paragraph of the annual report: its figures once the handbook holds anything,
the placeholder before; nothing else of the report changes."""

import dataclasses
import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from motcua.handbook.models import DocumentStatus, Target
from motcua.handbook.selectors import HandbookFigures, handbook_figures
from motcua.handbook.services import (
    document_save,
    index_result_save,
    question_answer,
    question_ask,
    target_progress_report,
    target_save,
)
from motcua.reports.annual import annual_content, annual_figures, annual_period
from motcua.reports.annual_docx import annual_text
from motcua.reports.tests.test_annual import seed_content
from motcua.testing.factories import AgencyFactory

D = dt.date


def _document(number: str, issued_on: dt.date, level: str):
    document_save(
        values={
            "number": number,
            "issued_on": issued_on,
            "issuer": "UBND tỉnh" if level == "province" else "Chính phủ",
            "level": level,
            "kind": "decision",
            "title": "Văn bản",
            "summary": "",
            "status": DocumentStatus.IN_FORCE,
        }
    )


def _target(code: str, agency, deadline: dt.date, done_on: dt.date | None = None) -> Target:
    target = target_save(
        values={
            "code": code,
            "agency": agency,
            "year": 2024,
            "phase": "2021-2025",
            "title": code,
            "goal": None,
            "unit": "",
            "deadline": deadline,
        }
    )
    if done_on:
        target_progress_report(target=target, reported_on=done_on, percent=100)
    return target


@pytest.mark.django_db
def test_no_handbook_keeps_the_placeholder():
    assert handbook_figures(year=2024, start=D(2023, 12, 15), end=D(2024, 12, 14)) is None
    text = annual_text(annual_content(2024))
    assert "[Kết quả xây dựng, vận hành Sổ tay điện tử cải cách hành chính" in text


@pytest.mark.django_db
def test_the_figures_of_the_report_year():
    agency = AgencyFactory()
    period = annual_period(2024)  # 15/12/2023 – 14/12/2024
    _document("1/QĐ-UBND", D(2023, 12, 15), "province")
    _document("2/NĐ-CP", D(2024, 12, 14), "central")
    _document("3/QĐ-UBND", D(2024, 12, 15), "province")  # next year's report
    _document("4/QĐ-UBND", D(2023, 12, 14), "province")  # last year's
    _target("A", agency, D(2024, 6, 30), done_on=D(2024, 6, 1))
    _target("B", agency, D(2024, 6, 30), done_on=D(2024, 8, 1))  # done, late
    _target("C", agency, D(2024, 9, 30))  # late on 14/12/2024
    _target("D", agency, D(2024, 12, 31))  # not due yet
    _target("E", agency, D(2024, 12, 14))  # due on the last day: not late
    index_result_save(
        values={"index": "par", "year": 2023, "score": Decimal("85.5"), "rank": 20,
                "rank_of": 63, "source": "Bộ Nội vụ"},
        components=[],
    )  # fmt: skip
    index_result_save(
        values={"index": "par", "year": 2025, "score": Decimal("90"), "rank": 1,
                "rank_of": 63, "source": "Bộ Nội vụ"},
        components=[],
    )  # fmt: skip
    question = question_ask(title="Hỏi?", asked_at=timezone.now())
    question_answer(
        question=question,
        answer="Đáp.",
        answered_at=timezone.make_aware(dt.datetime(2024, 5, 5, 9)),
    )

    figures = handbook_figures(year=2024, start=period.start, end=period.end)
    assert figures == HandbookFigures(
        documents=2,
        documents_central=1,
        documents_province=1,
        targets=5,
        targets_done=2,
        targets_late=1,
        indices=[("PAR INDEX", 2023, Decimal("85.50"), 20, 63)],
        questions_answered=1,
    )


def test_the_paragraph_wording():
    figures = HandbookFigures(
        documents=12,
        documents_central=3,
        documents_province=9,
        targets=120,
        targets_done=110,
        targets_late=4,
        indices=[
            ("PAR INDEX", 2023, Decimal("85.5"), 20, 63),
            ("SIPAS", 2023, Decimal("82.1"), None, 63),
        ],
        questions_answered=7,
    )
    content = dataclasses.replace(seed_content(), handbook=figures)
    text = " ".join(annual_text(content).split())
    assert "Sổ tay cập nhật 12 văn bản chỉ đạo ban hành trong kỳ (Trung ương: 03, tỉnh: 09)" in text
    assert "đã trả lời, công khai 07 câu hỏi" in text
    assert (
        "có 120 chỉ tiêu, nhiệm vụ cải cách hành chính; đến hết kỳ báo cáo đã hoàn thành 110, "
        "trễ hạn 04" in text
    )
    assert "PAR INDEX năm 2023 đạt 85,50, xếp hạng 20/63; SIPAS năm 2023 đạt 82,10." in text
    # Everything else reads as before.
    before = annual_text(seed_content())
    start = before.index("VII. SỔ TAY")
    after = annual_text(content)
    assert after[:start] == before[:start]
    assert after[after.index("VIII. ") :] == before[before.index("VIII. ") :]


@pytest.mark.django_db
def test_the_handbook_changes_no_figure_of_the_report():
    agency = AgencyFactory()
    empty = annual_figures(2024)
    _document("1/QĐ-UBND", D(2024, 1, 15), "province")
    _target("A", agency, D(2024, 6, 30))
    assert annual_figures(2024) == empty
