"""The service index (service-index.md) of a small province, checked against a hand
computation: every indicator our data can give, per scope, with the edges (an agency without
dossiers, procedures without fees, no evaluations, no feedback: full marks) and the caps
(online share above 50%, reuse above 80%). The data: ``service_index_data.py``."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from motcua.reports.selectors.service_index import (
    COUNT_NAMES,
    INDICATORS,
    NOT_COMPUTED,
    service_index,
    service_index_breakdown,
    service_index_records,
    service_index_report,
)
from motcua.reports.service_index_rules import index_json
from motcua.reports.tests.service_index_data import PERIOD, make_province

pytestmark = pytest.mark.django_db
D = Decimal


@pytest.fixture
def province(db):
    return make_province()


def scores(result) -> dict[str, Decimal | None]:
    return {item.key: item.score for item in result.index.indicators}


PROVINCE_COUNTS = {
    # dossiers received (§2): d1–d7; settled on time: d1 early, d3 no due date, d5 on time
    "dossiers.received": 7,
    "dossiers.settled_on_time": 3,
    "dossiers.new": 6,  # d4 is carried over
    "dossiers.new_online": 3,  # d1, d6, d7
    "dossiers.payable": 3,  # d1, d2, d3 (d4 is not new)
    "dossiers.paid_online": 1,  # d1
    "dossiers.resolved": 4,  # d1, d2, d3, d5
    "dossiers.electronic_results": 2,  # d1, d5
    "dossiers.components_digitized": 4,  # d1, d2, d5, d7
    "dossiers.reused_data": 1,  # d1
    # active procedures p1–p4 (p5 abolished)
    "procedures.total": 4,
    "procedures.complete": 1,  # p1
    "procedures.online": 2,  # p1, p2
    "procedures.online_used": 2,  # p1 (d1), p2 (d6)
    "procedures.fee": 2,  # p1, p4
    "procedures.fee_paid_online": 1,  # p1 (d1)
    "procedures.fee_used": 2,  # p1, p4
    "evaluations.count": 2,  # d1 18/18, d5 10/18 (the desk's on d5's behalf not counted)
    "evaluations.satisfied": 1,
    "feedback.received": 1,
    # The one item is history (no deadline, no rating): the feedback indicators stay unscored.
    "feedback.with_deadline": 0,
    "feedback.due": 0,
    "feedback.on_time": 0,
    "feedback.rated": 0,
    "feedback.satisfied": 0,
}


def test_province_by_hand(province):
    with CaptureQueriesContext(connection) as queries:
        result = service_index(PERIOD)
    # dossiers (with the procedures used in the period), procedures, evaluations, feedback
    assert len(queries) == 4
    assert result.counts == PROVINCE_COUNTS
    assert scores(result) == {
        "publicity.published_on_time": None,
        "publicity.updated_on_time": None,
        "publicity.complete_content": D("0.50"),  # 2 × 1/4
        "publicity.synchronised": None,
        "progress.on_time": D("8.57"),  # 20 × 3/7 = 8,571…
        "online.procedures_online": D("1.25"),  # 2 × (2/4) / 0,8
        "online.services_used": D("4"),  # 4 × 2/2
        "online.dossiers_online": D("6"),  # 6 × (3/6) / 0,5: exactly the 50% of full marks
        "online.dossiers_paid_online": D("2.00"),  # 6 × 1/3
        "online.fee_procedures_paid_online": D("1.25"),  # 2,5 × 1/2
        "online.fee_procedures_used": D("2.5"),  # 2,5 × 2/2
        "satisfaction.evaluations_satisfied": D("3.33"),  # 6 × (1/2) / 0,9 = 3,333…
        # There was feedback: no deadline nor satisfaction is recorded, so not computed.
        "satisfaction.feedback_on_time": None,
        "satisfaction.feedback_satisfied": None,
        "digitization.electronic_results": D("3.00"),  # 6 × 2/4
        "digitization.components_digitized": D("2.29"),  # 4 × 4/7 = 2,285…
        "digitization.certified_copies": None,
        "digitization.reused_data": D("0.36"),  # 2 × (1/7) / 0,8 = 0,357…
        "digitization.shared_to_store": None,
        "digitization.population_db_used": None,
        "digitization.population_db_connected": None,
    }
    assert result.index.groups == {
        "publicity": D("0.50"),
        "progress": D("8.57"),
        "digitization": D("5.65"),
        "online": D("17.00"),  # 1,25 + 4 + 6 + (2 + 1,25 + 2,5)
        "satisfaction": D("3.33"),
    }
    assert result.index.total == D("35.05")
    assert result.index.attainable == 62  # 2 + 20 + 12 + 22 + 6
    assert result.reasons["satisfaction.feedback_on_time"] == "feedback_deadline"
    assert set(NOT_COMPUTED) < set(result.reasons)
    # Mean days from receipt to end: d1 4, d2 8, d3 18, d5 7 → 37 / 4.
    assert result.average_days == pytest.approx(9.25)
    assert index_json(result.index) == {
        "total": 35.05,
        "groups": {
            "publicity": 0.5,
            "progress": 8.57,
            "digitization": 5.65,
            "online": 17.0,
            "satisfaction": 3.33,
        },
    }


def test_district_with_its_commune_by_hand(province):
    """No fee procedure (payment B and C score 0), online share 2/3 above 50% (capped at 6), no
    satisfied evaluation, no feedback (full marks), district- and commune-level procedures."""
    result = service_index(PERIOD, agency=province.setting.district)
    assert result.counts["procedures.total"] == 2  # p2, p3: the levels it settles at
    assert result.counts["procedures.fee"] == 0
    assert result.counts["dossiers.new_online"] == 2 and result.counts["dossiers.new"] == 3
    assert scores(result) == {
        **dict.fromkeys(NOT_COMPUTED),
        "publicity.complete_content": D("0"),
        "progress.on_time": D("6.67"),  # 20 × 1/3
        "online.procedures_online": D("1.25"),
        "online.services_used": D("4"),  # p2 with d6
        "online.dossiers_online": D("6"),  # 2/3 > 50%: capped
        "online.dossiers_paid_online": D("0"),  # nothing to pay: ratio 0
        "online.fee_procedures_paid_online": D("0"),
        "online.fee_procedures_used": D("0"),
        "satisfaction.evaluations_satisfied": D("0"),
        "satisfaction.feedback_on_time": D("6"),  # no feedback: full marks
        "satisfaction.feedback_satisfied": D("6"),
        "digitization.electronic_results": D("6"),  # d5
        "digitization.components_digitized": D("2.67"),  # 4 × 2/3
        "digitization.reused_data": D("0"),
    }
    assert result.index.total == D("38.59")  # 0 + 6,67 + 8,67 + 11,25 + 12
    assert result.index.attainable == 74


def test_department_reuse_rounds_half_up(province):
    result = service_index(PERIOD, agency=province.setting.dept)
    # reuse 1/4: 2 × 0,25 / 0,8 = 0,625 → 0,63 (half up); evaluations 1/1 above 90%: capped
    assert scores(result)["digitization.reused_data"] == D("0.63")
    assert scores(result)["satisfaction.evaluations_satisfied"] == D("6")
    assert scores(result)["online.dossiers_online"] == D("4.00")  # 6 × (1/3) / 0,5
    assert result.index.total == D("36.63")
    assert result.average_days == pytest.approx(10)


def test_reuse_above_80_percent_is_capped(province):
    dossiers = province.dossiers
    for key in ("d2", "d3", "d4"):
        dossiers[key].reused_data = True
        dossiers[key].save()
    result = service_index(PERIOD, agency=province.setting.dept)
    assert result.counts["dossiers.reused_data"] == 4  # 4/4: 2 × 1 / 0,8 = 2,5 → 2
    assert scores(result)["digitization.reused_data"] == D("2")


def test_agency_without_dossiers_procedures_evaluations_or_feedback(province):
    result = service_index(PERIOD, agency=province.empty_department)
    assert set(result.counts.values()) == {0}
    computed = {k: v for k, v in scores(result).items() if v is not None}
    assert computed == {
        **{key: D(0) for key in INDICATORS},
        "satisfaction.feedback_on_time": D(6),
        "satisfaction.feedback_satisfied": D(6),
    }
    assert result.index.total == 12 and result.average_days is None


def test_breakdown_ranks_agencies_and_each_row_is_the_agencys_index(province):
    with CaptureQueriesContext(connection) as queries:
        rows = service_index_breakdown(PERIOD)
    # the agency tree, then one query per family (the dossiers' with the procedures used)
    assert len(queries) == 5
    s = province.setting
    # Points lost: Sở Tư pháp 62 − 36,63 = 25,37; UBND huyện Một 74 − 38,59 = 35,41;
    # Sở Nội vụ 74 − 12 = 62.
    assert [(row.rank, row.agency.name, row.index.lost) for row in rows] == [
        (1, "Sở Tư pháp", D("25.37")),
        (2, "UBND huyện Một", D("35.41")),
        (3, "Sở Nội vụ", D("62")),
    ]
    for row, agency in zip(rows, [s.dept, s.district, province.empty_department], strict=True):
        alone = service_index(PERIOD, agency=agency)
        assert row.counts == alone.counts
        assert row.index == alone.index
        assert row.average_days == alone.average_days


def test_breakdown_of_an_agency_ranks_its_children(province):
    rows = service_index_breakdown(PERIOD, agency=province.setting.district)
    assert [row.agency for row in rows] == [province.setting.commune]
    assert rows[0].counts == service_index(PERIOD, agency=province.setting.commune).counts
    assert service_index_breakdown(PERIOD, agency=province.setting.commune) == []


@pytest.mark.parametrize("scope", [None, "dept", "district"])
def test_the_pages_report_reads_the_procedures_used_once_and_equals_both(province, scope):
    agency = getattr(province.setting, scope) if scope else None
    with CaptureQueriesContext(connection) as queries:
        result, rows = service_index_report(PERIOD, agency=agency)
    used = [q for q in queries if '"procedure_id"' in q["sql"] and "GROUP BY" in q["sql"]]
    assert len(used) == 1
    alone = service_index(PERIOD, agency=agency)
    assert (result.counts, result.index, result.average_days) == (
        alone.counts,
        alone.index,
        alone.average_days,
    )
    assert rows == service_index_breakdown(PERIOD, agency=agency)


@pytest.mark.parametrize("scope", ["province", "dept", "district", "commune", "empty"])
def test_every_count_lists_as_many_records(province, scope):
    agency = {
        "province": None,
        "dept": province.setting.dept,
        "district": province.setting.district,
        "commune": province.setting.commune,
        "empty": province.empty_department,
    }[scope]
    result = service_index(PERIOD, agency=agency)
    for name in COUNT_NAMES:
        assert service_index_records(name, PERIOD, agency=agency).count() == result.counts[name]


def test_unknown_count(province):
    with pytest.raises(KeyError):
        service_index_records("dossiers.nothing", PERIOD)


def test_annual_json_carries_the_province_index(province):
    from motcua.reports.annual import annual_figures

    assert annual_figures(2024)["service_index"] == {
        "total": 35.05,
        "groups": {
            "publicity": 0.5,
            "progress": 8.57,
            "digitization": 5.65,
            "online": 17.0,
            "satisfaction": 3.33,
        },
    }
