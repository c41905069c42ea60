"""Dossier history in the province data package: dossiers.csv and supplements.csv
(interchange.md).

A province arrives with hundreds of thousands of dossiers a year, so these two files are written
in bulk: on PostgreSQL the dossiers are streamed with COPY into a staging table and merged with
one INSERT … ON CONFLICT that only touches rows whose values differ; elsewhere they are compared
and written in batches. Imported dossiers are history (``imported``): their recorded deadline is
kept, never recomputed, and their state is derived from the recorded instants.
"""

import bisect
import datetime as dt
from collections.abc import Hashable, Iterable, Iterator
from typing import Any

from django.db import connection, models
from django.db.models import Exists, OuterRef, Subquery
from django.utils import timezone

from motcua.agencies.models import Agency
from motcua.dossiers.changes import dossiers_bulk_write
from motcua.dossiers.models import Dossier, DossierEvent, DossierStep, SupplementRequest
from motcua.dossiers.services import dossiers_adopt_imported
from motcua.dossiers.workflow import Channel, Outcome, State
from motcua.interchange.parsing import (
    LOCAL_TZ,
    format_bool,
    format_instant,
    parse_bool,
    parse_instant,
)
from motcua.interchange.spec import (
    Column,
    FileCounts,
    FileHandler,
    Problem,
    Read,
    Record,
    batched,
    choice,
    text,
)
from motcua.procedures.models import Procedure, ProcedureVersion

# The old systems' exports carry no applicant; the field is required, so history says so.
HISTORY_APPLICANT = "(dữ liệu lịch sử)"
# Online submissions never accepted and submissions refused at intake are not dossiers, and
# dossiers.csv carries accepted dossiers only (interchange.md).
NOT_ACCEPTED = (State.SUBMITTED, State.REJECTED)
# Rows per database round trip on the batch path.
WRITE_BATCH = 2000

# The Dossier columns a dossiers.csv row determines, in the order of ``DossierRows.row``.
ROW_FIELDS = (
    "code",
    "procedure_id",
    "procedure_version_id",
    "receiving_agency_id",
    "agency_id",
    "current_agency_id",
    "channel",
    "state",
    "outcome",
    "received_at",
    "due_at",
    "ended_at",
    "returned_at",
    "received_on",
    "due_on",
    "ended_on",
    "components_digitized",
    "result_digitized",
    "reused_data",
    "paid_online",
    "fee_vnd",
)


def history_state(*, outcome: str | None, returned: bool, awaiting_supplement: bool) -> State:
    """The state of an imported dossier, from what the history recorded.

    Only a result (approved or refused) is handed over in the state machine (``RETURN_RESULT``
    from ``RESOLVED``); a stopped or withdrawn dossier keeps its state even when the old system
    recorded the hand-over of the notice.
    """
    if outcome is None:
        return State.AWAITING_SUPPLEMENT if awaiting_supplement else State.PROCESSING
    if outcome in (Outcome.APPROVED, Outcome.REFUSED):
        return State.RETURNED if returned else State.RESOLVED
    return State.STOPPED if outcome == Outcome.STOPPED else State.WITHDRAWN


def local_date(instant: dt.datetime | None) -> dt.date | None:
    """The local (Asia/Ho_Chi_Minh) date of an instant: every date rule uses it."""
    return instant.astimezone(LOCAL_TZ).date() if instant is not None else None


class _LiveCodes:
    """Codes of dossiers received in this system (not imported): history must not overwrite
    them. Loaded once, on first use."""

    def __init__(self) -> None:
        self._codes: set[str] | None = None

    def __contains__(self, code: str) -> bool:
        if self._codes is None:
            self._codes = set(Dossier.objects.filter(imported=False).values_list("code", flat=True))
        return code in self._codes


LIVE_DOSSIER = (
    "là mã của một hồ sơ tiếp nhận trên hệ thống này, không phải dữ liệu lịch sử / "
    "is the code of a dossier received in this system, not history"
)


class DossiersHandler(FileHandler):
    name = "dossiers.csv"
    key_columns = ("code",)
    columns = (
        Column("code", text(Dossier, "code"), required=True),
        Column("procedure_code", text(Procedure, "code"), required=True, ref="procedures.csv"),
        Column("agency_code", text(Agency, "code"), required=True, ref="agencies.csv"),
        Column("channel", choice(Channel), required=True),
        Column("received_at", parse_instant, required=True),
        Column("due_at", parse_instant),
        Column("ended_at", parse_instant),
        Column("outcome", choice(Outcome)),
        Column("returned_at", parse_instant),
        Column("components_digitized", parse_bool, default=False),
        Column("result_digitized", parse_bool, default=False),
        Column("reused_data", parse_bool, default=False),
        Column("paid_online", parse_bool, default=False),
    )

    def __init__(self) -> None:
        self.live = _LiveCodes()

    def check(self, record: Record, line: int) -> Iterable[Problem]:
        received, ended = record["received_at"], record["ended_at"]
        returned, outcome = record["returned_at"], record["outcome"]
        if record["code"] is not None and record["code"] in self.live:
            yield "code", LIVE_DOSSIER
        if ended is not None and received is not None and ended < received:
            yield "ended_at", "trước received_at / before received_at"
        if ended is not None and outcome is None:
            yield "outcome", "bắt buộc khi có ended_at / required when ended_at is given"
        if outcome is not None and ended is None:
            yield "ended_at", "bắt buộc khi có outcome / required when outcome is given"
        if returned is not None:
            if ended is None:
                yield "returned_at", "cần có ended_at / requires ended_at"
            elif returned < ended:
                yield "returned_at", "trước ended_at / before ended_at"

    def db_keys(self) -> Iterable[Hashable]:
        return Dossier.objects.values_list("code", flat=True).iterator(chunk_size=WRITE_BATCH)

    def apply(self, read: Read) -> FileCounts:
        supplements = self.siblings.get(SupplementsHandler.name)
        awaiting = (
            supplements.awaiting_codes()
            if isinstance(supplements, SupplementsHandler)
            else SupplementsHandler().awaiting_codes()
        )
        mapping = DossierRows(awaiting_supplement=awaiting)
        rows = (mapping.row(record) for _line, record in read())
        # What is kept from the dossiers (the statistics' rollup) is set aside and recounted
        # once, not row by row.
        with dossiers_bulk_write():
            if connection.vendor == "postgresql":
                counts = _merge_by_copy(rows, now=mapping.now)
            else:
                counts = _merge_in_batches(rows, now=mapping.now)
        _close_steps_of_ended()
        # The open dossiers carry on here: their process steps, in the same transaction.
        dossiers_adopt_imported()
        return counts

    def export(self) -> Iterator[list[str]]:
        rows = (
            Dossier.objects.exclude(state__in=NOT_ACCEPTED)
            .filter(received_at__isnull=False)
            .order_by("code")
            .values_list(
                "code",
                "procedure__code",
                "agency__code",
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
        )
        for row in rows.iterator(chunk_size=WRITE_BATCH):
            code, procedure, agency, channel, received, due, ended, outcome, returned = row[:9]
            yield [
                code,
                procedure,
                agency,
                channel,
                format_instant(received),
                format_instant(due),
                format_instant(ended),
                outcome,
                format_instant(returned),
                *(format_bool(flag) for flag in row[9:]),
            ]


def _close_steps_of_ended() -> None:
    """An imported dossier the package now records as ended has no step left open: those not
    reached close at its end, as ``_end`` closes them in the services."""
    ended = Dossier.objects.filter(pk=OuterRef("dossier_id")).values("ended_at")[:1]
    DossierStep.objects.filter(
        finished_at__isnull=True, dossier__imported=True, dossier__ended_at__isnull=False
    ).update(finished_at=Subquery(ended), note="Không thực hiện (hồ sơ đã kết thúc xử lý)")


class DossierRows:
    """Turns validated dossiers.csv records into ``ROW_FIELDS`` tuples: references resolved
    to ids, state and local dates derived, the procedure version in force at receipt."""

    def __init__(self, *, awaiting_supplement: set[str]):
        self.now = timezone.now()
        self.awaiting_supplement = awaiting_supplement
        self.agencies = dict(Agency.objects.values_list("code", "id"))
        self.procedures = {
            code: (pk, fee)
            for code, pk, fee in Procedure.objects.values_list("code", "id", "fee_vnd")
        }
        # procedure id → (valid_from of each version, (version id, fee) of each), by valid_from.
        # Loaded up front, in one query: on PostgreSQL the rows are produced while COPY holds
        # the connection, so no query may run then.
        self._versions: dict[int, tuple[list[dt.datetime], list[tuple[int, int]]]] = {}
        versions = ProcedureVersion.objects.order_by("procedure_id", "valid_from", "number")
        for procedure_id, valid_from, pk, fee in versions.values_list(
            "procedure_id", "valid_from", "id", "fee_vnd"
        ).iterator():
            starts, found = self._versions.setdefault(procedure_id, ([], []))
            starts.append(valid_from)
            found.append((pk, fee))

    def version(self, procedure_id: int, at: dt.datetime) -> tuple[int, int] | None:
        """(id, fee) of the procedure's version in force at ``at``; None before the first."""
        starts, versions = self._versions.get(procedure_id, ((), ()))
        index = bisect.bisect_right(starts, at)
        return versions[index - 1] if index else None

    def row(self, record: Record) -> tuple[Any, ...]:
        code = record["code"]
        procedure_id, fee = self.procedures[record["procedure_code"]]
        agency_id = self.agencies[record["agency_code"]]
        received, due, ended = record["received_at"], record["due_at"], record["ended_at"]
        version = self.version(procedure_id, received)
        if version is not None:
            version_id, fee = version
        else:
            version_id = None
        state = history_state(
            outcome=record["outcome"],
            returned=record["returned_at"] is not None,
            awaiting_supplement=code in self.awaiting_supplement,
        )
        return (
            code,
            procedure_id,
            version_id,
            agency_id,
            agency_id,
            agency_id,
            record["channel"],
            int(state),
            record["outcome"] or "",
            received,
            due,
            ended,
            record["returned_at"],
            local_date(received),
            local_date(due),
            local_date(ended),
            record["components_digitized"],
            record["result_digitized"],
            record["reused_data"],
            record["paid_online"],
            fee,
        )


def _constant_values(now: dt.datetime) -> dict[str, Any]:
    """Values of the Dossier fields a dossiers.csv row does not determine, for new records."""
    values = {
        field.attname: field.get_default()
        for field in Dossier._meta.concrete_fields
        if not field.primary_key and field.attname not in ROW_FIELDS
    }
    values.update(applicant_name=HISTORY_APPLICANT, imported=True, created_at=now, updated_at=now)
    return values


class _Insert:
    """INSERT of new dossiers straight from ``ROW_FIELDS`` tuples, each value prepared for the
    database as the ORM would (instants, dates), without building a model instance per row."""

    def __init__(self, now: dt.datetime):
        meta = Dossier._meta
        constants = _constant_values(now)
        fields = [meta.get_field(name) for name in ROW_FIELDS]
        self.prepare = [
            field.get_db_prep_save if isinstance(field, models.DateField) else None
            for field in fields
        ]
        self.fixed = tuple(
            None if value is None else meta.get_field(name).get_db_prep_save(value, connection)
            for name, value in constants.items()
        )
        quote = connection.ops.quote_name
        columns = [*(f.column for f in fields), *(meta.get_field(n).column for n in constants)]
        self.sql = (
            f"INSERT INTO {quote(meta.db_table)} ({', '.join(quote(c) for c in columns)}) "
            f"VALUES ({', '.join(['%s'] * len(columns))})"
        )

    def params(self, row: tuple[Any, ...]) -> tuple[Any, ...]:
        return (
            *(
                value if prepare is None or value is None else prepare(value, connection)
                for prepare, value in zip(self.prepare, row, strict=True)
            ),
            *self.fixed,
        )


def _merge_in_batches(rows: Iterator[tuple[Any, ...]], *, now: dt.datetime) -> FileCounts:
    """Compare each batch with what the database holds (one query) and write the difference."""
    counts = FileCounts()
    insert = _Insert(now)
    compared = ROW_FIELDS[1:]
    for batch in batched(rows, WRITE_BATCH):
        existing = {
            values[0]: values
            for values in Dossier.objects.filter(code__in=[row[0] for row in batch], imported=True)
            .annotate(carried_on=Exists(DossierEvent.objects.filter(dossier=OuterRef("pk"))))
            .values_list(*ROW_FIELDS, "id", "carried_on")
        }
        new, changed = [], []
        for row in batch:
            old = existing.get(row[0])
            if old is None:
                new.append(insert.params(row))
            elif old[-1]:
                continue  # carried on in this system since: its history is no longer the file's
            elif old[1:-2] != row[1:]:
                values = dict(zip(ROW_FIELDS, row, strict=True))
                changed.append(Dossier(id=old[-2], updated_at=now, **values))
        if new:
            with connection.cursor() as cursor:
                cursor.executemany(insert.sql, new)
        Dossier.objects.bulk_update(changed, [*compared, "updated_at"])
        counts.created += len(new)
        counts.updated += len(changed)
        counts.unchanged += len(batch) - len(new) - len(changed)
    return counts


STAGE = "interchange_dossier_stage"
# A merge that adds at least this many dossiers, and at least a quarter of those already there,
# is a bulk load: the secondary indexes and foreign keys are dropped and rebuilt around it
# (one sort per index and one join per key instead of a million single-row updates and
# checks), as pg_restore does. Inside the import's transaction, so a failure restores them.
BULK_MIN_ROWS = 20_000


def _merge_by_copy(rows: Iterator[tuple[Any, ...]], *, now: dt.datetime) -> FileCounts:
    """PostgreSQL: COPY every row into a temporary table, then one INSERT … ON CONFLICT that
    inserts the new codes and updates only the imported dossiers whose values differ. Into an
    empty table (a province's first import) the rows are copied straight in."""
    meta = Dossier._meta
    quote = connection.ops.quote_name
    table = quote(meta.db_table)
    staged = [quote(meta.get_field(name).column) for name in ROW_FIELDS]
    if not Dossier.objects.exists():
        return _load_into_empty(rows, now=now, columns=staged)
    definitions = ", ".join(
        f"{column} {meta.get_field(name).db_type(connection)}"
        for name, column in zip(ROW_FIELDS, staged, strict=True)
    )
    constants = _constant_values(now)
    constant_columns = [quote(meta.get_field(name).column) for name in constants]
    updated = staged[1:]
    code = staged[0]
    # An imported dossier acted on in this system (it has events) carries on here: a package
    # never rewrites it.
    events = quote(DossierEvent._meta.db_table)
    merge = f"""
        WITH merged AS (
            INSERT INTO {table} AS d ({", ".join([*staged, *constant_columns])})
            SELECT {", ".join(f"s.{c}" for c in staged)}, {", ".join(["%s"] * len(constants))}
            FROM {STAGE} s
            ON CONFLICT ({code}) DO UPDATE SET
                {", ".join(f"{c} = EXCLUDED.{c}" for c in updated)},
                updated_at = EXCLUDED.updated_at
            WHERE d.imported
                AND NOT EXISTS (SELECT 1 FROM {events} e WHERE e.dossier_id = d.id)
                AND ({", ".join(f"d.{c}" for c in updated)})
                IS DISTINCT FROM ({", ".join(f"EXCLUDED.{c}" for c in updated)})
            RETURNING xmax = 0 AS created
        )
        SELECT count(*) FILTER (WHERE created), count(*) FILTER (WHERE NOT created) FROM merged
    """
    total = 0
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE IF EXISTS {STAGE}")
        cursor.execute(f"CREATE TEMPORARY TABLE {STAGE} ({definitions}) ON COMMIT DROP")
        with cursor.cursor.copy(f"COPY {STAGE} ({', '.join(staged)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
                total += 1
        cursor.execute(
            f"SELECT (SELECT count(*) FROM {STAGE} s WHERE NOT EXISTS "
            f"(SELECT 1 FROM {table} d WHERE d.{code} = s.{code})), (SELECT count(*) FROM {table})"
        )
        new, existing = cursor.fetchone()
        bulk = new >= BULK_MIN_ROWS and new * 4 >= existing
        rebuild = _drop_secondary(cursor, meta.db_table) if bulk else []
        cursor.execute(merge, list(constants.values()))
        created, updated_count = cursor.fetchone()
        for statement in rebuild:
            cursor.execute(statement)
        if bulk:
            cursor.execute(f"ANALYZE {table}")
        cursor.execute(f"DROP TABLE {STAGE}")
    return FileCounts(
        created=created, updated=updated_count, unchanged=total - created - updated_count
    )


def _load_into_empty(
    rows: Iterator[tuple[Any, ...]], *, now: dt.datetime, columns: list[str]
) -> FileCounts:
    """Nothing to compare with: COPY into the table itself, its secondary indexes and foreign
    keys dropped meanwhile, so that the database's work runs while the rows are still being
    read and converted."""
    table = connection.ops.quote_name(Dossier._meta.db_table)
    constants = _constant_values(now)
    names = [
        *columns,
        *(connection.ops.quote_name(Dossier._meta.get_field(n).column) for n in constants),
    ]
    fixed = tuple(constants.values())
    total = 0
    with connection.cursor() as cursor:
        rebuild = _drop_secondary(cursor, Dossier._meta.db_table)
        with cursor.cursor.copy(f"COPY {table} ({', '.join(names)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row + fixed)
                total += 1
        for statement in rebuild:
            cursor.execute(statement)
        cursor.execute(f"ANALYZE {table}")
    return FileCounts(created=total)


def _drop_secondary(cursor, table: str) -> list[str]:
    """Drop the non-unique indexes and the foreign keys of ``table``; the statements that
    create them again, exactly as they were (from the catalog)."""
    quoted = connection.ops.quote_name(table)
    # Tables with pending deferred checks (the agencies and procedures just written) cannot be
    # altered: check them now, as the commit would, then defer again.
    cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    cursor.execute("SET CONSTRAINTS ALL DEFERRED")
    cursor.execute(
        """
        SELECT i.relname, pg_get_indexdef(x.indexrelid)
        FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
        WHERE x.indrelid = %s::regclass AND NOT x.indisunique
        """,
        [quoted],
    )
    indexes = cursor.fetchall()
    cursor.execute(
        "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
        "WHERE conrelid = %s::regclass AND contype = 'f'",
        [quoted],
    )
    keys = cursor.fetchall()
    for name, _definition in keys:
        cursor.execute(f"ALTER TABLE {quoted} DROP CONSTRAINT {connection.ops.quote_name(name)}")
    for name, _definition in indexes:
        cursor.execute(f"DROP INDEX {connection.ops.quote_name(name)}")
    return [
        *(definition for _name, definition in indexes),
        *(
            f"ALTER TABLE {quoted} ADD CONSTRAINT {connection.ops.quote_name(name)} {definition}"
            for name, definition in keys
        ),
    ]


class SupplementsHandler(FileHandler):
    name = "supplements.csv"
    key_columns = ("dossier_code", "requested_at")
    columns = (
        Column("dossier_code", text(Dossier, "code"), required=True, ref="dossiers.csv"),
        Column("requested_at", parse_instant, required=True),
        Column("received_at", parse_instant),
    )

    def __init__(self) -> None:
        self.live = _LiveCodes()
        # Dossiers with a request still open in the file, and the requests open in the
        # database that the file closes: enough to derive the state of every dossier of the
        # package without keeping the file's rows.
        self.open_codes: set[str] = set()
        self.closed_in_database: set[tuple[str, dt.datetime]] = set()
        self._open_in_database: set[tuple[str, dt.datetime]] | None = None

    def open_in_database(self) -> set[tuple[str, dt.datetime]]:
        """(dossier code, requested_at) of the imported dossiers' requests still open."""
        if self._open_in_database is None:
            self._open_in_database = set(
                SupplementRequest.objects.filter(
                    supplied_at__isnull=True, dossier__imported=True
                ).values_list("dossier__code", "requested_at")
            )
        return self._open_in_database

    def awaiting_codes(self) -> set[str]:
        """Codes of the dossiers that will have an open request once the package is in."""
        still_open = self.open_in_database() - self.closed_in_database
        return self.open_codes | {code for code, _requested in still_open}

    def check(self, record: Record, line: int) -> Iterable[Problem]:
        code, requested, received = (
            record["dossier_code"],
            record["requested_at"],
            record["received_at"],
        )
        if received is not None and requested is not None and received < requested:
            yield "received_at", "trước requested_at / before requested_at"
        if code is None or requested is None:
            return
        if code in self.live:
            yield "dossier_code", LIVE_DOSSIER
        if received is None:
            self.open_codes.add(code)
        elif (code, requested) in self.open_in_database():
            self.closed_in_database.add((code, requested))

    def db_keys(self) -> Iterable[Hashable]:
        return ()  # no file refers to supplements

    def apply(self, read: Read) -> FileCounts:
        counts = FileCounts()
        for batch in batched((record for _line, record in read()), WRITE_BATCH):
            dossiers = dict(
                Dossier.objects.filter(code__in={r["dossier_code"] for r in batch}).values_list(
                    "code", "id"
                )
            )
            existing = {
                (dossier_id, requested): (pk, supplied)
                for pk, dossier_id, requested, supplied in SupplementRequest.objects.filter(
                    dossier_id__in=dossiers.values()
                ).values_list("id", "dossier_id", "requested_at", "supplied_at")
            }
            # Dossiers acted on in this system since: their requests are this system's now.
            carried_on = set(
                DossierEvent.objects.filter(dossier_id__in=dossiers.values()).values_list(
                    "dossier_id", flat=True
                )
            )
            new, changed = [], []
            for record in batch:
                dossier_id = dossiers[record["dossier_code"]]
                if dossier_id in carried_on:
                    continue
                old = existing.get((dossier_id, record["requested_at"]))
                if old is None:
                    new.append(
                        SupplementRequest(
                            dossier_id=dossier_id,
                            requested_at=record["requested_at"],
                            supplied_at=record["received_at"],
                            # History: what the request paused is not recorded; processing is
                            # where requests are made. No paused time: the due date is as
                            # recorded.
                            paused_state=State.PROCESSING,
                        )
                    )
                elif old[1] != record["received_at"]:
                    changed.append(SupplementRequest(id=old[0], supplied_at=record["received_at"]))
            SupplementRequest.objects.bulk_create(new)
            SupplementRequest.objects.bulk_update(changed, ["supplied_at"])
            counts.created += len(new)
            counts.updated += len(changed)
            counts.unchanged += len(batch) - len(new) - len(changed)
        _mark_repeats()
        _sync_awaiting_states(now=timezone.now())
        return counts

    def export(self) -> Iterator[list[str]]:
        rows = (
            SupplementRequest.objects.exclude(dossier__state__in=NOT_ACCEPTED)
            .filter(dossier__received_at__isnull=False)
            .order_by("dossier__code", "requested_at")
            .values_list("dossier__code", "requested_at", "supplied_at")
        )
        for code, requested, supplied in rows.iterator(chunk_size=WRITE_BATCH):
            yield [code, format_instant(requested), format_instant(supplied)]


def _mark_repeats() -> None:
    """Flag the second and later requests of each imported dossier (by requested_at)."""
    requests = connection.ops.quote_name(SupplementRequest._meta.db_table)
    dossiers = connection.ops.quote_name(Dossier._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            UPDATE {requests} SET is_repeat = NOT is_repeat WHERE id IN (
                SELECT id FROM (
                    SELECT r.id, r.is_repeat,
                        ROW_NUMBER() OVER (
                            PARTITION BY r.dossier_id ORDER BY r.requested_at, r.id
                        ) > 1 AS should_repeat
                    FROM {requests} r JOIN {dossiers} d ON d.id = r.dossier_id
                    WHERE d.imported
                ) ranked
                WHERE ranked.is_repeat <> ranked.should_repeat
            )
            """
        )


def _sync_awaiting_states(*, now: dt.datetime) -> None:
    """An open imported dossier awaits a supplement exactly when one of its requests is open
    (after a package that brings supplements.csv without the dossiers themselves)."""
    open_request = Exists(
        SupplementRequest.objects.filter(dossier=OuterRef("pk"), supplied_at__isnull=True)
    )
    history = Dossier.objects.filter(imported=True, ended_at__isnull=True)
    history.filter(open_request, state=State.PROCESSING).update(
        state=State.AWAITING_SUPPLEMENT, updated_at=now
    )
    history.filter(~open_request, state=State.AWAITING_SUPPLEMENT).update(
        state=State.PROCESSING, updated_at=now
    )
