"""inspections.csv of the province data package (interchange.md): inspection history.

The file has no code column. A row is identified by its natural key (see the models
docstring): ``(agency_code, planned=1, plan_year)`` for a planned inspection,
``(agency_code, planned=0, inspected_on)`` for a surprise one. So a planned inspection whose
``inspected_on`` is filled in by a later export of the old system updates its record instead of
adding a second one (which would count the plan twice); two rows with the same key in a file
are an error. Rules beyond each cell's type:

- ``plan_year`` is required when ``planned`` = 1 (interchange.md);
- ``inspected_on`` is required when ``planned`` = 0: a surprise inspection is on record because
  it took place, and without a date it would count nowhere (interchange.md does not say);
- an inspection recorded in this system (not imported) may appear only unchanged.
"""

from collections.abc import Hashable, Iterable, Iterator
from typing import Any

from django.db.models import F
from django.utils import timezone

from motcua.agencies.models import Agency
from motcua.inspections.models import Inspection
from motcua.interchange.parsing import (
    CellError,
    format_bool,
    format_date,
    parse_bool,
    parse_date,
    parse_int,
    parse_text,
)
from motcua.interchange.spec import (
    Column,
    FileCounts,
    FileHandler,
    Problem,
    Read,
    Record,
    batched,
    text,
)

# The Inspection fields a row determines besides its key.
FIELDS = ("plan_year", "inspected_on", "notes")

LIVE_INSPECTION = (
    "trùng một cuộc kiểm tra ghi nhận trên hệ thống này; dữ liệu lịch sử không được sửa nó / "
    "matches an inspection recorded in this system; history cannot change it"
)

Key = tuple[str, bool, Any]


def parse_year(text: str) -> int:
    value = parse_int(text, max_value=9999)
    if value < 1000:
        raise CellError(f'năm không hợp lệ "{text}" (4 chữ số) / invalid year "{text}" (4 digits)')
    return value


def natural_key(agency_code: str, planned: bool, plan_year: Any, inspected_on: Any) -> Key:
    return (agency_code, planned, plan_year if planned else inspected_on)


class InspectionsHandler(FileHandler):
    name = "inspections.csv"
    # The columns the natural key is drawn from (``key`` picks plan_year or inspected_on).
    key_columns = ("agency_code", "planned", "plan_year", "inspected_on")
    columns = (
        Column("agency_code", text(Agency, "code"), required=True, ref="agencies.csv"),
        Column("plan_year", parse_year),
        Column("planned", parse_bool, required=True),
        Column("inspected_on", parse_date),
        Column("notes", parse_text, default=""),
    )

    def __init__(self) -> None:
        # natural key → (id, imported, values) of every inspection in the database; loaded on
        # first use. Inspections number in the tens a year.
        self._existing: dict[Key, tuple[int, bool, tuple[Any, ...]]] | None = None

    def existing(self) -> dict[Key, tuple[int, bool, tuple[Any, ...]]]:
        if self._existing is None:
            rows = Inspection.objects.values_list(
                "id", "imported", "agency__code", "planned", *FIELDS
            )
            self._existing = {
                natural_key(code, planned, plan_year, inspected_on): (
                    pk,
                    imported,
                    (plan_year, inspected_on, notes),
                )
                for pk, imported, code, planned, plan_year, inspected_on, notes in rows
            }
        return self._existing

    def key(self, record: Record) -> Hashable | None:
        agency, planned = record["agency_code"], record["planned"]
        if agency is None or planned is None:
            return None
        key = natural_key(agency, planned, record["plan_year"], record["inspected_on"])
        return key if key[2] is not None else None

    def check(self, record: Record, line: int) -> Iterable[Problem]:
        planned = record["planned"]
        if planned is True and record["plan_year"] is None:
            yield (
                "plan_year",
                "bắt buộc với kiểm tra theo kế hoạch / required for planned inspections",
            )
        if planned is False and record["inspected_on"] is None:
            yield (
                "inspected_on",
                "bắt buộc với kiểm tra đột xuất / required for surprise inspections",
            )
        key = self.key(record)
        if key is None or key not in self.existing():
            return
        _pk, imported, values = self.existing()[key]
        if not imported and values != tuple(record[name] for name in FIELDS):
            yield "agency_code", LIVE_INSPECTION

    def db_keys(self) -> set[Hashable]:
        return set()  # no file refers to inspections

    def apply(self, read: Read) -> FileCounts:
        counts = FileCounts()
        now = timezone.now()
        agencies = dict(Agency.objects.values_list("code", "id"))
        existing = self.existing()
        for batch in batched(record for _line, record in read()):
            new, changed = [], []
            for record in batch:
                values = {name: record[name] for name in FIELDS}
                key = self.key(record)
                found = existing.get(key)
                if found is None:
                    new.append(
                        Inspection(
                            agency_id=agencies[record["agency_code"]],
                            planned=record["planned"],
                            imported=True,
                            **values,
                        )
                    )
                elif found[1] and found[2] != tuple(values.values()):
                    changed.append(Inspection(id=found[0], updated_at=now, **values))
                else:
                    # Unchanged, or a live inspection that validation found identical.
                    counts.unchanged += 1
            Inspection.objects.bulk_create(new)
            Inspection.objects.bulk_update(changed, [*FIELDS, "updated_at"])
            counts.created += len(new)
            counts.updated += len(changed)
        return counts

    def export(self) -> Iterator[list[str]]:
        yield from inspections_export_rows()


def inspections_export_rows() -> Iterator[list[str]]:
    """Every inspection as an inspections.csv row (cells in column order), by agency code,
    planned before surprise, then plan year and date (empty ones first on every database)."""
    rows = Inspection.objects.order_by(
        "agency__code",
        "-planned",
        F("plan_year").asc(nulls_first=True),
        F("inspected_on").asc(nulls_first=True),
        "pk",
    ).values_list("agency__code", "plan_year", "planned", "inspected_on", "notes")
    for agency, plan_year, planned, inspected_on, notes in rows.iterator():
        yield [
            agency,
            "" if plan_year is None else str(plan_year),
            format_bool(planned),
            format_date(inspected_on),
            notes,
        ]
