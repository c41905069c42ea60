"""The province's dossier history: the rows of dossiers.csv and supplements.csv (interchange.md).

At scale 1 the year 2024 (15/12/2023–14/12/2024) gives exactly the seed report's figures under
statistics.md §2 and §7; at scale S every figure is round(figure × S), the identities of §2 kept
(``scaled_figures``). How:

1. Every dossier gets a *role* first: new in the period and then resolved early / on time / late
   or in process at the end (within the deadline / overdue); carried over into the period and
   one of the same five; received before the period and ended before it ("old"); received after
   the period ("after"). How many of each role are received on each day is fixed up front
   (``_plan``), in proportion to what is plausible on that day: a dossier received two days
   before the end of the period is more likely to be still in process than to be late.
2. Day by day, each dossier draws its channel (new ones from an urn holding exactly the online,
   direct and postal counts), a procedure offered on that channel, an agency, an instant of
   receipt, its due date (working time exactly as ``motcua.calendar.rules`` computes it), maybe
   supplement pauses, and an end that gives it its role. A procedure that cannot give the role
   (a four-hour limit cannot end early) is drawn again.
3. The digitization flags of new dossiers come from an urn holding exactly the digitized count.

Rows are produced one day at a time, so memory does not grow with the scale.
"""

import datetime as dt
import math
import random
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from itertools import repeat

from motcua.demo.generator import targets
from motcua.demo.generator.content import is_written
from motcua.demo.generator.model import ProvinceData
from motcua.demo.generator.rng import stream
from motcua.demo.generator.worktime import CLOSE, DAY, OPEN, WorkTime

F, T = targets.PERIOD_START, targets.PERIOD_END
LAST = targets.HISTORY_END
ONE_DAY = dt.timedelta(days=1)
UTC_OFFSET = dt.timedelta(hours=7)

DOSSIER_COLUMNS = (
    "code",
    "procedure_code",
    "agency_code",
    "channel",
    "received_at",
    "due_at",
    "ended_at",
    "outcome",
    "returned_at",
    "components_digitized",
    "result_digitized",
    "reused_data",
    "paid_online",
)
SUPPLEMENT_COLUMNS = ("dossier_code", "requested_at", "received_at")

# Roles (see the module docstring). New ones end in the period or are in process at T; carried
# ones ("c_…") were received before F.
RESOLVED = ("early", "on_time", "late")
IN_PROCESS = ("within", "overdue")
CARRIED_PREFIX = "c_"
OLD, AFTER = "old", "after"

# Shares of dossiers by level (a commune desk handles many small certifications).
LEVEL_SHARES = {"province": 0.3, "district": 0.3, "commune": 0.4}
# Channels of dossiers outside the period's new ones (old, carried over, after).
CHANNEL_SHARES = {"online": 0.59, "direct": 0.39, "postal": 0.02}
OUTCOMES = (("approved", 0.935), ("refused", 0.025), ("stopped", 0.015), ("withdrawn", 0.025))
# Busier months (before Tết, year end) and quieter ones; weekends and holidays see a few
# dossiers (Saturday-morning service at the centres).
MONTH_FACTORS = {1: 1.15, 2: 0.8, 3: 1.0, 4: 0.95, 5: 1.0, 6: 1.0, 7: 1.05, 8: 1.0, 9: 0.95}
MONTH_FACTORS |= {10: 1.0, 11: 1.05, 12: 1.1}
SATURDAY_WEIGHT, OTHER_DAY_OFF_WEIGHT = 0.06, 0.01
SUPPLEMENT_SHARE = 0.07  # ended dossiers that had to be supplemented
SECOND_SUPPLEMENT_SHARE = 0.12  # of those, a second request
BUSY_FACTOR = 20  # how much more often the everyday procedures are asked for
RARE_CAP = 3.0  # and no specialised procedure is as busy as they are
OPEN_SUPPLEMENT_SHARE = 0.1  # in process within the deadline only thanks to an open request
ENDED_AFTER_T_SHARE = 0.4  # dossiers in process at T that ended before the history ends
# At the end of the history a working desk has finished what is not recent: a dossier is still
# open only within its deadline or late by at most OPEN_GRACE (a few more stay longer), and a
# result waits at the desk only when it came in the last RETURN_GRACE days.
OPEN_GRACE = dt.timedelta(days=7)
STILL_OPEN_SHARE = 0.02  # of the older ones (a long-overdue dossier, a dispute)
STILL_AWAITING_SHARE = 0.2  # of the older ones waiting for the applicant's supplement
RETURN_GRACE = dt.timedelta(days=7)
SETTLE_WINDOW = dt.timedelta(days=45)  # longer than T + 1 … LAST: the 2024 history is as before


class FiguresError(ValueError):
    """The scale is too small for the figures to keep their identities."""


def _half_up(value: float) -> int:
    return math.floor(value + 0.5)


@dataclass(frozen=True)
class DossierFigures:
    """statistics.md §2 and §7 for the year 2024, at some scale."""

    carried_over: int
    online: int
    direct: int
    postal: int
    early: int
    on_time: int
    late: int
    within: int
    overdue: int
    digitized: int

    @property
    def new(self) -> int:
        return self.online + self.direct + self.postal

    @property
    def received(self) -> int:
        return self.new + self.carried_over

    @property
    def resolved(self) -> int:
        return self.early + self.on_time + self.late

    @property
    def in_process(self) -> int:
        return self.within + self.overdue


def scaled_figures(scale: float) -> DossierFigures:
    """Every figure round(figure × scale); the figures that close an identity take the
    rounding remainder so that every identity of §2 holds exactly."""

    def r(value: int) -> int:
        return _half_up(value * scale)

    received = r(targets.DOSSIERS_RECEIVED)
    new = r(sum(targets.DOSSIERS_NEW.values()))
    online, postal = r(targets.DOSSIERS_NEW["online"]), r(targets.DOSSIERS_NEW["postal"])
    resolved = r(sum(targets.DOSSIERS_RESOLVED.values()))
    early, late = r(targets.DOSSIERS_RESOLVED["early"]), r(targets.DOSSIERS_RESOLVED["late"])
    overdue = r(targets.DOSSIERS_IN_PROCESS["overdue"])
    figures = DossierFigures(
        carried_over=received - new,
        online=online,
        direct=new - online - postal,
        postal=postal,
        early=early,
        on_time=resolved - early - late,
        late=late,
        within=received - resolved - overdue,
        overdue=overdue,
        digitized=(new * targets.DIGITIZED_PER_MILLE + 500) // 1000,
    )
    if min(vars(figures).values()) < 0:
        raise FiguresError(
            f"Hệ số quy mô {scale} quá nhỏ / Scale {scale} is too small for the dossier figures"
        )
    return figures


def role_counts(figures: DossierFigures) -> tuple[dict[str, int], dict[str, int]]:
    """(new roles, carried-over roles) with their exact counts. Most carried-over dossiers end
    early in the first weeks of the period; a few stay open all year."""
    carried = figures.carried_over
    c_within = min(carried, _half_up(figures.within * 0.005))
    c_overdue = min(carried - c_within, _half_up(figures.overdue * 0.3))
    c_resolved = carried - c_within - c_overdue
    c_late = min(c_resolved, _half_up(figures.late * 0.12))
    c_on_time = min(c_resolved - c_late, _half_up(c_resolved * 0.22), figures.on_time)
    c_early = c_resolved - c_late - c_on_time
    carried_roles = {
        "early": c_early,
        "on_time": c_on_time,
        "late": c_late,
        "within": c_within,
        "overdue": c_overdue,
    }
    totals = {
        "early": figures.early,
        "on_time": figures.on_time,
        "late": figures.late,
        "within": figures.within,
        "overdue": figures.overdue,
    }
    new_roles = {role: totals[role] - carried_roles[role] for role in totals}
    if min(new_roles.values()) < 0:
        raise FiguresError(
            f"Quy mô quá nhỏ / Scale too small to split the carried-over dossiers: {new_roles}"
        )
    return new_roles, {CARRIED_PREFIX + role: n for role, n in carried_roles.items()}


def apportion(total: int, weights: Sequence[float], caps: Sequence[int]) -> list[int]:
    """``total`` split over slots in proportion to ``weights`` (largest remainders, ties to the
    first slot), none above its cap; what capped slots cannot take goes to the others. When no
    slot with weight has room left, the rest goes by room."""
    result = [0] * len(weights)
    weights = list(weights)
    remaining = total
    while remaining > 0:
        open_slots = [i for i, w in enumerate(weights) if w > 0 and result[i] < caps[i]]
        if not open_slots:
            open_slots = [i for i in range(len(weights)) if result[i] < caps[i]]
            if not open_slots:
                raise FiguresError(f"{total} không chia được / cannot place {total}")
            for i in open_slots:
                weights[i] = caps[i] - result[i]
        weight_sum = sum(weights[i] for i in open_slots)
        exact = {i: remaining * weights[i] / weight_sum for i in open_slots}
        shares = {i: int(exact[i]) for i in open_slots}
        left = remaining - sum(shares.values())
        for i in sorted(open_slots, key=lambda i: (shares[i] - exact[i], i))[:left]:
            shares[i] += 1
        for i in open_slots:
            given = min(shares[i], caps[i] - result[i])
            result[i] += given
            remaining -= given
    return result


@dataclass(frozen=True, slots=True)
class _Procedure:
    code: str
    level: str
    agency_code: str
    limit: Decimal | None
    unit: str
    fee: int
    days: float  # the limit in working days, roughly (calendar days × 5/7); inf without limit


class _Pool:
    """Procedures weighted by popularity; ``pick`` with a uniform number in [0, 1)."""

    def __init__(self, items: list[tuple[_Procedure, float]]):
        self.items = [p for p, _w in items]
        self.cumulative = []
        total = 0.0
        for _p, w in items:
            total += w
            self.cumulative.append(total)
        self.total = total

    def pick(self, u: float) -> _Procedure:
        index = bisect_right(self.cumulative, u * self.total)
        return self.items[min(index, len(self.items) - 1)]

    def where(self, keep) -> "_Pool | None":
        items = [(p, w) for p, w in zip(self.items, self.weights(), strict=True) if keep(p)]
        return _Pool(items) if items else None

    def weights(self) -> list[float]:
        return [b - a for a, b in zip([0.0, *self.cumulative], self.cumulative, strict=False)]


@dataclass(slots=True)
class _Dossier:
    received: dt.datetime
    procedure: _Procedure
    agency: str
    channel: str
    due: dt.datetime | None
    ended: dt.datetime | None
    supplements: tuple[tuple[dt.datetime, dt.datetime | None], ...]
    outcome: str = ""
    returned: dt.datetime | None = None
    flags: tuple[int, int, int, int] = (0, 0, 0, 0)


class _Urn:
    """Exact counts drawn without replacement: after ``sum(counts)`` draws every one is out."""

    def __init__(self, counts: dict[str, int]):
        self.counts = dict(counts)
        self.total = sum(counts.values())

    def draw(self, rng: random.Random) -> str:
        pick = int(rng.random() * self.total)
        for key, count in self.counts.items():
            if pick < count:
                self.take(key)
                return key
            pick -= count
        raise AssertionError("urn is empty")

    def take(self, key: str) -> None:
        self.counts[key] -= 1
        self.total -= 1

    def put_back(self, key: str) -> None:
        self.counts[key] += 1
        self.total += 1


def _day_weight(day: dt.date, work: WorkTime) -> float:
    if work.is_working(day):
        return MONTH_FACTORS[day.month]
    return SATURDAY_WEIGHT if day.weekday() == 5 else OTHER_DAY_OFF_WEIGHT


def _dates(first: dt.date, last: dt.date) -> list[dt.date]:
    return [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]


class History:
    """One run of the history for ``data`` (seed, scale, catalog, agencies)."""

    def __init__(self, data: ProvinceData):
        self.rng = stream(data.seed, "dossiers")
        # Its own stream, so that settling the end of the history leaves every figure's draws
        # (``self.rng``) as they were.
        self.settling = stream(data.seed, "dossiers-settled")
        # The day the desk's work on the history ends (the demo: today): older open dossiers are
        # settled by then; no dossier is received after the history's own end (LAST).
        self.settle_until = max(data.settle_until or LAST, LAST)
        self.work = WorkTime(targets.HISTORY_START - ONE_DAY * 7, self.settle_until + ONE_DAY * 400)
        self.figures = scaled_figures(data.scale)
        self.new_roles, self.carried_roles = role_counts(self.figures)
        self._build_pools(data)
        self._build_agencies(data)
        self.channel_urn = _Urn(
            {"online": self.figures.online, "direct": self.figures.direct}
            | {"postal": self.figures.postal}
        )
        new = self.figures.new
        self.digitized_urn = _Urn(
            {"yes": self.figures.digitized, "no": new - self.figures.digitized}
        )

    # ---- set-up -----------------------------------------------------------------------------

    def _build_pools(self, data: ProvinceData) -> None:
        rng = self.rng
        procedures = []
        for p in data.procedures:
            if not p.is_active:
                continue
            if p.processing_days is None:
                days = math.inf
            elif p.day_unit == "calendar":
                days = float(p.processing_days) * 5 / 7
            else:
                days = float(p.processing_days)
            item = _Procedure(
                p.code, p.level, p.agency_code, p.processing_days, p.day_unit, p.fee_vnd, days
            )
            weight = rng.lognormvariate(0, 1.2)
            if is_written(p.name):
                # Certification, civil status, land, construction, business registration:
                # what a province's desks receive most (and what the catalog writes in full).
                weight *= BUSY_FACTOR
            else:
                weight = min(weight, RARE_CAP)
            procedures.append((item, p.online_level != "none", weight))
        level_sum: dict[str, float] = {}
        for item, _online, w in procedures:
            level_sum[item.level] = level_sum.get(item.level, 0.0) + w
        weighted = [
            (item, online, w * LEVEL_SHARES[item.level] / level_sum[item.level])
            for item, online, w in procedures
        ]
        self.pools = {
            "any": _Pool([(item, w) for item, _online, w in weighted]),
            "online": _Pool([(item, w) for item, online, w in weighted if online]),
        }
        # Where to look when the popular procedures cannot give a role on some day.
        self.fallbacks = {}
        for name, pool in self.pools.items():
            longest = max(p.days for p in pool.items if p.limit is not None)
            self.fallbacks[name] = {
                "no_limit": pool.where(lambda p: p.limit is None),
                "short": pool.where(lambda p: p.days <= 2),
                "long": pool.where(lambda p: 20 <= p.days < math.inf),
                "longest": pool.where(lambda p, top=longest: p.days == top),
            }
        pool = self.pools["any"]
        weights = pool.weights()
        self.reach = [  # share of dossiers with a time limit of more than k working days
            sum(w for p, w in zip(pool.items, weights, strict=True) if k < p.days < math.inf)
            / pool.total
            for k in range(400)
        ]
        self.no_limit = (
            sum(w for p, w in zip(pool.items, weights, strict=True) if p.limit is None) / pool.total
        )

    def _build_agencies(self, data: ProvinceData) -> None:
        rng = self.rng
        by_kind: dict[str, list[tuple[str, float]]] = {"district": [], "commune": []}
        communes_of: dict[str, int] = {}
        for a in data.agencies:
            if a.kind == "commune":
                communes_of[a.parent_code] = communes_of.get(a.parent_code, 0) + 1
        for a in data.agencies:
            if a.kind == "district":
                by_kind["district"].append(
                    (a.code, communes_of.get(a.code, 1) * rng.uniform(0.7, 1.3))
                )
            elif a.kind == "commune":
                by_kind["commune"].append((a.code, rng.uniform(0.4, 2.0)))
        self.agencies = {}
        for kind, items in by_kind.items():
            cumulative, total = [], 0.0
            for _code, w in items:
                total += w
                cumulative.append(total)
            self.agencies[kind] = ([code for code, _w in items], cumulative, total)

    def _agency(self, procedure: _Procedure) -> str:
        if procedure.level == "province":
            return procedure.agency_code
        codes, cumulative, total = self.agencies[procedure.level]
        index = bisect_right(cumulative, self.rng.random() * total)
        return codes[min(index, len(codes) - 1)]

    # ---- the plan: roles per day of receipt --------------------------------------------------

    def plan(self) -> list[tuple[dt.date, list[str]]]:
        """For every day of the history, the roles of the dossiers received that day."""
        work, reach = self.work, self.reach

        def k_of(day: dt.date, end: dt.date) -> int:
            return min(work.working_days_between(day, end), len(reach) - 1)

        period = _dates(F, T)
        period_weights = [_day_weight(d, work) for d in period]
        new_total = self.figures.new
        per_day = apportion(new_total, period_weights, [new_total] * len(period))
        rate = new_total / sum(period_weights)

        # New dossiers: the in-process ones near the end, late ones away from it.
        # Dossiers without a time limit are within the deadline whenever they are in process;
        # few stay open for long.
        ks = [k_of(d, T) for d in period]
        no_limit = self.no_limit
        roles_new = {
            "overdue": [float(10 <= k <= 150) for k in ks],
            "within": [reach[k] + 0.03 * no_limit for k in ks],
            "late": [(1 - reach[k] - no_limit) * (k >= 3) for k in ks],
            "on_time": [1 - reach[k] + 0.02 for k in ks],
        }
        period_roles = self._fill(period, per_day, self.new_roles, roles_new, filler="early")

        # Before the period: carried over (mostly received shortly before F) and old ones.
        before = _dates(targets.HISTORY_START, F - ONE_DAY)
        before_weights = [_day_weight(d, work) for d in before]
        carried = self.figures.carried_over
        before_total = max(_half_up(rate * sum(before_weights)), math.ceil(carried / 0.9) + 1)
        before_per_day = apportion(before_total, before_weights, [before_total] * len(before))
        ks = [k_of(d, F - ONE_DAY) for d in before]
        roles_before = {
            "c_within": [1.0] * len(before),
            "c_overdue": [1.0] * len(before),
            "c_early": [reach[min(k + 1, len(reach) - 1)] for k in ks],
            "c_on_time": [reach[k] + no_limit + 0.02 for k in ks],
            "c_late": [0.2 + 1 - reach[k] - no_limit for k in ks],
        }
        counts = dict(self.carried_roles)
        counts[OLD] = before_total - carried
        before_roles = self._fill(before, before_per_day, counts, roles_before, filler=OLD)

        # After the period: received from T + 1 to the end of the history.
        after = _dates(T + ONE_DAY, LAST)
        after_weights = [_day_weight(d, work) for d in after]
        after_total = _half_up(rate * sum(after_weights))
        after_per_day = apportion(after_total, after_weights, [after_total] * len(after))
        after_per_day[0] = max(after_per_day[0], 1)  # the day after T is an edge worth having
        after_roles = [(d, [AFTER] * n) for d, n in zip(after, after_per_day, strict=True)]
        return before_roles + period_roles + after_roles

    def _fill(self, days, per_day, counts, weights, *, filler):
        room = list(per_day)
        roles: list[list[str]] = [[] for _ in days]
        for role, role_weights in weights.items():
            shares = apportion(
                counts[role], [w * n for w, n in zip(role_weights, per_day, strict=True)], room
            )
            for i, n in enumerate(shares):
                roles[i] += [role] * n
                room[i] -= n
        for i, n in enumerate(room):
            roles[i] += [filler] * n
        return list(zip(days, roles, strict=True))

    # ---- one dossier ----------------------------------------------------------------------

    def _time_of_day(self, working: bool, *, office: bool, early: bool) -> int:
        """Seconds after midnight of an instant of receipt."""
        rng = self.rng
        if early:
            return 6 * 3600 + 15 * 60 + int(rng.random() * 45 * 60)
        if not working:
            return int(7.5 * 3600) + int(rng.random() * 4 * 3600)
        u = 1.0 if office else rng.random()
        if u < 0.004:
            return 6 * 3600 + 15 * 60 + int(rng.random() * 45 * 60)
        if u < 0.012:
            return int(11.5 * 3600) + int(rng.random() * 2 * 3600)
        if u < 0.02:
            return CLOSE + int(rng.random() * 90 * 60)
        offset = int(rng.random() * DAY)
        morning = 4.5 * 3600
        return OPEN + offset if offset < morning else 13 * 3600 + 1800 + offset - int(morning)

    def _instant_on(self, day: dt.date, after: dt.datetime) -> dt.datetime:
        """An instant on ``day`` later than ``after``: office hours mostly."""
        rng = self.rng
        midnight = dt.datetime.combine(day, dt.time())
        if day > after.date():
            # An early-morning end, before the office opens (more often on F, an edge).
            if rng.random() < (0.05 if day == F else 0.002):
                seconds = int(5.5 * 3600) + int(rng.random() * 90 * 60)
            elif self.work.is_working(day):
                seconds = self._time_of_day(True, office=True, early=False)
            else:
                seconds = 8 * 3600 + int(rng.random() * 3 * 3600)
            return midnight + dt.timedelta(seconds=seconds)
        floor = after.hour * 3600 + after.minute * 60 + after.second
        top = min(max(CLOSE + 1800, floor + 1800), 86_340)
        return midnight + dt.timedelta(
            seconds=floor + 60 + int(rng.random() * max(1, top - floor - 60))
        )

    def _pick_day(self, first: dt.date, last: dt.date, *, near_first: bool = False) -> dt.date:
        u = self.rng.random()
        day = self.work.working_day_in(u**3 if near_first else u, first, last)
        return first if day is None else day

    def _supplements(self, received, due, *, chance):
        """Supplement pauses during processing: (pauses, when the last one ended, new due)."""
        rng, work = self.rng, self.work
        if rng.random() >= chance:
            return (), received, due
        pauses = []
        latest = received
        count = 2 if rng.random() < SECOND_SUPPLEMENT_SHARE else 1
        for _ in range(count):
            start = work.position(latest)
            span = work.position(due) - start if due is not None else 5 * DAY
            if span <= 600:
                break
            requested_at = start + 300 + int(rng.random() * max(1, int(span * 0.6)))
            supplied_at = requested_at + 1800 + int(rng.random() * 6 * DAY)
            requested, supplied = work.start_instant(requested_at), work.start_instant(supplied_at)
            if due is not None:
                due = work.extend(due, work.between(requested, supplied))
            pauses.append((requested, supplied))
            latest = supplied
        return tuple(pauses), latest, due

    def _resolved_end(self, role: str, after: dt.datetime, due) -> dt.datetime | None:
        """An end in the period giving ``role`` (early / on time / late), later than ``after``."""
        first = max(after.date(), F)
        if role == "early":
            if due is None or first > min(due.date() - ONE_DAY, T):
                return None
            day = self._pick_day(first, min(due.date() - ONE_DAY, T))
        elif role == "on_time":
            if due is None:
                if first > T:
                    return None
                day = self._pick_day(first, min(T, first + dt.timedelta(days=45)))
            elif first <= due.date() <= T:
                day = due.date()
            else:
                return None
        else:
            if due is None or max(first, due.date() + ONE_DAY) > T:
                return None
            day = self._pick_day(max(first, due.date() + ONE_DAY), T, near_first=True)
        return self._instant_on(day, after)

    def _end_after_t(self, after: dt.datetime) -> dt.datetime | None:
        """An end after T (the dossier was still in process at T), or None (still open)."""
        rng = self.rng
        if rng.random() >= ENDED_AFTER_T_SHARE:
            return None
        edge = dt.datetime.combine(T + ONE_DAY, dt.time(5, 30))
        if rng.random() < 0.03 and after < edge:  # 05:30–06:59 on T + 1: a day after T locally
            return edge + dt.timedelta(seconds=int(rng.random() * 90 * 60))
        first = max(T + ONE_DAY, after.date())
        if first > LAST:
            return None
        return self._instant_on(self._pick_day(first, LAST), after)

    def _shape(self, role: str, received: dt.datetime, due, *, pause: str):
        """(due, ended, pauses) giving ``role`` to a dossier received at ``received`` with the
        intake due date ``due``, or None if this procedure cannot give it. ``pause`` says how a
        dossier in process at T may be within the deadline: "no" (by its due date only),
        "only" (only by a supplement request open at T), "allow" (either)."""
        rng, work = self.rng, self.work
        kind = role.removeprefix(CARRIED_PREFIX)
        if kind in RESOLVED:
            pauses, latest, moved = self._supplements(received, due, chance=SUPPLEMENT_SHARE)
            ended = self._resolved_end(kind, latest, moved)
            if ended is None and pauses:
                pauses, latest, moved = (), received, due
                ended = self._resolved_end(kind, latest, moved)
            return None if ended is None else (moved, ended, pauses)
        if kind == "within":
            if due is None or due.date() >= T:
                return None if pause == "only" else (due, self._end_after_t(received), ())
            if pause == "no":
                return None
            # Within the deadline only because a supplement request is open at the end of T.
            start, stop = work.position(received), work.position(due)
            requested = work.start_instant(
                start + 300 + int(rng.random() * max(1, stop - start - 300))
            )
            if requested.date() > T:
                return None
            if rng.random() < 0.25:
                supplied = self._instant_on(self._pick_day(T + ONE_DAY, LAST), requested)
                moved = work.extend(due, work.between(requested, supplied))
                ended = self._end_after_t(supplied)
                return moved, ended, ((requested, supplied),)
            return due, None, ((requested, None),)
        if kind == "overdue":
            if due is None or due.date() >= T:
                return None
            return due, self._end_after_t(received), ()
        if kind == OLD:
            pauses, latest, moved = self._supplements(received, due, chance=SUPPLEMENT_SHARE)
            if latest.date() >= F:
                pauses, latest, moved = (), received, due
            last = F - ONE_DAY
            if moved is not None and moved.date() > latest.date() and rng.random() < 0.75:
                last = min(last, moved.date() - ONE_DAY)
            return moved, self._instant_on(self._pick_day(latest.date(), last), latest), pauses
        # AFTER: received after T; some end before the history does.
        if rng.random() < 0.5:
            return due, None, ()
        limit_day = due.date() if due is not None else received.date() + dt.timedelta(days=20)
        last = min(LAST, max(limit_day, received.date()))
        return due, self._instant_on(self._pick_day(received.date(), last), received), ()

    def _fallback(self, role: str, channel: str):
        kind = role.removeprefix(CARRIED_PREFIX)
        pools = self.fallbacks["online" if channel == "online" else "any"]
        order = {
            "early": ("long", "longest"),
            "on_time": ("no_limit", "short"),
            "late": ("short",),
            "overdue": ("short",),
            "within": ("no_limit", "long"),
        }.get(kind, ())
        return [pools[name] for name in order if pools[name] is not None]

    def _attempts(self, role: str, channel: str) -> Iterator[tuple[_Pool, str]]:
        """(pool to draw the procedure from, ``pause`` mode of ``_shape``) per attempt: the
        popular procedures first, then those that can give the role; an open supplement request
        keeps a dossier within the deadline for some on purpose, and for the rest only when
        nothing else fits."""
        main = self.pools["online" if channel == "online" else "any"]
        if role.endswith("within"):
            share = 0.5 if role.startswith(CARRIED_PREFIX) else OPEN_SUPPLEMENT_SHARE
            if self.rng.random() < share:
                yield from repeat((main, "only"), 10)
        yield from repeat((main, "no"), 30)
        for pool in self._fallback(role, channel):
            yield from repeat((pool, "no"), 15)
        if role.endswith("within"):
            yield from repeat((main, "allow"), 15)

    def _try(self, role, midnight, working, channel, *, early_morning):
        rng = self.rng
        for attempt, (pool, pause) in enumerate(self._attempts(role, channel)):
            procedure = pool.pick(rng.random())
            seconds = self._time_of_day(working, office=attempt >= 30, early=early_morning)
            received = midnight + dt.timedelta(seconds=seconds)
            due = self.work.due(received, procedure.limit, procedure.unit)
            shaped = self._shape(role, received, due, pause=pause)
            if shaped is not None:
                moved, ended, pauses = shaped
                agency = self._agency(procedure)
                return _Dossier(received, procedure, agency, channel, moved, ended, pauses)
        return None

    def _dossier(self, role: str, midnight, working, *, early_morning) -> _Dossier:
        rng = self.rng
        is_new = role in RESOLVED or role in IN_PROCESS
        if is_new:
            channel = self.channel_urn.draw(rng)
            dossier = self._try(role, midnight, working, channel, early_morning=early_morning)
            if dossier is None:  # e.g. on time on T, a Saturday: only a procedure without limit
                self.channel_urn.put_back(channel)
                for other in ("direct", "postal", "online"):
                    if other != channel and self.channel_urn.counts[other] > 0:
                        dossier = self._try(role, midnight, working, other, early_morning=False)
                        if dossier is not None:
                            self.channel_urn.take(other)
                            break
        else:
            channel = rng.choices(tuple(CHANNEL_SHARES), tuple(CHANNEL_SHARES.values()))[0]
            dossier = self._try(role, midnight, working, channel, early_morning=early_morning)
        if dossier is None:
            raise AssertionError(f"no dossier can be {role} received on {midnight:%d/%m/%Y}")
        self._finish(dossier, is_new=is_new)
        return dossier

    @staticmethod
    def _outcome(u: float) -> str:
        for outcome, share in OUTCOMES:
            if u < share:
                return outcome
            u -= share
        return OUTCOMES[0][0]

    def _finish(self, d: _Dossier, *, is_new: bool) -> None:
        """Outcome, return of the result and the electronic-data flags."""
        rng, work = self.rng, self.work
        if d.ended is not None:
            d.outcome = outcome = self._outcome(rng.random())
            if (outcome == "approved" and rng.random() < 0.93) or (
                outcome == "refused" and rng.random() < 0.7
            ):
                position = work.position(d.ended) + 600 + int(rng.random() * 3 * DAY)
                returned = work.start_instant(position)
                if returned.date() <= LAST:
                    d.returned = returned
        approved = d.outcome == "approved"
        approved_by_t = approved and d.ended is not None and d.ended.date() <= T
        if is_new:
            # §7: digitized = components digitized and, if approved by T, the result too.
            if self.digitized_urn.draw(rng) == "yes":
                components = 1
                result = 1 if approved_by_t else int(approved and rng.random() < 0.85)
            elif approved_by_t and rng.random() < 0.4:
                components, result = 1, 0
            else:
                components, result = 0, int(approved and rng.random() < 0.7)
        else:
            components = int(rng.random() < 0.7)
            result = int(approved and rng.random() < 0.8)
        reused = int(rng.random() < (0.38 if components else 0.03))
        paid = int(d.procedure.fee > 0 and rng.random() < (0.62 if d.channel == "online" else 0.07))
        d.flags = (components, result, reused, paid)

    # ---- the end of the history --------------------------------------------------------------

    def _settled_by(self, first: dt.date) -> dt.date:
        """A desk clears what is left within SETTLE_WINDOW of ``first``, not over the years to
        ``settle_until`` (which would make the later years' figures look like neglect)."""
        return min(first + SETTLE_WINDOW, self.settle_until)

    def _settle(self, d: _Dossier) -> None:
        """What a working desk has done by ``settle_until`` (the end of the history, or the
        demo's today): a dossier received long ago and still open then is ended after T (so
        every figure of the period is unchanged: it was in process at T), its open supplement
        request answered after T; a result that is not recent has been handed over."""
        main, self.rng = self.rng, self.settling
        try:
            rng, work = self.rng, self.work
            if d.ended is None:
                waiting = [requested for requested, supplied in d.supplements if supplied is None]
                horizon = d.due or d.received + dt.timedelta(days=20)
                share = STILL_AWAITING_SHARE if waiting else STILL_OPEN_SHARE
                if horizon.date() < self.settle_until - OPEN_GRACE and rng.random() >= share:
                    # After the applicant's last supplement.
                    after = max([d.received, *(s for _r, s in d.supplements if s is not None)])
                    if waiting:
                        requested = waiting[0]
                        since = max(T + ONE_DAY, requested.date())
                        day = self._pick_day(since, self._settled_by(since))
                        supplied = self._instant_on(day, requested)
                        paused = work.between(requested, supplied)
                        d.due = work.extend(d.due, paused) if d.due is not None else None
                        d.supplements = tuple(
                            (r, supplied if r == requested else s) for r, s in d.supplements
                        )
                        after = supplied
                    first = max(T + ONE_DAY, after.date())
                    day = self._pick_day(first, self._settled_by(first), near_first=True)
                    d.ended = self._instant_on(day, after)
                    d.outcome = self._outcome(rng.random())
            if (
                d.ended is not None
                and d.returned is None
                and d.outcome in ("approved", "refused")
                and d.ended.date() < self.settle_until - RETURN_GRACE
            ):
                position = work.position(d.ended) + 600 + int(rng.random() * 3 * DAY)
                returned = work.start_instant(position)
                if returned.date() <= self.settle_until:
                    d.returned = returned
        finally:
            self.rng = main

    # ---- rows -------------------------------------------------------------------------------

    def _text(self, instant: dt.datetime | None) -> str:
        """ISO 8601 with +07:00; early-morning instants (and a few others) in UTC, where they
        fall on the previous date: the import must use the local date."""
        if instant is None:
            return ""
        if instant.hour < 7 or self.rng.random() < 0.01:
            return (instant - UTC_OFFSET).isoformat() + "Z"
        return instant.isoformat() + "+07:00"

    def rows(self, supplements: list[tuple[str, ...]]) -> Iterator[tuple]:
        """dossiers.csv rows, day by day; the supplements.csv rows are appended to
        ``supplements`` along the way."""
        rng, text = self.rng, self._text
        edges = {F, T + ONE_DAY}
        for day, roles in self.plan():
            rng.shuffle(roles)
            midnight = dt.datetime.combine(day, dt.time())
            working = self.work.is_working(day)
            dossiers = [
                self._dossier(role, midnight, working, early_morning=i == 0 and day in edges)
                for i, role in enumerate(roles)
            ]
            for d in dossiers:
                self._settle(d)
            dossiers.sort(key=lambda d: d.received)
            sequence: dict[str, int] = {}
            stamp = f"{day:%y%m%d}"
            for d in dossiers:
                number = sequence[d.agency] = sequence.get(d.agency, 0) + 1
                code = f"{d.agency}-{stamp}-{number:04d}"
                for requested, supplied in d.supplements:
                    supplements.append((code, text(requested), text(supplied)))
                yield (
                    code,
                    d.procedure.code,
                    d.agency,
                    d.channel,
                    text(d.received),
                    text(d.due),
                    text(d.ended),
                    d.outcome,
                    text(d.returned),
                    *d.flags,
                )
