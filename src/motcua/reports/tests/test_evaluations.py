"""Evaluation figures (statistics.md §9 ``evaluations``), checked against a hand computation."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from motcua.dossiers.models import INDICATORS, Evaluation
from motcua.dossiers.workflow import State
from motcua.reports.annual import annual_figures
from motcua.reports.drilldown import figure_records
from motcua.reports.selectors.evaluations import (
    evaluation_breakdown,
    evaluation_figures,
    evaluation_records,
)
from motcua.reports.tests.form06_data import create_dossier, local, make_setting, utc
from motcua.utils.periods import Period

pytestmark = pytest.mark.django_db

YEAR_2024 = Period.for_year(2024)  # 15/12/2023 – 14/12/2024
NAMES = [name for name, _label in INDICATORS]


def evaluate(setting, agency, returned_at, points, source="applicant", dossier=None):
    """A returned dossier of ``agency`` and its evaluation with the 9 ``points`` as stored."""
    if dossier is None:
        dossier = create_dossier(
            setting,
            agency=agency,
            received_at=local(2023, 11, 1, 8),
            due_at=local(2023, 11, 20, 17),
            ended_at=local(2023, 11, 10, 9),
            state=State.RETURNED,
            returned_at=returned_at,
        )
    Evaluation.objects.create(
        dossier=dossier, at=returned_at, source=source, **dict(zip(NAMES, points, strict=True))
    )
    return dossier


@pytest.fixture
def fixture(db):
    s = make_setting()
    rows = {}
    rows["A"] = evaluate(s, s.dept, local(2024, 3, 1, 9), [2] * 9)  # 18
    rows["B"] = evaluate(s, s.dept, local(2024, 6, 1, 9), [2] * 6 + [1] * 3)  # 12 + 3 = 15
    rows["C"] = evaluate(s, s.district, local(2024, 7, 1, 9), [2] * 5 + [0] * 4)  # 10
    rows["D"] = evaluate(s, s.commune, local(2024, 8, 1, 9), [2] * 7 + [0] * 2)  # 14
    # The desk's evaluation on A's behalf: kept apart, not counted (18 points, ignored).
    evaluate(s, s.dept, local(2024, 3, 1, 9), [2] * 9, "desk_on_behalf", dossier=rows["A"])
    # Returned on T 23:59 local (16:59 UTC): inside; 15/12 00:30 local: outside.
    rows["G"] = evaluate(s, s.dept, utc(2024, 12, 14, 16, 59), [1] * 9)  # 9
    evaluate(s, s.dept, utc(2024, 12, 14, 17, 30), [0] * 9)  # outside
    evaluate(s, s.dept, local(2023, 12, 14, 20), [0] * 9)  # before F: outside
    return s, rows


def test_province_figures_by_hand(fixture):
    # Counted: A 18, B 15, C 10, D 14, G 9 → count 5; points 18+15+10+14+9 = 66;
    # average 66 / 5 = 13.2; satisfied (≥ 15): A, B → 2 / 5 = 40.00 %. The desk's one apart.
    with CaptureQueriesContext(connection) as queries:
        figures = evaluation_figures(YEAR_2024)
    assert len(queries) == 1
    assert figures == {
        "count": 5,
        "average": 13.2,
        "satisfied_rate": 40.0,
        "satisfied": 2,
        "desk_on_behalf": 1,
        "max": 18,
    }


def test_annual_json_carries_the_evaluations(fixture):
    assert annual_figures(2024)["evaluations"] == {
        "count": 5,
        "average": 13.2,
        "satisfied_rate": 40.0,
    }


def test_per_agency_by_hand(fixture):
    s, _rows = fixture
    # Department: A 18, B 15, G 9 → 3; 42 / 3 = 14.0; satisfied 2 / 3 = 66.666… → 66.67 %.
    dept = evaluation_figures(YEAR_2024, agency=s.dept)
    assert (dept["count"], dept["average"], dept["satisfied_rate"]) == (3, 14.0, 66.67)
    # District with its commune: C 10, D 14 → 2; 24 / 2 = 12.0; none ≥ 15 → 0.0 %.
    district = evaluation_figures(YEAR_2024, agency=s.district)
    assert (district["count"], district["average"], district["satisfied_rate"]) == (2, 12.0, 0.0)
    # Breakdown by settling agency (each agency alone), sorted by name, in one query.
    with CaptureQueriesContext(connection) as queries:
        rows = evaluation_breakdown(YEAR_2024)
    assert len(queries) == 2  # the grouped aggregate, then the agencies' names
    assert [(a.name, f["count"], f["average"], f["satisfied_rate"]) for a, f in rows] == [
        ("Sở Tư pháp", 3, 14.0, 66.67),
        ("UBND huyện Một", 1, 10.0, 0.0),
        ("UBND xã Một", 1, 14.0, 0.0),
    ]


def test_the_records_behind_each_figure(fixture):
    s, rows = fixture
    codes = lambda figure: [  # noqa: E731
        e.dossier.code for e in evaluation_records(figure, YEAR_2024)
    ]
    assert codes("count") == [rows[k].code for k in "ABCDG"]
    assert codes("satisfied") == [rows["A"].code, rows["B"].code]
    assert codes("desk_on_behalf") == [rows["A"].code]
    records = figure_records("evaluations.count", YEAR_2024, agency=s.dept)
    assert [row[0] for row in records.rows()] == [rows[k].code for k in "ABG"]
    assert list(records.rows())[0][-2:] == ["Người nộp tự đánh giá", 18]
    with pytest.raises(KeyError):
        evaluation_records("average", YEAR_2024)


def test_no_evaluation_gives_zeros(db):
    assert evaluation_figures(YEAR_2024)["count"] == 0
    assert annual_figures(2024)["evaluations"] == {
        "count": 0,
        "average": 0.0,
        "satisfied_rate": 0.0,
    }
