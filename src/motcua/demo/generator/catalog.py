"""The procedure catalog: which procedures exist at which level, their codes, time limits, fees,
publication decisions and online services.

Names come from ``data.catalog_*``: a line may expand into several names (``[a|b]``), ``!``
marks a procedure always in force, ``~`` one abolished for good. Besides those, some procedures
in force also have an abolished older code under the same name, as when the national catalog
re-publishes a procedure under a new code.
"""

import random
import re
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from motcua.demo.generator import targets
from motcua.demo.generator.data.catalog_lower import (
    COMMUNE_FIELDS,
    DISTRICT_FIELDS,
    LOCAL_PROCEDURES,
)
from motcua.demo.generator.data.catalog_province import PROVINCE_FIELDS
from motcua.demo.generator.data.places import DEPARTMENTS, NO_ONLINE_DEPARTMENTS
from motcua.demo.generator.decisions import Topic, publishes_field
from motcua.demo.generator.model import Decision, Procedure

_ALTERNATIVES = re.compile(r"\[([^\[\]]*)\]")

# Statutory time limits in working days, weighted, per level.
_DAYS = {
    "province": ([3, 5, 7, 10, 12, 15, 20, 25, 30, 45], [6, 12, 10, 18, 6, 14, 10, 5, 12, 3]),
    "district": ([1, 2, 3, 5, 7, 10, 15, 20, 30], [4, 5, 10, 14, 12, 18, 12, 10, 8]),
    "commune": ([1, 2, 3, 5, 7, 10], [20, 15, 22, 20, 10, 8]),
}
# Fees and charges: (share that is free, amounts otherwise).
_FEES = {
    "province": (
        0.45,
        [
            20_000,
            50_000,
            100_000,
            150_000,
            200_000,
            300_000,
            500_000,
            1_000_000,
            1_500_000,
            3_000_000,
            4_500_000,
        ],
    ),
    "district": (0.6, [10_000, 20_000, 30_000, 50_000, 100_000, 150_000, 500_000]),
    "commune": (0.75, [2_000, 5_000, 8_000, 10_000, 20_000, 50_000]),
}
NO_TIME_LIMIT_SHARE = 0.04
CALENDAR_DAYS_SHARE = 0.03
HALF_DAY_SHARE = 0.03  # commune procedures settled within the working day ("0,5 ngày")
ABOLISHED_ONLINE_SHARE = 0.3


@dataclass(frozen=True)
class Template:
    level: str
    field: str
    department: str  # key in places.DEPARTMENTS; empty below province level
    name: str
    always: bool = False  # "!": always in force
    gone: bool = False  # "~": abolished for good


def expand(line: str) -> list[str]:
    """``"Cấp [a|b] x"`` → ``["Cấp a x", "Cấp b x"]``; several groups multiply."""
    match = _ALTERNATIVES.search(line)
    if not match:
        return [line]
    head, tail = line[: match.start()], line[match.end() :]
    return [name for alt in match.group(1).split("|") for name in expand(head + alt + tail)]


def templates(level: str) -> list[Template]:
    """The central procedures of ``level``, one per distinct name, in data order."""
    if level == "province":
        entries = [(field, dept, lines) for field, dept, lines in PROVINCE_FIELDS]
    else:
        fields = DISTRICT_FIELDS if level == "district" else COMMUNE_FIELDS
        entries = [(field, "", lines) for field, lines in fields]
    seen: set[str] = set()
    result = []
    for field, dept, lines in entries:
        for line in lines:
            mark, text = (line[0], line[1:]) if line[0] in "!~" else ("", line)
            for name in expand(text):
                if name not in seen:
                    seen.add(name)
                    result.append(Template(level, field, dept, name, mark == "!", mark == "~"))
    return result


def publication_topics() -> tuple[list[Topic], list[int]]:
    """What publication decisions are about, weighted by the number of procedures."""
    dept_names = dict(DEPARTMENTS)
    managers = {
        "district": "thẩm quyền giải quyết của UBND cấp huyện trên địa bàn tỉnh Bình Thuận",
        "commune": "thẩm quyền giải quyết của UBND cấp xã trên địa bàn tỉnh Bình Thuận",
    }
    weights: dict[Topic, int] = defaultdict(int)
    for level in targets.LEVELS:
        for t in templates(level):
            manager = (
                f"phạm vi chức năng quản lý của {dept_names[t.department]}"
                if t.department
                else managers[level]
            )
            weights[(t.field, manager)] += 1
    topics = list(weights)
    return topics, [weights[t] for t in topics]


class CodeBook:
    """National procedure codes (1.001612.000.00.00.H12) and local ones (2.000123.H12)."""

    def __init__(self, rng: random.Random, province_code: str) -> None:
        self.rng = rng
        self.province_code = province_code
        self.used: set[str] = set()

    def _unique(self, make) -> str:
        while (code := make()) in self.used:
            pass
        self.used.add(code)
        return code

    def national(self) -> str:
        def make() -> str:
            if self.rng.random() < 0.75:
                number = f"1.{self.rng.randint(100, 13_500):06d}"
            else:
                number = f"2.{self.rng.randint(1, 2_900):06d}"
            return f"{number}.000.00.00.{self.province_code}"

        return self._unique(make)

    def local(self) -> str:
        return self._unique(lambda: f"2.{self.rng.randint(1, 999):06d}.{self.province_code}")


def _time_limit(rng: random.Random, level: str) -> tuple[Decimal | None, str]:
    if rng.random() < NO_TIME_LIMIT_SHARE:
        return None, ""
    if level == "commune" and rng.random() < HALF_DAY_SHARE:
        return Decimal("0.5"), "working"
    days, weights = _DAYS[level]
    unit = "calendar" if rng.random() < CALENDAR_DAYS_SHARE else "working"
    return Decimal(rng.choices(days, weights)[0]), unit


def _fee(rng: random.Random, level: str) -> int:
    free_share, amounts = _FEES[level]
    return 0 if rng.random() < free_share else rng.choice(amounts)


class DecisionPicker:
    """The publication decision that published a procedure: one of its field when there is
    one, dated no later than the end of the 2024 period."""

    def __init__(self, rng: random.Random, decisions: list[Decision]) -> None:
        self.rng = rng
        self.published = [
            d for d in decisions if d.kind == "publication" and d.date <= targets.PERIOD_END
        ]
        self.by_field: dict[str, list[str]] = {}

    def pick(self, field: str) -> str:
        if field not in self.by_field:
            self.by_field[field] = [
                d.number for d in self.published if publishes_field(d, field)
            ] or [d.number for d in self.published]
        return self.rng.choice(self.by_field[field])


def build_procedures(
    rng: random.Random,
    *,
    province_code: str,
    department_codes: dict[str, str],
    decisions: list[Decision],
) -> list[Procedure]:
    """The whole catalog, in force and abolished, without online services yet."""
    codes = CodeBook(rng, province_code)
    picker = DecisionPicker(rng, decisions)

    def make(t: Template, *, authority: str, status: str, code: str) -> Procedure:
        days, unit = _time_limit(rng, t.level)
        return Procedure(
            code=code,
            name=t.name,
            level=t.level,
            field=t.field,
            authority=authority,
            agency_code=department_codes[t.department] if t.level == "province" else "",
            processing_days=days,
            day_unit=unit,
            fee_vnd=_fee(rng, t.level),
            status=status,
            decision_number=picker.pick(t.field),
        )

    procedures = []
    for level in targets.LEVELS:
        local = [
            Template(lv, field, dept, name)
            for lv, field, dept, name in LOCAL_PROCEDURES
            if lv == level
        ]
        local_abolished = set(
            rng.sample(range(len(local)), targets.LOCAL_ABOLISHED_BY_LEVEL[level])
        )
        for i, t in enumerate(local):
            status = "abolished" if i in local_abolished else "active"
            procedures.append(make(t, authority="local", status=status, code=codes.local()))

        pool = templates(level)
        always = [t for t in pool if t.always]
        gone = [t for t in pool if t.gone]
        optional = [t for t in pool if not (t.always or t.gone)]
        central = targets.ACTIVE_BY_LEVEL[level] - (len(local) - len(local_abolished))
        active = always + rng.sample(optional, central - len(always))
        superseded = rng.sample(active, targets.SUPERSEDED_BY_LEVEL[level])
        for t in active:
            procedures.append(make(t, authority="central", status="active", code=codes.national()))
        for t in gone + superseded:
            procedures.append(
                make(t, authority="central", status="abolished", code=codes.national())
            )
    return sorted(procedures, key=lambda p: p.code)


def assign_online_services(
    rng: random.Random, procedures: list[Procedure], department_codes: dict[str, str]
) -> None:
    """§5: make exactly the seed's online services, full and partial, per level, covering every
    department that offers any (17 of 19) and integrating exactly 740 on the national portal."""
    no_online = {department_codes[key] for key in NO_ONLINE_DEPARTMENTS}
    online: list[Procedure] = []
    for level in targets.LEVELS:
        candidates = [
            p
            for p in procedures
            if p.is_active and p.level == level and p.agency_code not in no_online
        ]
        wanted = sum(targets.ONLINE_BY_LEVEL[level].values())
        chosen: list[Procedure] = []
        if level == "province":
            # One online service per department first, so that each of them is covered.
            for key, code in department_codes.items():
                if key not in NO_ONLINE_DEPARTMENTS:
                    chosen.append(rng.choice([p for p in candidates if p.agency_code == code]))
        rest = [p for p in candidates if p not in chosen]
        chosen += rng.sample(rest, wanted - len(chosen))
        rng.shuffle(chosen)
        full = targets.ONLINE_BY_LEVEL[level]["full"]
        for i, p in enumerate(chosen):
            p.online_level = "full" if i < full else "partial"
        online += chosen
    for p in rng.sample(online, targets.NATIONAL_PORTAL):
        p.national_portal = True
    # Some abolished procedures had been online: the figures must leave them out.
    for p in procedures:
        if (
            not p.is_active
            and p.agency_code not in no_online
            and rng.random() < ABOLISHED_ONLINE_SHARE
        ):
            p.online_level = rng.choice(["full", "partial"])
            p.national_portal = rng.random() < 0.8
