"""The evaluation indicators the system knows, computed from the dossier's facts (issue #8 §3).

Of the 9 official indicators (Decree 61/2018/NĐ-CP art. 33, scored 0/1/2 points each by Circular
01/2018/TT-VPCP), five are facts the system records and are computed here, never typed:

- ``total_time``: the whole settlement vs the time limit, compared by *date* like the statistics
  (statistics.md §2): ended before the due date → 2 (early), on the due date or no due date → 1
  (on time), after it → 0 (late).
- ``agency_time``: each agency's step vs its step budget, by date: every finished step on or
  before its own due date → 2; one or more late → 0 (the circular has no middle score for this
  indicator; a dossier without timed steps scores 2).
- ``visits`` (times the applicant had to come back to complete the dossier): the number of
  supplement requests: none → 2, one → 1, two or more → 0.
- ``agencies_contacted``: the distinct agencies the dossier went through (the settling agency and
  every step's agency): one → 2, two → 1, three or more → 0.
- ``online``: submitted online for a full online service → 2; submitted online for a partial
  online service → 1; submitted at the desk or by post → 0.

The applicant scores the four others (``APPLICANT_INDICATORS``). Everything here is pure: the
caller reads the facts from the database (``facts_of`` in services) and passes them in.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

COMPUTED_INDICATORS: tuple[str, ...] = (
    "total_time",
    "agency_time",
    "visits",
    "agencies_contacted",
    "online",
)
APPLICANT_INDICATORS: tuple[str, ...] = ("one_stop", "publicity", "attitude", "feedback_handling")
MAX_TOTAL = 18
SATISFIED_TOTAL = 15  # "satisfied": a total of at least 15 of 18 (statistics.md §9)


@dataclass(frozen=True)
class StepTiming:
    """One step's local dates: when it was due and when it finished (None: not finished)."""

    due_on: dt.date | None
    finished_on: dt.date | None


@dataclass(frozen=True)
class EvaluationFacts:
    """What the computed indicators depend on; dates are local dates (statistics.md §1)."""

    ended_on: dt.date | None
    due_on: dt.date | None
    steps: tuple[StepTiming, ...] = ()
    supplement_requests: int = 0
    agencies: frozenset[int] = field(default_factory=frozenset)
    channel: str = "direct"
    online_level: str = "none"


def total_time_points(ended_on: dt.date | None, due_on: dt.date | None) -> int:
    if ended_on is None or due_on is None or ended_on == due_on:
        return 1
    return 2 if ended_on < due_on else 0


def agency_time_points(steps: tuple[StepTiming, ...]) -> int:
    late = [
        s
        for s in steps
        if s.due_on is not None and s.finished_on is not None and s.finished_on > s.due_on
    ]
    return 0 if late else 2


def visits_points(supplement_requests: int) -> int:
    return 2 if supplement_requests == 0 else 1 if supplement_requests == 1 else 0


def agencies_points(agencies: int) -> int:
    return 2 if agencies <= 1 else 1 if agencies == 2 else 0


def online_points(channel: str, online_level: str) -> int:
    if channel != "online":
        return 0
    return 2 if online_level == "full" else 1


def computed_scores(facts: EvaluationFacts) -> dict[str, int]:
    """The five system-known indicators' points, in ``COMPUTED_INDICATORS`` order."""
    return {
        "total_time": total_time_points(facts.ended_on, facts.due_on),
        "agency_time": agency_time_points(facts.steps),
        "visits": visits_points(facts.supplement_requests),
        "agencies_contacted": agencies_points(len(facts.agencies)),
        "online": online_points(facts.channel, facts.online_level),
    }


def explanations(facts: EvaluationFacts) -> dict[str, str]:
    """The facts behind each computed score, as stored with the evaluation (Vietnamese)."""
    late_steps = sum(
        1
        for s in facts.steps
        if s.due_on is not None and s.finished_on is not None and s.finished_on > s.due_on
    )
    return {
        "total_time": (
            f"Kết thúc {facts.ended_on:%d/%m/%Y}, hạn {facts.due_on:%d/%m/%Y}"
            if facts.ended_on and facts.due_on
            else "Không có hạn giải quyết"
        ),
        "agency_time": f"{late_steps}/{len(facts.steps)} bước quá hạn",
        "visits": f"{facts.supplement_requests} lần yêu cầu bổ sung",
        "agencies_contacted": f"{max(len(facts.agencies), 1)} cơ quan",
        "online": (
            "Nộp trực tuyến ("
            + ("toàn trình" if facts.online_level == "full" else "một phần")
            + ")"
            if facts.channel == "online"
            else "Không nộp trực tuyến"
        ),
    }


def is_satisfied(total: int) -> bool:
    return total >= SATISFIED_TOTAL
