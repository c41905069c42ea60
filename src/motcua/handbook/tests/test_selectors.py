"""Targets by status on a day, the agencies' ranking and trend, the index series."""

import datetime as dt
from decimal import Decimal

import pytest

from motcua.agencies.models import AgencyKind
from motcua.handbook.rules import DONE, DONE_LATE, LATE, ON_TRACK
from motcua.handbook.selectors import (
    agency_index_ranking,
    agency_index_trend,
    index_series,
    target_search,
    targets_late,
)
from motcua.handbook.services import (
    agency_index_save,
    index_result_save,
    target_progress_report,
    target_save,
)
from motcua.testing.factories import AgencyFactory

pytestmark = pytest.mark.django_db
D = dt.date


def _target(code, agency, deadline, done_on=None):
    target = target_save(
        values={
            "code": code,
            "agency": agency,
            "year": deadline.year,
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


def test_status_in_the_database_is_the_rule():
    agency = AgencyFactory()
    _target("done", agency, D(2025, 6, 30), done_on=D(2025, 6, 30))
    _target("done-late", agency, D(2025, 6, 30), done_on=D(2025, 7, 5))
    _target("late", agency, D(2025, 6, 30))
    _target("due-today", agency, D(2025, 7, 10))
    statuses = {t.code: t.status for t in target_search(today=D(2025, 7, 10))}
    assert statuses == {
        "done": DONE,
        "done-late": DONE_LATE,
        "late": LATE,
        "due-today": ON_TRACK,
    }
    assert [t.code for t in targets_late(D(2025, 7, 10))] == ["late"]
    # A week earlier, the target met late was still late.
    assert [t.code for t in targets_late(D(2025, 7, 3))] == ["done-late", "late"]
    assert [t.code for t in target_search(today=D(2025, 7, 10), status=LATE)] == ["late"]


def test_progress_reports_keep_their_order_and_close_the_target():
    from motcua.utils.errors import DomainError

    target = _target("t", AgencyFactory(), D(2025, 6, 30))
    target_progress_report(target=target, reported_on=D(2025, 3, 1), percent=40)
    with pytest.raises(DomainError):
        target_progress_report(target=target, reported_on=D(2025, 2, 1), percent=50)
    with pytest.raises(DomainError):
        target_progress_report(target=target, reported_on=D(2025, 3, 1), percent=101)
    target_progress_report(target=target, reported_on=D(2025, 4, 1), percent=100)
    target.refresh_from_db()
    assert target.done_on == D(2025, 4, 1)
    with pytest.raises(DomainError):
        target_progress_report(target=target, reported_on=D(2025, 5, 1), percent=100)


def test_agencies_are_ranked_among_their_kind_with_shared_places():
    a = AgencyFactory(name="Sở A")
    b = AgencyFactory(name="Sở B")
    c = AgencyFactory(name="Sở C")
    district = AgencyFactory(name="Huyện X", kind=AgencyKind.DISTRICT)
    for agency, scores in [(a, ("80", "90")), (b, ("85", "90")), (c, ("70", "75"))]:
        agency_index_save(agency=agency, year=2023, score=Decimal(scores[0]))
        agency_index_save(agency=agency, year=2024, score=Decimal(scores[1]))
    agency_index_save(agency=district, year=2024, score=Decimal("60"))
    ranking = agency_index_ranking(2024)
    assert [(r.agency.name, r.rank, r.previous_score) for r in ranking["department"]] == [
        ("Sở A", 1, Decimal("80")),
        ("Sở B", 1, Decimal("85")),
        ("Sở C", 3, Decimal("70")),
    ]
    assert [(r.agency.name, r.rank) for r in ranking["district"]] == [("Huyện X", 1)]
    assert agency_index_trend(b) == [(2023, Decimal("85"), 1, 3), (2024, Decimal("90"), 1, 3)]


def test_the_latest_components_beside_the_previous_years():
    def save(year, components):
        index_result_save(
            values={"index": "pci", "year": year, "score": Decimal("65"), "rank": None,
                    "rank_of": 63, "source": "VCCI"},
            components=components,
        )  # fmt: skip

    save(2022, [("Tiếp cận đất đai", Decimal("6"), Decimal("10"))])
    save(2023, [("Tiếp cận đất đai", Decimal("7"), Decimal("10")), ("Mới", Decimal("5"), None)])
    pci = next(s for s in index_series() if s.index == "pci")
    assert [r.year for r in pci.results] == [2022, 2023]
    assert pci.components == [
        ("Tiếp cận đất đai", Decimal("7"), Decimal("6"), Decimal("10")),
        ("Mới", Decimal("5"), None, None),
    ]
    assert pci.sources == ["VCCI"]
