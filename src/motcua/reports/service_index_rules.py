"""The scoring rules of the national service index (Decision 766/QĐ-TTg): every indicator's
score from its numerator and denominator, the groups and the total (service-index.md).

Pure: counts in, scores out; no database, no clock. The selectors count
(``reports/selectors/service_index.py``); this module only scores.

Every formula of service-index.md is one shape, ``min(max, max × ratio / full_at)``:

- "max × ratio / 100, capped at the maximum": ``full_at`` = 100%;
- "min(2, 2 × A / 0.80)", "min(6, 6 × C / 0.50)", "min(6, 6 × ratio / 0.90)": ``full_at``
  = 80%, 50%, 90%;
- "min(2, 2.5 × B)" is 2 × B / 0.80: ``max`` 2, ``full_at`` 80%;
- "2.5 × C": ``max`` 2.5, ``full_at`` 100%.

Where the denominator is 0 the ratio is 0 (score 0) unless the document says otherwise: the
two feedback indicators score full marks "when there was none" (``when_empty="full"``).

Online payment is "10 points" while its three formulas reach 6 + 2 + 2.5 = 10.5: the part is
capped at its 10 points (``PART_CAPS``), as every score is "capped at the maximum".

Rounding: each indicator's score is rounded half up to two decimals (the portal publishes
two), a part or group is the sum of its rounded scores (capped), the total the sum of the
groups; so the rows a page shows add up to the totals it shows.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from motcua.utils.formatting import round_half_up

PLACES = 2
HUNDRED = Decimal(100)
ZERO = Decimal(0)


@dataclass(frozen=True)
class Rule:
    """One indicator: its key (``<group>.<name>``), points, the ratio from which it has full
    marks, what an empty denominator scores, and the capped part it belongs to, if any."""

    key: str
    points: Decimal
    full_at: Decimal = Decimal(1)
    when_empty: str = "zero"  # "zero" or "full"
    part: str | None = None

    @property
    def group(self) -> str:
        return self.key.split(".", 1)[0]


def _rule(key: str, points: str, full_at: str = "1", **kw: str) -> Rule:
    return Rule(key, Decimal(points), Decimal(full_at), **kw)


# The five groups, in the order and with the maxima of statistics.md §9 ``service_index``.
GROUPS: dict[str, Decimal] = {
    "publicity": Decimal(18),
    "progress": Decimal(20),
    "digitization": Decimal(22),
    "online": Decimal(22),
    "satisfaction": Decimal(18),
}
TOTAL = sum(GROUPS.values(), ZERO)  # 100

PART_CAPS: dict[str, Decimal] = {"payment": Decimal(10)}

# service-index.md, group by group, in its order.
RULES: tuple[Rule, ...] = (
    # 1. Publicity and transparency: 18
    _rule("publicity.published_on_time", "6"),
    _rule("publicity.updated_on_time", "4"),
    _rule("publicity.complete_content", "2"),
    _rule("publicity.synchronised", "6"),
    # 2. Progress of settlement: 20
    _rule("progress.on_time", "20"),
    # 3. Online public services (12) and online payment (10): 22
    _rule("online.procedures_online", "2", "0.80"),
    _rule("online.services_used", "4"),
    _rule("online.dossiers_online", "6", "0.50"),
    _rule("online.dossiers_paid_online", "6", part="payment"),
    _rule("online.fee_procedures_paid_online", "2", "0.80", part="payment"),
    _rule("online.fee_procedures_used", "2.5", part="payment"),
    # 4. Satisfaction: 18
    _rule("satisfaction.evaluations_satisfied", "6", "0.90"),
    _rule("satisfaction.feedback_on_time", "6", when_empty="full"),
    _rule("satisfaction.feedback_satisfied", "6", when_empty="full"),
    # 5. Digitization: 22
    _rule("digitization.electronic_results", "6"),
    _rule("digitization.components_digitized", "4"),
    _rule("digitization.certified_copies", "2"),
    _rule("digitization.reused_data", "2", "0.80"),
    _rule("digitization.shared_to_store", "4"),
    _rule("digitization.population_db_used", "2"),
    _rule("digitization.population_db_connected", "2"),
)
RULES_BY_KEY: dict[str, Rule] = {rule.key: rule for rule in RULES}


def ratio_percent(numerator: int, denominator: int) -> Decimal | None:
    """numerator / denominator in percent, two decimals, half up; None when the denominator is
    0 (there is no ratio to show)."""
    if not denominator:
        return None
    return round_half_up(Decimal(numerator) * HUNDRED / Decimal(denominator), PLACES)


def indicator_score(rule: Rule, numerator: int, denominator: int) -> Decimal:
    """``min(max, max × ratio / full_at)`` from the exact ratio, rounded half up to two
    decimals; an empty denominator scores 0, or full marks where the rule says so."""
    if numerator < 0 or denominator < 0 or numerator > denominator:
        raise ValueError(
            f"{rule.key}: tử số {numerator}, mẫu số {denominator} không hợp lệ / "
            f"invalid numerator {numerator} over denominator {denominator}"
        )
    if not denominator:
        return rule.points if rule.when_empty == "full" else ZERO
    raw = rule.points * Decimal(numerator) / (Decimal(denominator) * rule.full_at)
    return round_half_up(min(rule.points, raw), PLACES)


@dataclass(frozen=True)
class IndicatorScore:
    """An indicator as scored: ``computed`` False when our data cannot give it (then
    numerator, denominator, ratio and score are None, and it counts in no sum)."""

    rule: Rule
    numerator: int | None
    denominator: int | None
    ratio: Decimal | None
    score: Decimal | None
    lost: Decimal  # what full marks on this indicator alone would add to the total

    @property
    def key(self) -> str:
        return self.rule.key

    @property
    def computed(self) -> bool:
        return self.score is not None


@dataclass(frozen=True)
class IndexScore:
    """The index of one scope and period: every indicator, the groups and the total.

    ``attainable`` is the maximum of what is computed (a group's and the total's): indicators
    our data cannot give are neither 0 nor full marks, they are left out of both sides.
    """

    indicators: tuple[IndicatorScore, ...]
    groups: dict[str, Decimal]
    group_attainable: dict[str, Decimal]
    total: Decimal
    attainable: Decimal

    @property
    def lost(self) -> Decimal:
        return self.attainable - self.total

    def indicator(self, key: str) -> IndicatorScore:
        return next(item for item in self.indicators if item.key == key)


Counts = Mapping[str, tuple[int, int] | None]


def score_index(counts: Counts) -> IndexScore:
    """The index from ``counts``: indicator key → (numerator, denominator), or None for an
    indicator our data cannot give. Every key of ``RULES`` must be present."""
    missing = set(RULES_BY_KEY) - set(counts)
    unknown = set(counts) - set(RULES_BY_KEY)
    if missing or unknown:
        raise KeyError(f"missing {sorted(missing)}, unknown {sorted(unknown)}")
    scores: dict[str, Decimal | None] = {}
    for rule in RULES:
        pair = counts[rule.key]
        scores[rule.key] = None if pair is None else indicator_score(rule, *pair)

    part_sums: dict[str, Decimal] = {}
    part_maxima: dict[str, Decimal] = {}
    for rule in RULES:
        score = scores[rule.key]
        if rule.part is not None and score is not None:
            part_sums[rule.part] = part_sums.get(rule.part, ZERO) + score
            part_maxima[rule.part] = part_maxima.get(rule.part, ZERO) + rule.points

    groups = dict.fromkeys(GROUPS, ZERO)
    attainable = dict.fromkeys(GROUPS, ZERO)
    for rule in RULES:
        score = scores[rule.key]
        if score is not None and rule.part is None:
            groups[rule.group] += score
            attainable[rule.group] += rule.points
    for part, total in part_sums.items():
        group = next(rule.group for rule in RULES if rule.part == part)
        groups[group] += min(total, PART_CAPS[part])
        attainable[group] += min(part_maxima[part], PART_CAPS[part])

    indicators = []
    for rule in RULES:
        pair, score = counts[rule.key], scores[rule.key]
        if pair is None or score is None:
            indicators.append(IndicatorScore(rule, None, None, None, None, ZERO))
            continue
        lost = rule.points - score
        if rule.part is not None:
            room = PART_CAPS[rule.part] - min(part_sums[rule.part], PART_CAPS[rule.part])
            lost = min(lost, room)
        indicators.append(IndicatorScore(rule, *pair, ratio_percent(*pair), score, lost))
    return IndexScore(
        indicators=tuple(indicators),
        groups=groups,
        group_attainable=attainable,
        total=sum(groups.values(), ZERO),
        attainable=sum(attainable.values(), ZERO),
    )


def index_json(index: IndexScore) -> dict[str, object]:
    """statistics.md §9 ``service_index``: ``{"total", "groups": {...}}``, two decimals."""
    return {
        "total": float(index.total),
        "groups": {group: float(index.groups[group]) for group in GROUPS},
    }
