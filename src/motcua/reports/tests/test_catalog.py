"""Catalog figures: statistics.md §4 (catalog), §5 (online services), §6 (shortenings)."""

import datetime as dt
from decimal import Decimal

import pytest

from motcua.agencies.models import AgencyKind
from motcua.procedures.models import Authority, DecisionKind, Level, OnlineLevel
from motcua.reports.selectors.catalog import (
    FIGURE_RECORDS,
    catalog_figures,
    catalog_records,
    catalog_report,
    exact_vnd,
    online_service_figures,
    percentage,
    shortening_figures,
)
from motcua.testing.factories import (
    AgencyFactory,
    DecisionFactory,
    ProcedureFactory,
    ShorteningFactory,
)
from motcua.utils.periods import Period

D = dt.date
YEAR_2024 = Period.for_year(2024)
YEAR_2025 = Period.for_year(2025)
LEVELS = {"province": 0, "district": 0, "commune": 0}

pytestmark = pytest.mark.django_db


# --- §4 ---------------------------------------------------------------------------------------


def test_catalog_counts_active_procedures_by_authority_and_level():
    ProcedureFactory.create_batch(3, level=Level.PROVINCE, authority=Authority.CENTRAL)
    ProcedureFactory(level=Level.PROVINCE, authority=Authority.LOCAL)
    ProcedureFactory.create_batch(2, level=Level.DISTRICT, authority=Authority.CENTRAL)
    ProcedureFactory(level=Level.COMMUNE, authority=Authority.LOCAL)
    ProcedureFactory(level=Level.COMMUNE, authority=Authority.LOCAL, abolished=True)
    ProcedureFactory(level=Level.PROVINCE, authority=Authority.CENTRAL, abolished=True)

    figures = catalog_figures(YEAR_2024)

    assert figures == {
        "total": 7,
        "central": 5,
        "local": 2,
        "by_level": {"province": 4, "district": 2, "commune": 1},
        "publication_decisions": 0,
        "regulation_documents": 0,
    }


@pytest.mark.parametrize(
    ("date", "kind", "in_2024", "in_2025"),
    [
        (D(2023, 12, 14), DecisionKind.PUBLICATION, 0, 0),  # day before the 2024 period
        (D(2023, 12, 15), DecisionKind.PUBLICATION, 1, 0),  # first day, inclusive
        (D(2024, 2, 29), DecisionKind.PUBLICATION, 1, 0),
        (D(2024, 12, 14), DecisionKind.PUBLICATION, 1, 0),  # last day, inclusive
        (D(2024, 12, 15), DecisionKind.PUBLICATION, 0, 1),  # calendar 2024, period 2025
        (D(2024, 12, 31), DecisionKind.PUBLICATION, 0, 1),
        (D(2024, 6, 1), DecisionKind.OTHER, 0, 0),  # kind other never counts
    ],
)
def test_publication_decisions_dated_in_period(date, kind, in_2024, in_2025):
    DecisionFactory(date=date, kind=kind)
    assert catalog_figures(YEAR_2024)["publication_decisions"] == in_2024
    assert catalog_figures(YEAR_2025)["publication_decisions"] == in_2025
    assert catalog_figures(YEAR_2024)["regulation_documents"] == 0


def test_regulation_documents_dated_in_period():
    DecisionFactory(date=D(2023, 12, 15), kind=DecisionKind.REGULATION)
    DecisionFactory(date=D(2024, 12, 14), kind=DecisionKind.REGULATION)
    DecisionFactory(date=D(2024, 12, 20), kind=DecisionKind.REGULATION)
    DecisionFactory(date=D(2024, 5, 1), kind=DecisionKind.PUBLICATION)
    figures = catalog_figures(YEAR_2024)
    assert (figures["regulation_documents"], figures["publication_decisions"]) == (2, 1)


def test_catalog_is_two_queries(django_assert_num_queries):
    ProcedureFactory.create_batch(3)
    with django_assert_num_queries(2):
        catalog_figures(YEAR_2024)


# --- §5 ---------------------------------------------------------------------------------------


def test_online_services_split_and_portal():
    ProcedureFactory.create_batch(3, online_full=True, national_portal=True)
    ProcedureFactory(online_full=True)
    ProcedureFactory.create_batch(2, online_partial=True, national_portal=True)
    ProcedureFactory(online_partial=True)
    ProcedureFactory(online_level=OnlineLevel.NONE, national_portal=True)  # not an online service
    ProcedureFactory(on_portal=True, abolished=True)  # online, on the portal, but abolished

    figures = online_service_figures(YEAR_2024)

    assert figures["total"] == 7
    assert (figures["full"], figures["partial"]) == (4, 3)
    assert figures["national_portal"] == 5
    assert figures["national_portal_rate"] == 71.43  # 5/7 = 71.428…


def test_department_coverage():
    covered = AgencyFactory(kind=AgencyKind.DEPARTMENT)
    ProcedureFactory(agency=covered, online_partial=True)
    ProcedureFactory(agency=covered)  # a non-online procedure too: still covered once
    offline = AgencyFactory(kind=AgencyKind.DEPARTMENT)
    ProcedureFactory(agency=offline)
    only_abolished = AgencyFactory(kind=AgencyKind.DEPARTMENT)
    ProcedureFactory(agency=only_abolished, online_full=True, abolished=True)
    parent = AgencyFactory(kind=AgencyKind.DEPARTMENT)
    child = AgencyFactory(kind=AgencyKind.OTHER, parent=parent)
    ProcedureFactory(agency=child, online_full=True)  # not the department's own service
    inactive = AgencyFactory(kind=AgencyKind.DEPARTMENT, inactive=True)
    ProcedureFactory(agency=inactive, online_full=True)

    figures = online_service_figures(YEAR_2024)

    assert figures["departments"] == {"covered": 1, "total": 4}
    assert list(catalog_records("online_services.departments.covered", YEAR_2024)) == [covered]


def test_district_and_commune_coverage_is_all_or_none():
    AgencyFactory.create_batch(3, kind=AgencyKind.DISTRICT)
    AgencyFactory(kind=AgencyKind.DISTRICT, inactive=True)
    AgencyFactory.create_batch(5, kind=AgencyKind.COMMUNE)
    ProcedureFactory(level=Level.DISTRICT)  # active but not online
    ProcedureFactory(level=Level.DISTRICT, online_full=True, abolished=True)
    ProcedureFactory(level=Level.COMMUNE, online_partial=True)

    figures = online_service_figures(YEAR_2024)

    assert figures["districts"] == {"covered": 0, "total": 3}
    assert figures["communes"] == {"covered": 5, "total": 5}
    assert catalog_records("online_services.districts.covered", YEAR_2024).count() == 0

    ProcedureFactory(level=Level.DISTRICT, online_full=True)
    assert online_service_figures(YEAR_2024)["districts"] == {"covered": 3, "total": 3}


def test_online_services_empty_catalog():
    assert online_service_figures(YEAR_2024) == {
        "total": 0,
        "full": 0,
        "partial": 0,
        "national_portal": 0,
        "national_portal_rate": 0.0,
        "departments": {"covered": 0, "total": 0},
        "districts": {"covered": 0, "total": 0},
        "communes": {"covered": 0, "total": 0},
    }


def test_online_services_is_two_queries(django_assert_num_queries):
    AgencyFactory()
    ProcedureFactory(online_full=True)
    with django_assert_num_queries(2):
        online_service_figures(YEAR_2024)


@pytest.mark.parametrize(
    ("part", "whole", "rate"),
    [
        (740, 859, 86.15),
        (5, 7, 71.43),
        (1, 8, 12.5),
        (1, 3, 33.33),
        (2, 3, 66.67),
        (1, 1, 100.0),
        (0, 5, 0.0),
        (0, 0, 0.0),
        (1, 800, 0.13),  # 0,125% exactly: half up gives 0,13 where half-even gives 0,12
        (3, 1600, 0.19),  # 0,1875%
    ],
)
def test_percentage_rounds_half_up(part, whole, rate):
    assert percentage(part, whole) == rate


def test_national_portal_rate_740_of_859():
    ProcedureFactory.bulk(600, online_level=OnlineLevel.FULL, national_portal=True)
    ProcedureFactory.bulk(68, online_level=OnlineLevel.FULL)
    ProcedureFactory.bulk(140, online_level=OnlineLevel.PARTIAL, national_portal=True)
    ProcedureFactory.bulk(51, online_level=OnlineLevel.PARTIAL)
    # On the portal but not an online service, or abolished: neither part nor whole.
    ProcedureFactory.bulk(5, online_level=OnlineLevel.NONE, national_portal=True)
    ProcedureFactory.bulk(7, online_level=OnlineLevel.FULL, national_portal=True, abolished=True)

    figures = online_service_figures(YEAR_2024)

    assert (figures["total"], figures["full"], figures["partial"]) == (859, 668, 191)
    assert figures["national_portal"] == 740
    assert figures["national_portal_rate"] == 86.15
    assert catalog_records("online_services.national_portal", YEAR_2024).count() == 740


# --- §6 ---------------------------------------------------------------------------------------


def test_shortenings_counted_by_level_of_procedure_and_decision_date():
    in_period = DecisionFactory(date=D(2024, 3, 1), kind=DecisionKind.OTHER)
    first_day = DecisionFactory(date=D(2023, 12, 15), kind=DecisionKind.OTHER)
    after = DecisionFactory(date=D(2024, 12, 20), kind=DecisionKind.OTHER)
    ShorteningFactory.create_batch(2, decision=in_period, procedure__level=Level.PROVINCE)
    ShorteningFactory(decision=first_day, procedure__level=Level.DISTRICT)
    ShorteningFactory(decision=in_period, procedure__level=Level.COMMUNE, procedure__abolished=True)
    ShorteningFactory(decision=after, procedure__level=Level.COMMUNE)  # outside the period

    figures = shortening_figures(YEAR_2024, 25_000)

    assert figures["total"] == 4
    assert figures["by_level"] == {"province": 2, "district": 1, "commune": 1}
    assert shortening_figures(YEAR_2025, 25_000)["by_level"] == {**LEVELS, "commune": 1}


def test_procedure_shortened_twice_counts_once_and_saves_twice():
    procedure = ProcedureFactory()
    for number, (before, after) in enumerate([(10, 8), (8, 5)]):
        ShorteningFactory(
            procedure=procedure,
            decision__date=D(2024, 4 + number, 1),
            days_before=before,
            days_after=after,
            annual_dossiers=10,
        )
    figures = shortening_figures(YEAR_2024, 12_500)  # 1 day × 1 dossier = 100.000 đ
    assert figures["total"] == 1
    assert figures["saving_vnd"] == 5_000_000  # (2 + 3) days × 10 dossiers × 100.000
    assert figures["saving_per_procedure_vnd"] == 5_000_000


def test_saving_980_million_about_20_per_procedure():
    ShorteningFactory.create_batch(
        49,
        decision__date=D(2024, 5, 2),
        days_before=Decimal("10"),
        days_after=Decimal("9"),
        annual_dossiers=100,
    )
    figures = shortening_figures(YEAR_2024, 25_000)  # 1 day = 8 h × 25.000 = 200.000 đ
    assert figures["saving_vnd"] == 980_000_000
    assert figures["saving_per_procedure_vnd"] == 20_000_000


@pytest.mark.parametrize(
    ("shortenings", "hourly", "saving", "per_procedure"),
    [
        # (days_before, days_after, annual_dossiers) per procedure
        ([("3", "2", 1)], 62_500, 1_000_000, 1_000_000),  # 500.000 → 1 million (half up)
        ([("3", "2", 1)], 62_499, 0, 0),  # 499.992 → 0
        # 0,1 day: 10,0 − 9,9 is inexact in binary floating point; the saving must not be.
        ([("10.0", "9.9", 1)], 625_000, 1_000_000, 1_000_000),
        ([("2.5", "2", 1)], 250_000, 1_000_000, 1_000_000),
        # Two of 1.400.000: total 2.800.000 → 3 million; the average comes from the
        # unrounded total (1.400.000 → 1 million), not from 3 million / 2.
        ([("2", "1", 1), ("2", "1", 1)], 175_000, 3_000_000, 1_000_000),
        # 1.500.000 + 1.500.000 = 3 million; average 1.500.000 → 2 million (half up).
        ([("2", "1", 1), ("2", "1", 1)], 187_500, 3_000_000, 2_000_000),
        ([], 62_500, 0, 0),  # nothing shortened: 0, no division by zero
    ],
)
def test_saving_rounding(shortenings, hourly, saving, per_procedure):
    for before, after, dossiers in shortenings:
        ShorteningFactory(
            decision__date=D(2024, 7, 1),
            days_before=Decimal(before),
            days_after=Decimal(after),
            annual_dossiers=dossiers,
        )
    figures = shortening_figures(YEAR_2024, hourly)
    assert (figures["saving_vnd"], figures["saving_per_procedure_vnd"]) == (saving, per_procedure)


def test_saving_drill_down_sums_to_unrounded_saving():
    ShorteningFactory(days_before=Decimal("10.0"), days_after=Decimal("9.9"), annual_dossiers=3)
    ShorteningFactory(days_before=Decimal("4"), days_after=Decimal("1.5"), annual_dossiers=7)
    ShorteningFactory(decision__date=D(2025, 1, 1))  # outside
    rows = catalog_records("shortening.saving_vnd", YEAR_2024, hourly_cost_vnd=10_001)
    savings = sorted(exact_vnd(row.saving_vnd) for row in rows)
    # 0,1 × 8 × 10.001 × 3 = 24.002,4; 2,5 × 8 × 10.001 × 7 = 1.400.140
    assert savings == [Decimal("24002.4"), Decimal("1400140.0")]
    assert shortening_figures(YEAR_2024, 10_001)["saving_vnd"] == 1_000_000


def test_shortening_is_one_query(django_assert_num_queries):
    ShorteningFactory()
    with django_assert_num_queries(1):
        shortening_figures(YEAR_2024, 25_000)


# --- drill-down -------------------------------------------------------------------------------


def _figure(report: dict, key: str):
    value = report
    for part in key.split("."):
        value = value[part]
    return value


def _mixed_catalog() -> None:
    departments = AgencyFactory.create_batch(3, kind=AgencyKind.DEPARTMENT)
    AgencyFactory(kind=AgencyKind.DEPARTMENT, inactive=True)
    AgencyFactory.create_batch(2, kind=AgencyKind.DISTRICT)
    AgencyFactory.create_batch(4, kind=AgencyKind.COMMUNE)
    ProcedureFactory(agency=departments[0], on_portal=True, authority=Authority.LOCAL)
    ProcedureFactory(agency=departments[1], online_partial=True)
    ProcedureFactory(agency=departments[2], abolished=True, on_portal=True)
    ProcedureFactory.create_batch(2, level=Level.DISTRICT, online_full=True)
    ProcedureFactory(level=Level.COMMUNE, authority=Authority.LOCAL)
    DecisionFactory.create_batch(2, date=D(2024, 1, 1))
    DecisionFactory(date=D(2024, 12, 31))
    DecisionFactory(date=D(2024, 8, 8), kind=DecisionKind.REGULATION)
    ShorteningFactory(decision__date=D(2024, 2, 2), procedure__level=Level.DISTRICT)
    ShorteningFactory(decision__date=D(2024, 2, 3), procedure__level=Level.COMMUNE)
    ShorteningFactory(decision__date=D(2023, 2, 3))


def test_every_count_drills_down_to_its_records():
    _mixed_catalog()
    report = catalog_report(YEAR_2024, hourly_cost_vnd=25_000)
    count_keys = [key for key in FIGURE_RECORDS if key != "shortening.saving_vnd"]
    assert len(count_keys) == 22
    for key in count_keys:
        records = catalog_records(key, YEAR_2024)
        assert records.count() == _figure(report, key), key
        assert len(list(records)) == _figure(report, key), key
    # The fixture is not degenerate: most figures are non-zero.
    assert sum(1 for key in count_keys if _figure(report, key)) >= 20


def test_unknown_figure_is_refused():
    with pytest.raises(KeyError, match="Unknown figure"):
        catalog_records("catalog.nonsense", YEAR_2024)


def test_saving_drill_down_needs_hourly_cost():
    with pytest.raises(TypeError):
        catalog_records("shortening.saving_vnd", YEAR_2024)
