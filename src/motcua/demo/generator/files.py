"""The package files: for each, its name, its columns (exactly those of interchange.md) and a
function giving its rows. A new file (feedback.csv, …) is one more ``PackageFile`` in
``PACKAGE_FILES``."""

import csv
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from motcua.demo.generator.history import DOSSIER_COLUMNS, SUPPLEMENT_COLUMNS, History
from motcua.demo.generator.model import ProvinceData
from motcua.demo.generator.oversight import (
    FEEDBACK_COLUMNS,
    INSPECTION_COLUMNS,
    feedback_rows,
    inspection_rows,
)
from motcua.demo.generator.rng import stream

Row = tuple[str | int, ...]


@dataclass(frozen=True)
class PackageFile:
    name: str
    columns: tuple[str, ...]
    rows: Callable[[ProvinceData], Iterable[Row]]


def _days(value: Decimal | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if value == value.to_integral_value() else str(value)


def settings_rows(data: ProvinceData) -> Iterator[Row]:
    yield "province_name", data.name
    yield "province_code", data.code
    yield "hourly_cost_vnd", data.hourly_cost_vnd


def agency_rows(data: ProvinceData) -> Iterator[Row]:
    for a in data.agencies:
        yield a.code, a.name, a.kind, a.parent_code


def procedure_rows(data: ProvinceData) -> Iterator[Row]:
    for p in data.procedures:
        yield (
            p.code,
            p.name,
            p.level,
            p.field,
            p.authority,
            p.agency_code,
            _days(p.processing_days),
            p.day_unit,
            p.online_level,
            int(p.national_portal),
            p.fee_vnd,
            p.status,
            p.decision_number,
            p.steps,
            p.submission_methods,
            p.requirements,
            p.legal_basis,
            p.result,
            int(p.payment_pauses_clock),
        )


def component_rows(data: ProvinceData) -> Iterator[Row]:
    for p in data.procedures:
        for order, c in enumerate(p.components, 1):
            yield p.code, order, c.name, c.originals, c.copies, int(c.required), c.form_name


def user_rows(data: ProvinceData) -> Iterator[Row]:
    for o in data.officers:
        yield o.username, o.full_name, o.title, o.agency_code, o.role, "", 1


def decision_rows(data: ProvinceData) -> Iterator[Row]:
    for d in data.decisions:
        yield d.number, d.date.isoformat(), d.kind, d.title


def shortening_rows(data: ProvinceData) -> Iterator[Row]:
    for s in data.shortenings:
        yield s.procedure_code, s.decision_number, s.days_before, s.days_after, s.annual_dossiers


def dossier_rows(data: ProvinceData) -> Iterator[Row]:
    data.supplement_rows = []
    yield from History(data).rows(data.supplement_rows)


def supplement_rows(data: ProvinceData) -> Iterator[Row]:
    if data.supplement_rows is None:  # dossiers.csv was not written in this run
        for _row in dossier_rows(data):
            pass
    yield from data.supplement_rows or ()


PACKAGE_FILES: tuple[PackageFile, ...] = (
    PackageFile("settings.csv", ("key", "value"), settings_rows),
    PackageFile("agencies.csv", ("code", "name", "kind", "parent_code"), agency_rows),
    PackageFile(
        "procedures.csv",
        (
            "code",
            "name",
            "level",
            "field",
            "authority",
            "agency_code",
            "processing_days",
            "day_unit",
            "online_level",
            "national_portal",
            "fee_vnd",
            "status",
            "decision_number",
            "steps",
            "submission_methods",
            "requirements",
            "legal_basis",
            "result",
            "payment_pauses_clock",
        ),
        procedure_rows,
    ),
    PackageFile(
        "components.csv",
        ("procedure_code", "order", "name", "originals", "copies", "required", "form_name"),
        component_rows,
    ),
    PackageFile("decisions.csv", ("number", "date", "kind", "title"), decision_rows),
    PackageFile(
        "shortenings.csv",
        ("procedure_code", "decision_number", "days_before", "days_after", "annual_dossiers"),
        shortening_rows,
    ),
    PackageFile(
        "users.csv",
        ("username", "full_name", "title", "agency_code", "role", "email", "is_active"),
        user_rows,
    ),
    PackageFile("dossiers.csv", DOSSIER_COLUMNS, dossier_rows),
    PackageFile("supplements.csv", SUPPLEMENT_COLUMNS, supplement_rows),
    PackageFile(
        "feedback.csv", FEEDBACK_COLUMNS, lambda d: feedback_rows(d, stream(d.seed, "feedback"))
    ),
    PackageFile(
        "inspections.csv",
        INSPECTION_COLUMNS,
        lambda d: inspection_rows(d, stream(d.seed, "inspections")),
    ),
)


def write_csv(path: Path, columns: tuple[str, ...], rows: Iterable[Row]) -> int:
    """Write a UTF-8, RFC 4180 CSV file with a header row, streaming; returns the row count."""
    count = 0
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)  # "excel" dialect: comma, minimal quoting, CRLF
        writer.writerow(columns)
        for row in rows:
            writer.writerow(row)
            count += 1
    return count
