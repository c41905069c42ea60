"""Inspection figures: statistics.md §8 at its edges, the §9 shape, drill-down."""

import datetime as dt

import pytest
from django.db import IntegrityError, transaction

from motcua.inspections.models import Inspection
from motcua.inspections.selectors import inspection_figures, inspection_records
from motcua.testing.factories import AgencyFactory
from motcua.utils.periods import Period

pytestmark = pytest.mark.django_db

D = dt.date
YEAR_2024 = Period.for_year(2024)  # 15/12/2023 – 14/12/2024


def inspect(agency, *, planned: bool, plan_year=None, on=None) -> Inspection:
    return Inspection.objects.create(
        agency=agency, planned=planned, plan_year=plan_year, inspected_on=on
    )


@pytest.mark.parametrize(
    ("plan_year", "on", "planned", "done"),
    [
        (2024, D(2024, 9, 20), 1, 1),
        (2024, D(2024, 12, 14), 1, 1),  # on T
        (2024, D(2024, 12, 15), 1, 0),  # calendar 2024, after T: not done
        (2024, D(2023, 12, 10), 1, 1),  # before F still counts: done by T
        (2024, None, 1, 0),  # not yet done
        (2023, D(2024, 1, 5), 0, 0),  # another year's plan, done in this period
        (2025, D(2024, 12, 1), 0, 0),  # next year's plan, done early
    ],
)
def test_planned_and_done(plan_year, on, planned, done):
    inspect(AgencyFactory(), planned=True, plan_year=plan_year, on=on)

    figures = inspection_figures(YEAR_2024)

    assert (figures["planned"], figures["done"], figures["surprise"]) == (planned, done, [])
    assert inspection_records("inspections.planned", YEAR_2024).count() == planned
    assert inspection_records("inspections.done", YEAR_2024).count() == done


@pytest.mark.parametrize(
    ("on", "listed"),
    [
        (D(2023, 12, 14), False),
        (D(2023, 12, 15), True),
        (D(2024, 12, 14), True),
        (D(2024, 12, 15), False),
    ],
)
def test_surprise_in_period(on, listed):
    agency = AgencyFactory(name="UBND huyện Bắc Bình")
    inspect(agency, planned=False, on=on)

    figures = inspection_figures(YEAR_2024)

    expected = [{"agency": "UBND huyện Bắc Bình", "date": on.isoformat()}] if listed else []
    assert figures["surprise"] == expected
    assert (figures["planned"], figures["done"]) == (0, 0)
    assert inspection_records("surprise", YEAR_2024).count() == len(expected)


def test_seed_report_figures():
    """The 2024 report: 5/5 planned agencies inspected, surprise inspections in huyện Bắc Bình,
    huyện Tuy Phong and thị xã La Gi (listed by date)."""
    for n in range(5):
        inspect(AgencyFactory(name=f"Sở {n}"), planned=True, plan_year=2024, on=D(2024, 9, 10 + n))
    inspect(AgencyFactory(name="Sở kế hoạch 2025"), planned=True, plan_year=2025)
    la_gi = AgencyFactory(name="UBND thị xã La Gi", kind="district")
    bac_binh = AgencyFactory(name="UBND huyện Bắc Bình", kind="district")
    tuy_phong = AgencyFactory(name="UBND huyện Tuy Phong", kind="district")
    inspect(la_gi, planned=False, on=D(2024, 11, 5))
    inspect(tuy_phong, planned=False, on=D(2024, 10, 22))
    inspect(bac_binh, planned=False, on=D(2024, 10, 22))
    inspect(la_gi, planned=False, on=D(2023, 11, 30))  # before the period

    assert inspection_figures(YEAR_2024) == {
        "planned": 5,
        "done": 5,
        "surprise": [
            {"agency": "UBND huyện Bắc Bình", "date": "2024-10-22"},
            {"agency": "UBND huyện Tuy Phong", "date": "2024-10-22"},
            {"agency": "UBND thị xã La Gi", "date": "2024-11-05"},
        ],
    }
    assert [i.agency.name for i in inspection_records("inspections.surprise", YEAR_2024)] == [
        "UBND huyện Bắc Bình",
        "UBND huyện Tuy Phong",
        "UBND thị xã La Gi",
    ]


def test_arbitrary_period_takes_the_plan_year_of_its_end():
    agency = AgencyFactory()
    inspect(agency, planned=True, plan_year=2024, on=D(2024, 3, 1))
    inspect(agency, planned=True, plan_year=2025, on=D(2025, 2, 1))

    figures = inspection_figures(Period.between(D(2024, 12, 15), D(2025, 1, 14)))

    assert (figures["planned"], figures["done"]) == (1, 0)


def test_unknown_figure_is_refused():
    with pytest.raises(KeyError, match="inspections.planned"):
        inspection_records("inspections.rate", YEAR_2024)


@pytest.mark.parametrize(
    "values",
    [
        {"planned": True, "plan_year": None},  # planned without its plan year
        {"planned": False, "inspected_on": None},  # surprise without its date
    ],
)
def test_database_refuses_incomplete_inspections(values):
    with pytest.raises(IntegrityError), transaction.atomic():
        Inspection.objects.create(agency=AgencyFactory(), **values)


@pytest.mark.parametrize(
    "values",
    [
        {"planned": True, "plan_year": 2024},
        {"planned": False, "inspected_on": D(2024, 5, 1)},
    ],
)
def test_natural_key_is_unique(values):
    agency = AgencyFactory()
    Inspection.objects.create(agency=agency, **values)
    with pytest.raises(IntegrityError), transaction.atomic():
        Inspection.objects.create(agency=agency, **values)
