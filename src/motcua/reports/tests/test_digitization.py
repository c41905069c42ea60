"""Digitization of dossiers and results: statistics.md §7 and the §9 ``digitization`` object."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from motcua.dossiers.models import Dossier
from motcua.dossiers.workflow import Outcome
from motcua.reports.selectors.digitization import (
    COUNTS,
    digitization,
    digitization_counts,
    digitization_rates,
    digitization_records,
)
from motcua.reports.tests.form06_data import build_dossier, create_dossier, local, make_setting, utc
from motcua.utils.periods import Period

pytestmark = pytest.mark.django_db

YEAR_2024 = Period.for_year(2024)  # 15/12/2023 – 14/12/2024
SECTION_9_KEYS = ["rate", "components_rate", "results_rate", "reuse_rate", "online_payment_rate"]


@pytest.fixture
def setting(db):
    return make_setting()


def counted_in(setting, **dossier) -> set[str]:
    saved = create_dossier(setting, **dossier)
    counts = digitization_counts(YEAR_2024)
    for name in COUNTS:
        records = list(digitization_records(name, YEAR_2024).values_list("pk", flat=True))
        assert records == ([saved.pk] if counts[name] else []), name
    assert all(value in (0, 1) for value in counts.values())
    return {name for name, value in counts.items() if value}


IN_PERIOD = local(2024, 3, 1, 8)
APPROVED_IN_PERIOD = {"ended_at": local(2024, 3, 10, 9), "outcome": Outcome.APPROVED}

EDGES = {
    "open, components digitized: digitized": (
        {"received_at": IN_PERIOD, "components_digitized": True},
        {"new", "digitized", "components_digitized"},
    ),
    "open, components not digitized: not digitized": (
        {"received_at": IN_PERIOD},
        {"new"},
    ),
    "approved in the period, result digitized: digitized": (
        {
            "received_at": IN_PERIOD,
            "components_digitized": True,
            "result_digitized": True,
            **APPROVED_IN_PERIOD,
        },
        {"new", "digitized", "components_digitized", "approved", "result_digitized"},
    ),
    "approved in the period without its result digitized: not digitized": (
        {"received_at": IN_PERIOD, "components_digitized": True, **APPROVED_IN_PERIOD},
        {"new", "components_digitized", "approved"},
    ),
    "approved after T (15/12 local, written in UTC): only the components count": (
        {
            "received_at": IN_PERIOD,
            "components_digitized": True,
            "ended_at": utc(2024, 12, 14, 17, 30),
            "outcome": Outcome.APPROVED,
        },
        {"new", "digitized", "components_digitized"},
    ),
    "approved on T 23:59 without result digitized: not digitized": (
        {
            "received_at": IN_PERIOD,
            "components_digitized": True,
            "ended_at": utc(2024, 12, 14, 16, 59),
            "outcome": Outcome.APPROVED,
        },
        {"new", "components_digitized", "approved"},
    ),
    "refused: no result to digitize": (
        {
            "received_at": IN_PERIOD,
            "components_digitized": True,
            "ended_at": local(2024, 3, 10, 9),
            "outcome": Outcome.REFUSED,
        },
        {"new", "digitized", "components_digitized"},
    ),
    "carried over and approved in the period: counts for the results rate only": (
        {
            "received_at": local(2023, 11, 1, 8),
            "components_digitized": True,
            "result_digitized": True,
            **APPROVED_IN_PERIOD,
        },
        {"approved", "result_digitized"},
    ),
    "reused data and paid online": (
        {"received_at": IN_PERIOD, "reused_data": True, "paid_online": True},
        {"new", "reused_data", "paid_online"},
    ),
    "received after T (UTC 14/12 17:30): not counted": (
        {"received_at": utc(2024, 12, 14, 17, 30), "components_digitized": True},
        set(),
    ),
    "received 15/12/2023 00:30 local (UTC 14/12): new": (
        {"received_at": utc(2023, 12, 14, 17, 30), "components_digitized": True},
        {"new", "digitized", "components_digitized"},
    ),
    "never accepted: not counted": (
        {"received_at": None, "state": 1, "components_digitized": True},
        set(),
    ),
}


@pytest.mark.parametrize(("dossier", "counted"), EDGES.values(), ids=EDGES.keys())
def test_edges(setting, dossier, counted):
    assert counted_in(setting, **dossier) == counted


@pytest.mark.parametrize(
    ("part", "whole", "rate"),
    [
        (731, 1000, 73.1),
        (7305, 10000, 73.1),  # 73,05 → 73,1: half up
        (7304, 10000, 73.0),
        (7295, 10000, 73.0),  # 72,95 → 73,0 (half-even would also say 73,0; 73,05 tells them apart)
        (1, 3, 33.3),
        (2, 3, 66.7),
        (5, 5, 100.0),
        (0, 0, 0.0),
    ],
)
def test_rates_have_one_decimal_half_up(part, whole, rate):
    counts = dict.fromkeys(COUNTS, 0)
    counts.update(digitized=part, new=whole)
    assert digitization_rates(counts)["rate"] == rate


def test_section_9_object_in_two_queries(setting):
    rows = [
        build_dossier(
            setting,
            received_at=IN_PERIOD,
            components_digitized=i < 8,
            result_digitized=i < 3,
            reused_data=i < 2,
            paid_online=i < 1,
            **(APPROVED_IN_PERIOD if i < 4 else {}),
        )
        for i in range(10)
    ]
    Dossier.objects.bulk_create(rows)

    with CaptureQueriesContext(connection) as queries:
        figures = digitization(YEAR_2024)

    # The rollup's sums, and the approved dossiers without a digitized result from their index.
    assert len(queries) == 2
    assert list(figures) == SECTION_9_KEYS
    # Digitized: components for 0–7, minus approved 3 without its result → 7 of 10.
    assert figures == {
        "rate": 70.0,
        "components_rate": 80.0,
        "results_rate": 75.0,
        "reuse_rate": 20.0,
        "online_payment_rate": 10.0,
    }


def test_no_dossiers_gives_zero_rates(setting):
    assert digitization(YEAR_2024) == dict.fromkeys(SECTION_9_KEYS, 0.0)


def test_agency_scope(setting):
    create_dossier(
        setting, received_at=IN_PERIOD, agency=setting.commune, components_digitized=True
    )
    create_dossier(setting, received_at=IN_PERIOD, agency=setting.dept)

    assert digitization(YEAR_2024, agency=setting.district)["rate"] == 100.0
    assert digitization(YEAR_2024)["rate"] == 50.0
    assert digitization_records("new", YEAR_2024, agency=setting.district).count() == 1


def test_unknown_count_is_refused(setting):
    with pytest.raises(KeyError, match="Unknown count"):
        digitization_records("rate", YEAR_2024)
