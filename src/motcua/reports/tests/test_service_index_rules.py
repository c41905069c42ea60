"""The scoring rules of the service index (service-index.md) at their edges: empty
denominators, the caps, the full-marks thresholds, half-up rounding to two decimals."""

from decimal import Decimal

import pytest

from motcua.reports.service_index_rules import (
    GROUPS,
    RULES,
    RULES_BY_KEY,
    TOTAL,
    index_json,
    indicator_score,
    ratio_percent,
    score_index,
)

D = Decimal


def test_the_groups_add_up_to_100():
    assert TOTAL == 100
    assert list(GROUPS) == ["publicity", "progress", "digitization", "online", "satisfaction"]
    by_group: dict[str, Decimal] = {}
    for rule in RULES:
        by_group[rule.group] = by_group.get(rule.group, D(0)) + rule.points
    # Online payment's formulas reach 6 + 2 + 2,5 = 10,5: the part is capped at its 10 points.
    assert by_group == {**GROUPS, "online": D("22.5")}


@pytest.mark.parametrize(
    ("key", "numerator", "denominator", "score"),
    [
        # max × ratio / 100 (publicity, progress, digitization at 100%)
        ("progress.on_time", 0, 0, "0"),  # no dossier: ratio 0
        ("progress.on_time", 3, 4, "15.00"),
        ("progress.on_time", 2, 3, "13.33"),  # 13,333…
        ("progress.on_time", 4, 4, "20"),
        ("publicity.complete_content", 1, 3, "0.67"),  # 0,666…
        ("digitization.components_digitized", 1, 8, "0.50"),  # 4 × 0,125
        # half up: 6 × 1/16 = 0,375 → 0,38 (half-even would also give 0,38; 2 × 1/16 = 0,125)
        ("digitization.electronic_results", 1, 16, "0.38"),
        ("publicity.complete_content", 1, 16, "0.13"),  # 0,125 → 0,13 (half-even: 0,12)
        # A: min(2, 2 × A / 0,80): full marks from 80%
        ("online.procedures_online", 4, 5, "2"),
        ("online.procedures_online", 5, 5, "2"),
        ("online.procedures_online", 1, 2, "1.25"),
        # C: min(6, 6 × C / 0,50): online share above 50% is capped
        ("online.dossiers_online", 1, 2, "6"),
        ("online.dossiers_online", 9, 10, "6"),
        ("online.dossiers_online", 1, 4, "3.00"),
        ("online.dossiers_online", 0, 7, "0"),
        # B: 4 × B
        ("online.services_used", 1, 3, "1.33"),
        # payment: 6 × A; min(2, 2,5 × B); 2,5 × C; no procedure with fees: 0
        ("online.dossiers_paid_online", 1, 3, "2.00"),
        ("online.fee_procedures_paid_online", 1, 2, "1.25"),
        ("online.fee_procedures_paid_online", 4, 5, "2"),
        ("online.fee_procedures_paid_online", 0, 0, "0"),
        ("online.fee_procedures_used", 1, 1, "2.5"),
        ("online.fee_procedures_used", 0, 0, "0"),
        # satisfaction: min(6, 6 × ratio / 0,90); 0 when nothing was evaluated
        ("satisfaction.evaluations_satisfied", 0, 0, "0"),
        ("satisfaction.evaluations_satisfied", 9, 10, "6"),
        ("satisfaction.evaluations_satisfied", 2, 5, "2.67"),  # 6 × 0,4 / 0,9 = 2,666…
        # feedback: 6 × ratio, and 6 when there was none
        ("satisfaction.feedback_on_time", 0, 0, "6"),
        ("satisfaction.feedback_satisfied", 0, 0, "6"),
        ("satisfaction.feedback_on_time", 1, 2, "3.00"),
        ("satisfaction.feedback_on_time", 0, 3, "0"),
        # reuse: full marks from 80%
        ("digitization.reused_data", 4, 5, "2"),
        ("digitization.reused_data", 9, 10, "2"),
        ("digitization.reused_data", 2, 5, "1.00"),
    ],
)
def test_indicator_score(key, numerator, denominator, score):
    assert indicator_score(RULES_BY_KEY[key], numerator, denominator) == D(score)


@pytest.mark.parametrize(("numerator", "denominator"), [(3, 2), (-1, 2), (1, -1)])
def test_impossible_counts_are_refused(numerator, denominator):
    with pytest.raises(ValueError):
        indicator_score(RULES_BY_KEY["progress.on_time"], numerator, denominator)


@pytest.mark.parametrize(
    ("numerator", "denominator", "percent"),
    [(0, 0, None), (740, 859, D("86.15")), (1, 8, D("12.50")), (1, 3, D("33.33")), (1, 1, 100)],
)
def test_ratio_percent(numerator, denominator, percent):
    assert ratio_percent(numerator, denominator) == percent


def _all(value):
    return {rule.key: value for rule in RULES}


def test_everything_full_scores_100():
    index = score_index(_all((1, 1)))
    assert index.total == 100 and index.attainable == 100 and index.lost == 0
    assert index.groups == GROUPS
    # C of payment is at 2,5 but the part is capped at 10: nothing more to gain there.
    assert index.indicator("online.fee_procedures_used").lost == 0


def test_nothing_at_all():
    """No data at all: every ratio 0, but the feedback indicators have full marks."""
    index = score_index(_all((0, 0)))
    assert index.groups["satisfaction"] == 12
    assert index.total == 12
    assert index.lost == 88
    assert index_json(index) == {
        "total": 12.0,
        "groups": {
            "publicity": 0.0,
            "progress": 0.0,
            "digitization": 0.0,
            "online": 0.0,
            "satisfaction": 12.0,
        },
    }


def test_not_computed_is_neither_zero_nor_full_marks():
    counts = _all((1, 2))
    counts["publicity.published_on_time"] = None
    counts["satisfaction.feedback_on_time"] = None
    index = score_index(counts)
    item = index.indicator("publicity.published_on_time")
    assert not item.computed and item.score is None and item.lost == 0
    assert index.group_attainable["publicity"] == 12
    assert index.group_attainable["satisfaction"] == 12
    assert index.attainable == 88


def test_payment_part_is_capped_and_points_lost_say_what_can_still_be_gained():
    counts = _all((1, 1))
    counts["online.fee_procedures_used"] = (4, 5)  # 2,5 × 0,8 = 2,00 → part 6 + 2 + 2 = 10
    index = score_index(counts)
    assert index.indicator("online.fee_procedures_used").score == 2
    assert index.groups["online"] == 22
    assert index.indicator("online.fee_procedures_used").lost == 0  # the part is at its cap
    counts["online.dossiers_paid_online"] = (1, 2)  # 3 + 2 + 2 = 7
    index = score_index(counts)
    assert index.groups["online"] == 19
    assert index.indicator("online.dossiers_paid_online").lost == 3
    assert index.indicator("online.fee_procedures_used").lost == D("0.5")


def test_groups_are_sums_of_the_rounded_scores():
    counts = _all((1, 1))
    counts["digitization.electronic_results"] = (1, 3)  # 2,00
    counts["digitization.components_digitized"] = (1, 3)  # 1,333… → 1,33
    counts["digitization.reused_data"] = (1, 3)  # 2 × (1/3) / 0,8 = 0,8333… → 0,83
    index = score_index(counts)
    assert index.groups["digitization"] == D("2.00") + D("1.33") + D("0.83") + 2 + 4 + 2 + 2
    assert index.total == sum(index.groups.values())


def test_every_indicator_must_be_given():
    counts = _all((1, 1))
    del counts["progress.on_time"]
    with pytest.raises(KeyError):
        score_index(counts)
