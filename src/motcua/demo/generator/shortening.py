"""Shortenings of processing time (rút ngắn thời gian giải quyết), solved so that the savings
model of statistics.md §6 gives the seed's figures exactly.

The 49 shortenings of 1970/QĐ-UBND get random time savings and volumes; the volumes are then
scaled, and the last row (one day saved) absorbs the remainder, so that Σ (days_before −
days_after) × annual_dossiers is a number of dossier-days whose saving rounds to 980 million VND
(and to 20 million per procedure). Shortenings approved in 2023 and after the period's end make
the period boundaries matter.
"""

import random
from decimal import Decimal

from motcua.demo.generator import targets
from motcua.demo.generator.model import Decision, Procedure, Shortening

# Shortenings under the other two decisions: (decision date before / after the period, by level).
_OLDER_BY_LEVEL = {"province": 4, "district": 3, "commune": 1}
_LATER_BY_LEVEL = {"province": 2, "district": 1, "commune": 0}
# Dossiers a year of a shortened procedure, before scaling: (low, high) per level.
_VOLUME = {"province": (10, 400), "district": (30, 800), "commune": (50, 1500)}


def _eligible(procedure: Procedure) -> bool:
    """A procedure in force whose time limit is a whole number of working days, at least 2."""
    days = procedure.processing_days
    return (
        procedure.is_active
        and days is not None
        and days == days.to_integral_value()
        and days >= 2
        and procedure.day_unit == "working"
    )


def _pick(
    rng: random.Random, procedures: list[Procedure], by_level: dict[str, int], taken: set[str]
) -> list[Procedure]:
    chosen = []
    for level in targets.LEVELS:
        pool = [p for p in procedures if p.level == level and _eligible(p) and p.code not in taken]
        chosen += rng.sample(pool, by_level[level])
    taken.update(p.code for p in chosen)
    return chosen


def _shorten(procedure: Procedure, saved: int) -> tuple[int, int]:
    """The procedure now has the shortened time limit; returns (before, after)."""
    before = int(procedure.processing_days)
    after = before - saved
    procedure.processing_days = Decimal(after)
    return before, after


def _saved_days(rng: random.Random, procedure: Procedure) -> int:
    before = int(procedure.processing_days)
    return rng.randint(1, max(1, before * 2 // 5))


def _volumes(rng: random.Random, saved: list[int], levels: list[str], total: int) -> list[int]:
    """Dossiers a year per shortened procedure with Σ saved × dossiers = ``total``; the last
    procedure saves one day and takes the remainder."""
    raw = [rng.randint(*_VOLUME[level]) for level in levels]
    reserve = rng.randint(40, 120)
    weight = sum(s * r for s, r in zip(saved[:-1], raw[:-1], strict=True))
    volumes = [max(1, r * (total - reserve) // weight) for r in raw[:-1]]
    while (rest := total - sum(s * v for s, v in zip(saved[:-1], volumes, strict=True))) < 1:
        largest = max(range(len(volumes)), key=volumes.__getitem__)
        volumes[largest] -= 1
    return volumes + [rest]


def build_shortenings(
    rng: random.Random, procedures: list[Procedure], decisions: list[Decision]
) -> list[Shortening]:
    others = [d for d in decisions if d.kind == "other" and d.number != targets.SHORTENING_DECISION]
    older = next(d for d in others if d.date < targets.PERIOD_START)
    later = next(d for d in others if d.date > targets.PERIOD_END)
    taken: set[str] = set()

    main = _pick(rng, procedures, targets.SHORTENED_BY_LEVEL, taken)
    rng.shuffle(main)
    saved = [_saved_days(rng, p) for p in main[:-1]] + [1]
    dossier_days = rng.choice(targets.SAVED_DOSSIER_DAYS)
    volumes = _volumes(rng, saved, [p.level for p in main], dossier_days)
    shortenings = [
        Shortening(p.code, targets.SHORTENING_DECISION, *_shorten(p, s), volume)
        for p, s, volume in zip(main, saved, volumes, strict=True)
    ]
    for decision, by_level in ((older, _OLDER_BY_LEVEL), (later, _LATER_BY_LEVEL)):
        for p in _pick(rng, procedures, by_level, taken):
            s = _saved_days(rng, p)
            shortenings.append(
                Shortening(p.code, decision.number, *_shorten(p, s), rng.randint(*_VOLUME[p.level]))
            )
    return shortenings
