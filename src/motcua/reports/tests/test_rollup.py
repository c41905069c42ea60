"""The form 06 rollup (``reports/rollups.py``) on random data: ``form06``, its breakdown by
agency, the monthly flows and the digitization counts (§7), read from the rollup, equal the same
figures counted from the dossiers (``form06_direct``, ``digitization_counts_direct``: the
conditions the drill-down filters by) for random periods and
agencies, also after random changes written straight to the table (as an import or an
administrator would), and a recount from the table gives back the rows the triggers kept."""

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection, transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from motcua.agencies.models import Agency
from motcua.dossiers.models import Dossier, SupplementRequest
from motcua.dossiers.workflow import Channel, Outcome, State
from motcua.reports.models import SettlementCount
from motcua.reports.rollups import rollup_install, rollup_rebuild, rollup_suspended
from motcua.reports.selectors.digitization import (
    digitization_counts,
    digitization_counts_direct,
)
from motcua.reports.selectors.dossiers import (
    form06,
    form06_breakdown,
    form06_direct,
    form06_flows,
)
from motcua.reports.tests.form06_data import Setting, build_dossier, make_setting
from motcua.reports.tests.test_form06_properties import (
    ORIGIN,
    Row,
    insert,
    instant,
    instants,
    rows,
)
from motcua.utils.periods import Period

FIRST_DAY = dt.date(2023, 12, 1)
# Periods from 1 December 2023 to 20 February 2024: days at either end of the reporting months
# (15 Dec – 14 Jan, 15 Jan – 14 Feb) and whole ones, as the official periods are.
periods = st.one_of(
    st.sampled_from(
        [
            Period.for_month(2024, 1),
            Period.for_month(2024, 2),
            Period(dt.date(2023, 12, 15), dt.date(2024, 2, 14)),
            Period(dt.date(2024, 1, 1), dt.date(2024, 1, 31)),
        ]
    ),
    st.tuples(st.integers(0, 80), st.integers(0, 30)).map(
        lambda pair: Period(
            FIRST_DAY + dt.timedelta(days=pair[0]),
            FIRST_DAY + dt.timedelta(days=pair[0] + pair[1]),
        )
    ),
)
# A change written straight to a dossier: (which dossier, what, an instant or a choice).
changes = st.tuples(
    st.integers(min_value=0, max_value=1000),
    st.sampled_from(
        ["end", "reopen", "due", "receive", "agency", "channel", "delete", "ask", "flags"]
    ),
    instants,
    st.integers(min_value=0, max_value=3),
    st.integers(min_value=0, max_value=15),
)
# The four digitization flags of a dossier (§7), as bits.
FLAGS = ("components_digitized", "result_digitized", "reused_data", "paid_online")


def flags_of(bits: int) -> dict[str, bool]:
    return {name: bool(bits >> i & 1) for i, name in enumerate(FLAGS)}


def change(setting: Setting, dossiers: list[Dossier], what: tuple) -> None:
    index, kind, at, choice, bits = what
    dossier = dossiers[index % len(dossiers)]
    if not Dossier.objects.filter(pk=dossier.pk).exists():
        return
    dossier.refresh_from_db()
    moment = instant(at)
    assert moment is not None
    if kind == "end" and dossier.received_at is not None:
        dossier.ended_at = max(moment, dossier.received_at)
        dossier.outcome = list(Outcome)[choice % len(Outcome)]
    elif kind == "reopen":
        dossier.ended_at, dossier.outcome = None, ""
    elif kind == "due":
        dossier.due_at = None if choice == 0 else moment
    elif kind == "receive":
        dossier.received_at = moment if dossier.ended_at is None else dossier.received_at
        dossier.state = State.PROCESSING
    elif kind == "agency":
        dossier.agency = setting.agencies[choice]
    elif kind == "channel":
        dossier.channel = list(Channel)[choice % len(Channel)]
    elif kind == "flags":
        for name, value in flags_of(bits).items():
            setattr(dossier, name, value)
    elif kind == "delete":
        dossier.delete()
        return
    elif kind == "ask":
        SupplementRequest.objects.create(
            dossier=dossier, requested_at=moment, supplied_at=None if choice else moment
        )
        return
    dossier.save()


def assert_rollup_equals_dossiers(period: Period, setting: Setting, choice: int) -> None:
    agency = [None, *setting.agencies][choice % 5]
    for children in (True, False):
        assert form06(period, agency=agency, include_children=children) == form06_direct(
            period, agency=agency, include_children=children
        ), (period, agency, children)
    whole = form06_direct(period)
    by_agency = form06_breakdown(period, "agency")
    for row in by_agency:
        # A unit is the province for its own dossiers, or a child with everything below it.
        unit = Agency.objects.get(code=row.key)
        children = unit.parent_id is not None
        assert row.figures == form06_direct(period, agency=unit, include_children=children)
    assert digitization_counts(period, agency=agency) == digitization_counts_direct(
        period, agency=agency
    ), (period, agency)
    months = [Period.for_month(2024, 1), Period.for_month(2024, 2), period]
    for month, flows in zip(months, form06_flows(months, agency=agency), strict=True):
        direct = form06_direct(month, agency=agency)
        assert flows == {"received": direct["received"], "resolved": direct["resolved"]}
    assert sum(row.figures["received"]["total"] for row in by_agency) == whole["received"]["total"]


def kept_rows() -> set[tuple]:
    """The rollup's rows that count something (a difference can leave a row of zeros)."""
    columns = [f.name for f in SettlementCount._meta.fields if f.name != "id"]
    return {
        row
        for row in SettlementCount.objects.values_list(*columns)
        if any(value for value in row[3:])
    }


@pytest.fixture
def setting(db) -> Setting:
    return make_setting()


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    generated=st.lists(rows, min_size=1, max_size=30),
    flags=st.lists(st.integers(min_value=0, max_value=15), max_size=30),
    edits=st.lists(changes, max_size=12),
    period=periods,
    agency=st.integers(min_value=0, max_value=4),
)
def test_rollup_equals_the_dossiers_before_and_after_changes(
    setting, generated: list[Row], flags, edits, period, agency
):
    with transaction.atomic():
        insert(setting, generated)
        # The generated rows carry no flags: set them as an UPDATE of the table would.
        for pk, bits in zip(
            Dossier.objects.order_by("pk").values_list("pk", flat=True), flags, strict=False
        ):
            Dossier.objects.filter(pk=pk).update(**flags_of(bits))
        assert_rollup_equals_dossiers(period, setting, agency)

        dossiers = list(Dossier.objects.order_by("pk"))
        for edit in edits:
            change(setting, dossiers, edit)
        assert_rollup_equals_dossiers(period, setting, agency)

        kept = kept_rows()
        rollup_rebuild()
        assert kept_rows() == kept
        transaction.set_rollback(True)


def test_a_queryset_update_and_a_bulk_delete_are_counted(setting):
    received = ORIGIN + dt.timedelta(days=20)
    Dossier.objects.bulk_create(
        build_dossier(setting, received_at=received, due_at=received + dt.timedelta(days=5))
        for _ in range(3)
    )
    period = Period(dt.date(2024, 1, 1), dt.date(2024, 1, 31))
    assert form06(period)["received"]["new"] == 3

    ended = received + dt.timedelta(days=10)
    Dossier.objects.filter(pk__in=Dossier.objects.order_by("pk").values("pk")[:2]).update(
        ended_at=ended, ended_on=ended.date(), outcome=Outcome.APPROVED
    )
    assert form06(period)["resolved"] == {"total": 2, "early": 0, "on_time": 0, "late": 2}
    assert form06(period) == form06_direct(period)

    Dossier.objects.all().delete()
    assert form06(period) == form06_direct(period)
    assert form06(period)["received"]["total"] == 0


def test_install_replaces_missing_triggers_and_recounts(setting):
    received = ORIGIN + dt.timedelta(days=20)
    Dossier.objects.bulk_create(
        build_dossier(setting, received_at=received, ended_at=received, outcome=Outcome.APPROVED)
        for _ in range(2)
    )
    period = Period(dt.date(2024, 1, 1), dt.date(2024, 1, 31))
    with connection.cursor() as cursor:  # as a migration rebuilding the table on SQLite would
        for name in _trigger_names(cursor):
            cursor.execute(_drop(name))
    SettlementCount.objects.all().delete()
    assert form06(period)["received"]["total"] == 0  # the rollup is gone

    assert rollup_install() is True
    assert form06(period) == form06_direct(period)
    assert form06(period)["resolved"]["total"] == 2
    assert rollup_install() is False  # in place: nothing to do


def test_a_suspended_bulk_write_is_recounted_at_the_end(setting):
    received = ORIGIN + dt.timedelta(days=20)
    period = Period(dt.date(2024, 1, 1), dt.date(2024, 1, 31))
    with transaction.atomic(), rollup_suspended():
        Dossier.objects.bulk_create(build_dossier(setting, received_at=received) for _ in range(4))
        assert not SettlementCount.objects.filter(received__gt=0).exists()
    assert form06(period)["received"]["new"] == 4
    assert form06(period) == form06_direct(period)
    with connection.cursor() as cursor:
        assert len(_trigger_names(cursor)) >= 2  # back in place


def test_the_application_role_loads_in_bulk_and_its_writes_count(setting):
    """PostgreSQL: suspending needs no DDL (the application's role owns no table), and only the
    loading transaction stops counting."""
    if connection.vendor != "postgresql":
        pytest.skip("database roles exist on PostgreSQL only")
    call_command(
        "db", "grant-app-role", "--role", "motcua_rollup_app", "--create", stdout=StringIO()
    )
    received = ORIGIN + dt.timedelta(days=20)
    period = Period(dt.date(2024, 1, 1), dt.date(2024, 1, 31))
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL ROLE motcua_rollup_app")
        with rollup_suspended():
            Dossier.objects.bulk_create(
                build_dossier(setting, received_at=received) for _ in range(3)
            )
        Dossier.objects.bulk_create([build_dossier(setting, received_at=received)])
        assert form06(period)["received"]["new"] == 4
    assert form06(period) == form06_direct(period)


def test_the_rebuild_command(setting):
    received = ORIGIN + dt.timedelta(days=20)
    Dossier.objects.bulk_create(build_dossier(setting, received_at=received) for _ in range(2))
    SettlementCount.objects.update(received=7)  # a damaged rollup
    out = StringIO()

    call_command("report", "rebuild-rollups", stdout=out)

    assert "rebuilt" in out.getvalue()
    period = Period(dt.date(2024, 1, 1), dt.date(2024, 1, 31))
    assert form06(period) == form06_direct(period)


def _trigger_names(cursor) -> list[str]:
    if connection.vendor == "postgresql":
        cursor.execute(
            "SELECT tgname FROM pg_trigger WHERE tgname LIKE 'reports_settlement%%' "
            "AND NOT tgisinternal AND tgenabled <> 'D'"
        )
    else:
        cursor.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' "
            "AND name LIKE 'reports_settlement%'"
        )
    return [name for (name,) in cursor.fetchall()]


def _drop(name: str) -> str:
    if connection.vendor == "postgresql":
        return f"DROP TRIGGER {name} ON dossiers_dossier"
    return f"DROP TRIGGER {name}"
