"""The form 06 rollup (``SettlementCount``): counts per agency and day or reporting month, kept
exact by database triggers on the dossier table.

Why triggers, and not the services: every write of a dossier passes through them, whatever
wrote it (a service, the deadline recompute after a calendar change, an import, an
administrator's correction, a test building rows directly), and each trigger adds its change
as a difference (−1 for the old values, +1 for the new ones) with one upsert, inside the
writing transaction. Differences commute, so two officers ending dossiers of one agency at once
both count, under READ COMMITTED, without either reading the other's uncommitted rows; a
recount from the base table in a change hook would not be exact under concurrency, and would
miss every write that bypasses the services. The upsert orders its rows, so two transactions
lock them in the same order.

One SQL text per database: PostgreSQL runs it in a PL/pgSQL trigger function (``OLD`` and
``NEW`` are NULL where the operation has none), SQLite in three triggers. The same entries,
read from the table, rebuild the rollup (``rollup_rebuild``): after a bulk load that suspends
the triggers (``rollup_suspended``, the history import), and by ``motcua report
rebuild-rollups`` for repair. ``rollup_install`` (after every ``migrate``) creates the
triggers when they are missing, e.g. after SQLite rebuilt the dossier table in a migration,
and then rebuilds.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from django.db import connections

from motcua.dossiers.workflow import Outcome
from motcua.utils.periods import CUT_DAY

TABLE = "reports_settlementcount"
DOSSIERS = "dossiers_dossier"
COUNTS = (
    "received",
    "received_online",
    "received_direct",
    "received_postal",
    "ended_early",
    "ended_on_time",
    "ended_late",
    "overdue_from",
    "new_components",
    "new_reused",
    "new_paid",
    "approved",
    "approved_result",
)
# The columns whose change can change a count: an UPDATE of nothing else fires no trigger.
WATCHED = (
    "agency_id",
    "channel",
    "received_on",
    "due_on",
    "ended_on",
    "outcome",
    "components_digitized",
    "result_digitized",
    "reused_data",
    "paid_online",
)
# Bump when the SQL changes: installed triggers of another version are replaced.
VERSION = 3
# PostgreSQL: the transaction-local setting that makes the trigger function count nothing.
SUSPENDED = "motcua.rollup_suspended"
PREFIX = "reports_settlement"
APPROVED = Outcome.APPROVED.value
NAME = f"{PREFIX}_v{VERSION}"


class _Dialect:
    def __init__(self, vendor: str):
        self.postgres = vendor == "postgresql"

    def next_day(self, day: str) -> str:
        return f"({day} + 1)" if self.postgres else f"date({day}, '+1 day')"

    def later(self, a: str, b: str) -> str:
        return f"greatest({a}, {b})" if self.postgres else f"max({a}, {b})"

    def month(self, day: str) -> str:
        """The first day of the reporting month (15th to 14th, ``CUT_DAY``) holding ``day``."""
        back = CUT_DAY - 1
        if self.postgres:
            return f"(date_trunc('month', {day} - {back}) + interval '{back} days')::date"
        return f"date({day}, '-{back} days', 'start of month', '+{back} days')"


def _entries(d: _Dialect, row: str, sign: str, source: str = "") -> str:
    """What one dossier row adds (``sign`` 1) or takes away (-1): one entry per day it counts
    on, each with the counts it adds there (statistics.md §2):

    - on date(received): received, by channel; and (§7) with components digitized, with
      reused data, paid online;
    - on date(ended): ended early (< date(due)), on time (= date(due) or no due date) or late;
      and (§7) approved, approved with its result digitized;
    - on max(date(received), date(due) + 1), when it has a due date and is open or ended late:
      it becomes overdue (and stops being so on date(ended), counted as ended late there).

    Only accepted dossiers (a receipt date) count. ``row``: ``NEW``/``OLD`` in a trigger, the
    table's alias with ``source`` (``FROM …``) for a rebuild.
    """

    def one(condition: str) -> str:
        return f"CASE WHEN {condition} THEN {sign} ELSE 0 END"

    def select(day: str, values: dict[str, str], where: str) -> str:
        columns = ", ".join(f"{values.get(name, '0')} AS {name}" for name in COUNTS)
        return (
            f"SELECT {row}.agency_id AS agency_id, {day} AS day, {columns} {source} "
            f"WHERE {row}.received_on IS NOT NULL AND {where}"
        )

    r = row
    return " UNION ALL ".join(
        (
            select(
                f"{r}.received_on",
                {
                    "received": sign,
                    "received_online": one(f"{r}.channel = 'online'"),
                    "received_direct": one(f"{r}.channel = 'direct'"),
                    "received_postal": one(f"{r}.channel = 'postal'"),
                    "new_components": one(f"{r}.components_digitized"),
                    "new_reused": one(f"{r}.reused_data"),
                    "new_paid": one(f"{r}.paid_online"),
                },
                "1 = 1",
            ),
            select(
                f"{r}.ended_on",
                {
                    "ended_early": one(f"{r}.ended_on < {r}.due_on"),
                    "ended_on_time": one(f"{r}.due_on IS NULL OR {r}.ended_on = {r}.due_on"),
                    "ended_late": one(f"{r}.ended_on > {r}.due_on"),
                    "approved": one(f"{r}.outcome = '{APPROVED}'"),
                    "approved_result": one(f"{r}.outcome = '{APPROVED}' AND {r}.result_digitized"),
                },
                f"{r}.ended_on IS NOT NULL",
            ),
            select(
                d.later(f"{r}.received_on", d.next_day(f"{r}.due_on")),
                {"overdue_from": sign},
                f"{r}.due_on IS NOT NULL AND ({r}.ended_on IS NULL OR {r}.ended_on > {r}.due_on)",
            ),
        )
    )


def _apply(d: _Dialect, entries: str) -> str:
    """Add ``entries`` to the daily and the monthly rows, in one ordered upsert."""
    sums = ", ".join(f"SUM(e.{name})" for name in COUNTS)
    nonzero = " OR ".join(f"SUM(e.{name}) <> 0" for name in COUNTS)
    updates = ", ".join(f"{name} = {TABLE}.{name} + excluded.{name}" for name in COUNTS)
    bucket = f"CASE WHEN g.grain = 'D' THEN e.day ELSE {d.month('e.day')} END"
    return (
        f"INSERT INTO {TABLE} (agency_id, grain, day, {', '.join(COUNTS)}) "
        f"SELECT e.agency_id, g.grain, {bucket}, {sums} "
        f"FROM ({entries}) e CROSS JOIN (SELECT 'D' AS grain UNION ALL SELECT 'M') g "
        f"WHERE 1 = 1 GROUP BY e.agency_id, g.grain, {bucket} HAVING {nonzero} "
        f"ORDER BY 2, 1, 3 "
        f"ON CONFLICT (agency_id, grain, day) DO UPDATE SET {updates}"
    )


def _changed(old: str, new: str) -> str:
    return " OR ".join(f"{old}.{c} IS DISTINCT FROM {new}.{c}" for c in WATCHED)


def _trigger_sql(vendor: str) -> list[str]:
    d = _Dialect(vendor)
    watched = ", ".join(WATCHED)
    both = f"{_entries(d, 'OLD', '-1')} UNION ALL {_entries(d, 'NEW', '1')}"
    if d.postgres:
        return [
            # A bulk load sets SUSPENDED for its own transaction (``rollup_suspended``): no
            # DDL, so the application's role (which owns no table) can load, and nobody else's
            # writes stop counting.
            f"CREATE OR REPLACE FUNCTION {NAME}() RETURNS trigger LANGUAGE plpgsql AS $$ "
            f"BEGIN IF current_setting('{SUSPENDED}', true) = 'on' THEN RETURN NULL; END IF; "
            f"{_apply(d, both)}; RETURN NULL; END $$",
            f"CREATE TRIGGER {NAME}_rows AFTER INSERT OR DELETE ON {DOSSIERS} "
            f"FOR EACH ROW EXECUTE FUNCTION {NAME}()",
            f"CREATE TRIGGER {NAME}_update AFTER UPDATE OF {watched} ON {DOSSIERS} "
            f"FOR EACH ROW WHEN ({_changed('OLD', 'NEW')}) EXECUTE FUNCTION {NAME}()",
        ]
    # SQLite: IS NOT is its null-safe "distinct from".
    changed = _changed("OLD", "NEW").replace("IS DISTINCT FROM", "IS NOT")
    return [
        f"CREATE TRIGGER {NAME}_insert AFTER INSERT ON {DOSSIERS} FOR EACH ROW "
        f"BEGIN {_apply(d, _entries(d, 'NEW', '1'))}; END",
        f"CREATE TRIGGER {NAME}_delete AFTER DELETE ON {DOSSIERS} FOR EACH ROW "
        f"BEGIN {_apply(d, _entries(d, 'OLD', '-1'))}; END",
        f"CREATE TRIGGER {NAME}_update AFTER UPDATE OF {watched} ON {DOSSIERS} FOR EACH ROW "
        f"WHEN {changed} BEGIN {_apply(d, both)}; END",
    ]


def _expected_triggers(vendor: str) -> set[str]:
    suffixes = ("rows", "update") if vendor == "postgresql" else ("insert", "delete", "update")
    return {f"{NAME}_{suffix}" for suffix in suffixes}


def _installed_triggers(cursor, vendor: str) -> set[str]:
    if vendor == "postgresql":
        cursor.execute(
            "SELECT tgname FROM pg_trigger WHERE tgrelid = %s::regclass AND tgname LIKE %s",
            [DOSSIERS, f"{PREFIX}%"],
        )
    else:
        cursor.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = %s "
            "AND name LIKE %s",
            [DOSSIERS, f"{PREFIX}%"],
        )
    return {name for (name,) in cursor.fetchall()}


def _drop_triggers(cursor, vendor: str, names: set[str]) -> None:
    for name in sorted(names):
        if vendor == "postgresql":
            cursor.execute(f"DROP TRIGGER IF EXISTS {name} ON {DOSSIERS}")
        else:
            cursor.execute(f"DROP TRIGGER IF EXISTS {name}")


def rollup_rebuild(using: str = "default") -> None:
    """Recount the whole rollup from the dossiers: the daily rows from the table, the monthly
    rows from the daily ones."""
    connection = connections[using]
    d = _Dialect(connection.vendor)
    columns = ", ".join(COUNTS)
    sums = ", ".join(f"SUM({name})" for name in COUNTS)
    nonzero = " OR ".join(f"SUM({name}) <> 0" for name in COUNTS)
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {TABLE}")
        cursor.execute(
            f"INSERT INTO {TABLE} (agency_id, grain, day, {columns}) "
            f"SELECT e.agency_id, 'D', e.day, {', '.join(f'SUM(e.{n})' for n in COUNTS)} "
            f"FROM ({_entries(d, 'x', '1', f'FROM {DOSSIERS} x')}) e "
            f"GROUP BY e.agency_id, e.day"
        )
        cursor.execute(
            f"INSERT INTO {TABLE} (agency_id, grain, day, {columns}) "
            f"SELECT agency_id, 'M', {d.month('day')}, {sums} FROM {TABLE} WHERE grain = 'D' "
            f"GROUP BY agency_id, {d.month('day')} HAVING {nonzero}"
        )


def rollup_install(using: str = "default", *, rebuild: bool = False) -> bool:
    """Create the triggers if they are not all there in this version (replacing any other
    version), and then recount; with ``rebuild``, recount anyway. Returns whether it recounted.
    Idempotent; does nothing before the tables exist."""
    connection = connections[using]
    vendor = connection.vendor
    if vendor not in ("postgresql", "sqlite"):
        return False
    tables = set(connection.introspection.table_names())
    if not {TABLE, DOSSIERS} <= tables:
        return False
    with connection.cursor() as cursor:
        installed = _installed_triggers(cursor, vendor)
        if installed != _expected_triggers(vendor):
            _drop_triggers(cursor, vendor, installed)
            for statement in _trigger_sql(vendor):
                cursor.execute(statement)
            rebuild = True
    if rebuild:
        rollup_rebuild(using)
    return rebuild


@contextmanager
def rollup_suspended(using: str = "default") -> Iterator[None]:
    """Write dossiers in bulk without the triggers (one upsert per row would slow a load of
    hundreds of thousands of rows), then recount the rollup from the table. Use inside the
    transaction of the load: if it fails, everything is as it was.

    PostgreSQL: a setting local to this transaction tells the trigger function to count
    nothing (``SET LOCAL``: it ends with the transaction, and concerns no other session).
    SQLite: the triggers are dropped and created again, inside the transaction (one writer)."""
    connection = connections[using]
    assert connection.in_atomic_block, "rollup_suspended() belongs inside the load's transaction"
    vendor = connection.vendor
    if vendor not in ("postgresql", "sqlite"):
        yield
        return
    with connection.cursor() as cursor:
        names = _installed_triggers(cursor, vendor)
        if vendor == "postgresql":
            cursor.execute("SELECT set_config(%s, 'on', true)", [SUSPENDED])
        else:
            _drop_triggers(cursor, vendor, names)
    yield
    with connection.cursor() as cursor:
        if vendor == "postgresql":
            cursor.execute("SELECT set_config(%s, 'off', true)", [SUSPENDED])
    if names:
        rollup_install(using, rebuild=True)
