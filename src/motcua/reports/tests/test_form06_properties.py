"""Form 06 on random data: the §2 identities hold for the whole and for every breakdown, the
breakdowns add up to the whole, and the SQL figures equal an independent Python reading of
the definitions over the same rows."""

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from motcua.dossiers.models import Dossier, SupplementRequest
from motcua.dossiers.workflow import Channel, Outcome, State
from motcua.reports.selectors.dossiers import (
    BREAKDOWNS,
    FORM06_KEYS,
    form06,
    form06_breakdown,
    form06_total,
)
from motcua.reports.tests.form06_data import VN, Setting, build_dossier, make_setting
from motcua.utils.periods import Period

PERIOD = Period(dt.date(2024, 1, 10), dt.date(2024, 1, 20))
# Instants are drawn in minutes around the period: from 12 days before F to 12 days after T, so
# that every date comparison meets its ends, and midnight in UTC (07:00 local) often.
ORIGIN = dt.datetime(2023, 12, 29, tzinfo=dt.UTC)
SPAN = 36 * 24 * 60
DAY = 24 * 60


@dataclass(frozen=True)
class Row:
    """A generated dossier: minutes from ORIGIN (None: not set), and where it belongs."""

    received: int | None
    due: int | None
    ended: int | None  # a dossier ends after it is received: see ``ended_of``
    channel: str
    outcome: str
    agency: int
    procedure: int
    supplements: tuple[tuple[int, int | None], ...]  # (requested, supplied): ``supplied_of``


# Days (from ORIGIN) where the definitions have their edges: around F and around T.
_F_DAY = (dt.date(2024, 1, 10) - ORIGIN.date()).days
_T_DAY = (dt.date(2024, 1, 20) - ORIGIN.date()).days
edge_days = st.sampled_from([_F_DAY - 1, _F_DAY, _F_DAY + 1, _T_DAY - 1, _T_DAY, _T_DAY + 1])
# Minutes of the UTC day; 17:00 UTC is local midnight, where date mistakes hide.
edge_minutes = st.sampled_from([0, 1, 16 * 60 + 59, 17 * 60, 17 * 60 + 1, 23 * 60 + 59])
instants = st.builds(
    lambda day, minute: day * DAY + minute,
    st.one_of(edge_days, st.integers(min_value=0, max_value=SPAN // DAY)),
    st.one_of(edge_minutes, st.integers(min_value=0, max_value=DAY - 1)),
)
# Three in four dossiers accepted, and three in four of them with a due date.
mostly_instants = st.one_of(instants, instants, instants, st.none())
rows = st.builds(
    Row,
    received=mostly_instants,
    due=mostly_instants,
    ended=st.one_of(st.none(), instants),
    channel=st.sampled_from(list(Channel)),
    outcome=st.sampled_from(list(Outcome)),
    agency=st.integers(min_value=0, max_value=3),
    procedure=st.integers(min_value=0, max_value=2),
    supplements=st.lists(
        st.tuples(instants, st.one_of(st.none(), instants)),
        max_size=2,
    ).map(tuple),
)


def ended_of(row: Row) -> int | None:
    """The end of a generated dossier, never before its receipt (as the database enforces);
    drawn before it, it ends the minute it was received."""
    if row.received is None or row.ended is None:
        return None
    return max(row.ended, row.received)


def supplied_of(requested: int, supplied: int | None) -> int | None:
    return None if supplied is None else max(requested, supplied)


def instant(offset: int | None) -> dt.datetime | None:
    return None if offset is None else ORIGIN + dt.timedelta(minutes=offset)


def local_date(offset: int | None) -> dt.date | None:
    moment = instant(offset)
    return None if moment is None else moment.astimezone(VN).date()


def insert(setting: Setting, generated: list[Row]) -> None:
    dossiers = []
    for row in generated:
        received = instant(row.received)
        ended = instant(ended_of(row))
        dossiers.append(
            build_dossier(
                setting,
                received_at=received,
                due_at=instant(row.due) if received is not None else None,
                ended_at=ended,
                outcome=row.outcome if ended else "",
                channel=row.channel,
                state=None if received is not None else State.SUBMITTED,
                agency=setting.agencies[row.agency],
                procedure=setting.procedures[row.procedure],
            )
        )
    Dossier.objects.bulk_create(dossiers)
    SupplementRequest.objects.bulk_create(
        SupplementRequest(
            dossier=dossier,
            requested_at=instant(requested),
            supplied_at=instant(supplied_of(requested, supplied)),
        )
        for dossier, row in zip(dossiers, generated, strict=True)
        for requested, supplied in row.supplements
    )


# --- the reference: §2 read in plain Python, one dossier at a time ------------------------------


def reference(generated: Iterable[Row], period: Period) -> dict[str, dict[str, int]]:
    first, last = period.start, period.end
    counts: Counter[str] = Counter()
    for row in generated:
        received = local_date(row.received)
        if received is None:
            continue  # never accepted: not counted
        ended = local_date(ended_of(row))
        due = local_date(row.due)
        new = first <= received <= last
        carried = received < first and (ended is None or ended >= first)
        if not (new or carried):
            continue
        counts["received.total"] += 1
        if new:
            counts["received.new"] += 1
            counts[f"received.new_{row.channel}"] += 1
        else:
            counts["received.carried_over"] += 1
        if ended is not None and first <= ended <= last:
            counts["resolved.total"] += 1
            if due is None or ended == due:
                counts["resolved.on_time"] += 1
            elif ended < due:
                counts["resolved.early"] += 1
            else:
                counts["resolved.late"] += 1
        if ended is None or ended > last:
            counts["in_process.total"] += 1
            paused = any(
                local_date(requested) <= last
                and (supplied is None or local_date(supplied_of(requested, supplied)) > last)
                for requested, supplied in row.supplements
            )
            if due is None or due >= last or paused:
                counts["in_process.within_deadline"] += 1
            else:
                counts["in_process.overdue"] += 1
    return {
        group: {key: counts[f"{group}.{key}"] for key in keys}
        for group, keys in FORM06_KEYS.items()
    }


def group_keys(setting: Setting) -> dict[str, Callable[[Row], str]]:
    """Which breakdown row a generated dossier belongs to (agency: rolled up to the units under
    the province, the province itself keeping its own dossiers)."""
    agency_unit = {0: setting.province, 1: setting.dept, 2: setting.district, 3: setting.district}
    return {
        "agency": lambda row: agency_unit[row.agency].code,
        "level": lambda row: setting.procedures[row.procedure].level,
        "field": lambda row: setting.procedures[row.procedure].field,
        "procedure": lambda row: setting.procedures[row.procedure].code,
    }


def assert_identities(figures: dict[str, dict[str, int]]) -> None:
    received, resolved, in_process = (
        figures["received"],
        figures["resolved"],
        figures["in_process"],
    )
    assert received["total"] == received["new"] + received["carried_over"]
    assert received["total"] == resolved["total"] + in_process["total"]
    assert resolved["total"] == resolved["early"] + resolved["on_time"] + resolved["late"]
    assert in_process["total"] == in_process["within_deadline"] + in_process["overdue"]
    assert (
        received["new"] == received["new_online"] + received["new_direct"] + received["new_postal"]
    )


@pytest.fixture
def setting(db) -> Setting:
    return make_setting()


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(generated=st.lists(rows, min_size=1, max_size=40))
def test_identities_breakdowns_and_reference(setting, generated):
    # Each example inserts its rows in a savepoint rolled back at the end, so examples never see
    # each other's dossiers.
    with transaction.atomic():
        insert(setting, generated)

        whole = form06(PERIOD)
        assert whole == reference(generated, PERIOD)
        assert_identities(whole)

        keys = group_keys(setting)
        for by in BREAKDOWNS:
            breakdown = form06_breakdown(PERIOD, by)
            assert form06_total(breakdown) == whole, by
            for row in breakdown:
                assert_identities(row.figures)
                members = [r for r in generated if keys[by](r) == row.key]
                assert row.figures == reference(members, PERIOD), (by, row.key)
                assert row.figures["received"]["total"] > 0

        transaction.set_rollback(True)
