"""Table tests of the computed evaluation indicators (``evaluation_rules``), pure: no database."""

import datetime as dt

import pytest

from motcua.dossiers.evaluation_rules import (
    APPLICANT_INDICATORS,
    COMPUTED_INDICATORS,
    EvaluationFacts,
    StepTiming,
    agencies_points,
    agency_time_points,
    computed_scores,
    explanations,
    is_satisfied,
    online_points,
    total_time_points,
    visits_points,
)
from motcua.dossiers.models import INDICATORS

D = dt.date


def test_the_nine_indicators_are_split_five_computed_four_scored():
    assert set(COMPUTED_INDICATORS) | set(APPLICANT_INDICATORS) == {n for n, _ in INDICATORS}
    assert not set(COMPUTED_INDICATORS) & set(APPLICANT_INDICATORS)


@pytest.mark.parametrize(
    ("ended", "due", "points"),
    [
        (D(2024, 3, 12), D(2024, 3, 13), 2),  # a day early
        (D(2024, 3, 13), D(2024, 3, 13), 1),  # on the due date (any hour): on time
        (D(2024, 3, 14), D(2024, 3, 13), 0),  # a day late
        (D(2024, 1, 2), D(2024, 12, 31), 2),
        (D(2024, 3, 13), None, 1),  # no due date: on time, like the statistics
        (None, D(2024, 3, 13), 1),  # not ended (cannot happen at evaluation): neutral
    ],
)
def test_total_time_compares_dates_like_the_statistics(ended, due, points):
    assert total_time_points(ended, due) == points


@pytest.mark.parametrize(
    ("steps", "points"),
    [
        ((), 2),  # no timed step
        ((StepTiming(D(2024, 3, 5), D(2024, 3, 4)),), 2),  # early
        ((StepTiming(D(2024, 3, 5), D(2024, 3, 5)),), 2),  # on its due date
        ((StepTiming(D(2024, 3, 5), D(2024, 3, 6)),), 0),  # a day late
        (
            (
                StepTiming(D(2024, 3, 5), D(2024, 3, 5)),
                StepTiming(D(2024, 3, 8), D(2024, 3, 9)),  # the second agency late
            ),
            0,
        ),
        ((StepTiming(None, D(2024, 3, 9)), StepTiming(D(2024, 3, 8), None)), 2),  # untimed
    ],
)
def test_agency_time_is_each_step_against_its_budget(steps, points):
    assert agency_time_points(steps) == points


@pytest.mark.parametrize(("requests", "points"), [(0, 2), (1, 1), (2, 0), (3, 0), (7, 0)])
def test_visits_count_the_supplement_requests(requests, points):
    assert visits_points(requests) == points


@pytest.mark.parametrize(("agencies", "points"), [(0, 2), (1, 2), (2, 1), (3, 0), (5, 0)])
def test_agencies_contacted(agencies, points):
    assert agencies_points(agencies) == points


@pytest.mark.parametrize(
    ("channel", "level", "points"),
    [
        ("online", "full", 2),
        ("online", "partial", 1),
        ("direct", "full", 0),  # the service exists but the applicant came to the desk
        ("direct", "none", 0),
        ("postal", "partial", 0),
    ],
)
def test_online_service(channel, level, points):
    assert online_points(channel, level) == points


def test_computed_scores_and_their_explanations():
    facts = EvaluationFacts(
        ended_on=D(2024, 3, 13),
        due_on=D(2024, 3, 13),
        steps=(StepTiming(D(2024, 3, 5), D(2024, 3, 6)), StepTiming(D(2024, 3, 13), None)),
        supplement_requests=1,
        agencies=frozenset({4, 9}),
        channel="online",
        online_level="partial",
    )
    assert computed_scores(facts) == {
        "total_time": 1,
        "agency_time": 0,
        "visits": 1,
        "agencies_contacted": 1,
        "online": 1,
    }
    assert explanations(facts) == {
        "total_time": "Kết thúc 13/03/2024, hạn 13/03/2024",
        "agency_time": "1/2 bước quá hạn",
        "visits": "1 lần yêu cầu bổ sung",
        "agencies_contacted": "2 cơ quan",
        "online": "Nộp trực tuyến (một phần)",
    }


@pytest.mark.parametrize(("total", "satisfied"), [(18, True), (15, True), (14, False), (0, False)])
def test_satisfied_is_at_least_15_of_18(total, satisfied):
    assert is_satisfied(total) is satisfied
