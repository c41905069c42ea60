"""Imports of the handbook from CSV or XLSX (docs/handbook.md): documents, targets, the
province's index results, the agencies' reform index, questions and answers.

All or nothing (architecture rule 8): every row is read and checked first, every error reported
as ``file:line: column: message``; only a file without errors is applied, in one transaction,
through the services (each writes its audit entry). Line 1 is the header row; in a workbook the
line is the row number of its first sheet.
"""

import datetime as dt
import io
import re
import zipfile
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from motcua.agencies.models import Agency
from motcua.handbook.models import (
    Document,
    DocumentKind,
    DocumentLevel,
    DocumentStatus,
    IndexKind,
    IndexResult,
    Question,
    Target,
)
from motcua.handbook.services import (
    agency_index_save,
    document_save,
    index_result_save,
    question_answer,
    question_ask,
    question_category_ensure,
    target_save,
)
from motcua.interchange.package import CsvReader, Row, error_text
from motcua.interchange.parsing import CellError, parse_choice, parse_date, parse_int, parse_text
from motcua.utils.errors import DomainError

Record = dict[str, Any]
Problem = tuple[str | None, str]
REQUIRED = "bắt buộc phải có giá trị / a value is required"
_DECIMAL_RE = re.compile(r"\d+(?:[.,]\d{1,2})?")


class ImportInvalid(Exception):
    """The file has errors; nothing was changed. ``errors`` lists them all."""

    def __init__(self, errors: list[str]):
        super().__init__("\n".join(errors))
        self.errors = errors


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0


# --- cells --------------------------------------------------------------------------------


def _decimal(text: str) -> Decimal:
    """A non-negative number with at most two decimals, dot or comma as decimal mark."""
    if not _DECIMAL_RE.fullmatch(text):
        raise CellError(
            f'số không hợp lệ "{text}" (ví dụ 65.23 hoặc 65,23) / '
            f'invalid number "{text}" (e.g. 65.23)'
        )
    try:
        return Decimal(text.replace(",", "."))
    except InvalidOperation:
        raise CellError(f'số không hợp lệ "{text}" / invalid number "{text}"') from None


def _year(text: str) -> int:
    year = parse_int(text, max_value=9999)
    if not 2000 <= year <= 2100:
        raise CellError(f'năm không hợp lệ "{text}" / invalid year "{text}"')
    return year


def _text(limit: int) -> Callable[[str], str]:
    return lambda text: parse_text(text, max_length=limit)


def _choice(choices: Iterable[str]) -> Callable[[str], str]:
    values = tuple(choices)
    return lambda text: parse_choice(text, choices=values)


@dataclass(frozen=True)
class Column:
    name: str
    parse: Callable[[str], Any]
    required: bool = False


# --- reading ------------------------------------------------------------------------------


def _xlsx_rows(name: str, content: bytes) -> list[Row]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
        raise ImportInvalid(
            [error_text(name, None, None, f"không đọc được tệp XLSX / unreadable XLSX ({error})")]
        ) from error
    rows = []
    try:
        sheet = book.worksheets[0]
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            cells = [_xlsx_cell(value) for value in values]
            while cells and cells[-1] == "":
                cells.pop()
            if cells:
                rows.append(Row(number, cells))
    finally:
        book.close()
    return rows


def _xlsx_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def read_table(name: str, content: bytes) -> tuple[list[Row], list[str]]:
    """The rows of a CSV (UTF-8) or XLSX file, with the errors of reading it."""
    if name.lower().endswith(".xlsx"):
        return _xlsx_rows(name, content), []
    if not name.lower().endswith(".csv"):
        raise ImportInvalid(
            [error_text(name, None, None, "chỉ nhận tệp .csv hoặc .xlsx / only .csv or .xlsx")]
        )
    reader = CsvReader(file=name, stream=io.BytesIO(content))
    rows = list(reader)
    return rows, [error for _line, error in reader.errors]


# --- the kinds of file --------------------------------------------------------------------


@dataclass
class Kind:
    """One kind of import: its columns, its row checks, its key and how rows are applied."""

    name: str
    label: Any
    columns: list[Column]
    seen: dict[Hashable, int] = field(default_factory=dict)
    # The line being applied, for an error only a service finds.
    line: int | None = None

    def rows(self, records: list[Record]) -> Iterable[Record]:
        for record in records:
            self.line = record.pop("_line")
            yield record

    def check(self, record: Record) -> list[Problem]:
        return []

    def key(self, record: Record) -> Hashable | None:
        return None

    def finish(self) -> list[tuple[int, str | None, str]]:
        return []

    def apply(self, records: list[Record], actor) -> ImportResult:
        raise NotImplementedError


def _agency(record: Record, column: str = "agency") -> list[Problem]:
    code = record.get(column)
    if code is None:
        return []
    agency = Agency.objects.filter(code=code).first()
    if agency is None:
        return [(column, f'không có cơ quan mã "{code}" / no agency with code "{code}"')]
    record[column] = agency
    return []


class DocumentsKind(Kind):
    def __init__(self) -> None:
        super().__init__(
            "documents",
            _("Văn bản chỉ đạo"),
            [
                Column("number", _text(64), required=True),
                Column("issued_on", parse_date, required=True),
                Column("issuer", _text(255), required=True),
                Column("level", _choice(DocumentLevel.values), required=True),
                Column("kind", _choice(DocumentKind.values), required=True),
                Column("title", _text(1000), required=True),
                Column("summary", _text(20000)),
                Column("status", _choice(DocumentStatus.values)),
            ],
        )

    def key(self, record: Record) -> Hashable | None:
        return record["number"]

    def apply(self, records: list[Record], actor) -> ImportResult:
        result = ImportResult()
        existing = {d.number: d for d in Document.objects.all()}
        for record in self.rows(records):
            values = {k: v for k, v in record.items() if v is not None}
            values.setdefault("summary", "")
            values.setdefault("status", DocumentStatus.IN_FORCE)
            document = existing.get(record["number"])
            document_save(document=document, values=values, actor=actor)
            result.updated += document is not None
            result.created += document is None
        return result


class TargetsKind(Kind):
    def __init__(self) -> None:
        super().__init__(
            "targets",
            _("Chỉ tiêu, nhiệm vụ"),
            [
                Column("code", _text(64), required=True),
                Column("agency", _text(64), required=True),
                Column("year", _year, required=True),
                Column("phase", _text(16), required=True),
                Column("title", _text(1000), required=True),
                Column("goal", _decimal),
                Column("unit", _text(64)),
                Column("deadline", parse_date, required=True),
            ],
        )

    def check(self, record: Record) -> list[Problem]:
        return _agency(record)

    def key(self, record: Record) -> Hashable | None:
        return record["code"]

    def apply(self, records: list[Record], actor) -> ImportResult:
        result = ImportResult()
        existing = {t.code: t for t in Target.objects.all()}
        for record in self.rows(records):
            record["unit"] = record["unit"] or ""
            target = existing.get(record["code"])
            target_save(target=target, values=record, actor=actor)
            result.updated += target is not None
            result.created += target is None
        return result


class IndicesKind(Kind):
    """One row per index and year (``component`` empty: the total, rank and source) and one
    row per component of it."""

    def __init__(self) -> None:
        super().__init__(
            "indices",
            _("Kết quả chỉ số PAR INDEX, SIPAS, PAPI, PCI"),
            [
                Column("index", _choice(IndexKind.values), required=True),
                Column("year", _year, required=True),
                Column("component", _text(255)),
                Column("score", _decimal, required=True),
                Column("maximum", _decimal),
                Column("rank", lambda text: parse_int(text, max_value=100)),
                Column("rank_of", lambda text: parse_int(text, max_value=100)),
                Column("source", _text(500)),
            ],
        )
        self.totals: dict[tuple[str, int], int] = {}
        self.component_lines: dict[tuple[str, int], int] = {}

    def check(self, record: Record) -> list[Problem]:
        if record["component"] is None and not record["source"]:
            return [("source", "dòng tổng phải ghi nguồn / the total row needs its source")]
        return []

    def key(self, record: Record) -> Hashable | None:
        if record["index"] is None or record["year"] is None:
            return None
        group = (record["index"], record["year"])
        if record["component"] is None:
            self.totals.setdefault(group, record["_line"])
        else:
            self.component_lines.setdefault(group, record["_line"])
        return (*group, record["component"] or "")

    def finish(self) -> list[tuple[int, str | None, str]]:
        return [
            (
                line,
                "component",
                f"thiếu dòng tổng (component để trống) của {index} {year} / "
                f"no total row (empty component) for {index} {year}",
            )
            for (index, year), line in self.component_lines.items()
            if (index, year) not in self.totals
        ]

    def apply(self, records: list[Record], actor) -> ImportResult:
        result = ImportResult()
        groups: dict[tuple[str, int], list[Record]] = {}
        for record in self.rows(records):
            groups.setdefault((record["index"], record["year"]), []).append(record)
        existing = set(IndexResult.objects.values_list("index", "year"))
        for (index, year), rows in groups.items():
            total = next(r for r in rows if r["component"] is None)
            values = {
                "index": index,
                "year": year,
                "score": total["score"],
                "rank": total["rank"],
                "rank_of": total["rank_of"] or 63,
                "source": total["source"],
            }
            components = [
                (r["component"], r["score"], r["maximum"]) for r in rows if r["component"]
            ]
            index_result_save(values=values, components=components, actor=actor)
            result.updated += (index, year) in existing
            result.created += (index, year) not in existing
        return result


class AgencyIndexKind(Kind):
    def __init__(self) -> None:
        super().__init__(
            "agency-index",
            _("Chỉ số CCHC của các sở, ngành, địa phương"),
            [
                Column("agency", _text(64), required=True),
                Column("year", _year, required=True),
                Column("score", _decimal, required=True),
            ],
        )

    def check(self, record: Record) -> list[Problem]:
        return _agency(record)

    def key(self, record: Record) -> Hashable | None:
        agency = record["agency"]
        return (getattr(agency, "pk", agency), record["year"])

    def apply(self, records: list[Record], actor) -> ImportResult:
        for record in self.rows(records):
            agency_index_save(
                agency=record["agency"], year=record["year"], score=record["score"], actor=actor
            )
        return ImportResult(created=len(records))


class QuestionsKind(Kind):
    """Answered questions; a question already in the handbook (same text) gets the answer."""

    def __init__(self) -> None:
        super().__init__(
            "qa",
            _("Hỏi - đáp"),
            [
                Column("category", _text(255)),
                Column("question", _text(500), required=True),
                Column("body", _text(20000)),
                Column("answer", _text(50000), required=True),
                Column("asked_on", parse_date),
                Column("answered_on", parse_date),
            ],
        )

    def key(self, record: Record) -> Hashable | None:
        return " ".join((record["question"] or "").split()) or None

    def check(self, record: Record) -> list[Problem]:
        asked, answered = record["asked_on"], record["answered_on"]
        if asked and answered and answered < asked:
            return [("answered_on", "trả lời trước ngày hỏi / answered before it was asked")]
        return []

    def apply(self, records: list[Record], actor) -> ImportResult:
        result = ImportResult()
        now = timezone.now()

        def instant(day: dt.date | None) -> dt.datetime:
            if day is None:
                return now
            return timezone.make_aware(dt.datetime.combine(day, dt.time(8)))

        for record in self.rows(records):
            title = " ".join(record["question"].split())
            category = (
                question_category_ensure(name=record["category"], actor=actor)
                if record["category"]
                else None
            )
            question = Question.objects.filter(title=title).first()
            result.updated += question is not None
            result.created += question is None
            if question is None:
                question = question_ask(
                    title=title,
                    body=record["body"] or "",
                    category=category,
                    asked_at=instant(record["asked_on"] or record["answered_on"]),
                    actor_label="import",
                )
            question_answer(
                question=question,
                answer=record["answer"],
                answered_at=instant(record["answered_on"]),
                category=category,
                actor=actor,
            )
        return result


KINDS: dict[str, Callable[[], Kind]] = {
    "documents": DocumentsKind,
    "targets": TargetsKind,
    "indices": IndicesKind,
    "agency-index": AgencyIndexKind,
    "qa": QuestionsKind,
}


# --- the import ---------------------------------------------------------------------------


def _validate(kind: Kind, name: str, rows: list[Row]) -> tuple[list[Record], list[str]]:
    found: list[tuple[int, str]] = []
    if not rows:
        return [], [error_text(name, None, None, "tệp rỗng, thiếu dòng tiêu đề / empty file")]
    header, *body = rows
    names = [cell.strip().lower() for cell in header.cells]
    known = {c.name for c in kind.columns}
    for cell in names:
        if cell not in known:
            found.append(
                (1, error_text(name, 1, cell, "cột không thuộc định dạng / unknown column"))
            )
    for column in kind.columns:
        if column.required and column.name not in names:
            found.append((1, error_text(name, 1, column.name, "thiếu cột / missing column")))
    if found:
        return [], [error for _line, error in found]
    positions = {cell: i for i, cell in enumerate(names)}
    records = []
    for row in body:
        # Empty cells past the last column (a spreadsheet's export) carry nothing.
        if any(cell.strip() for cell in row.cells[len(names) :]):
            found.append(
                (row.line, error_text(name, row.line, None, "thừa ô / more cells than columns"))
            )
            continue
        record: Record = {"_line": row.line}
        problems: list[Problem] = []
        for column in kind.columns:
            index = positions.get(column.name)
            text = row.cells[index].strip() if index is not None and index < len(row.cells) else ""
            if not text:
                record[column.name] = None
                if column.required:
                    problems.append((column.name, REQUIRED))
                continue
            try:
                record[column.name] = column.parse(text)
            except CellError as error:
                record[column.name] = None
                problems.append((column.name, error.message))
        if not problems:
            problems.extend(kind.check(record))
        key = kind.key(record)
        if key is not None:
            first = kind.seen.setdefault(key, row.line)
            if first != row.line:
                problems.append((None, f"trùng với dòng {first} / duplicate of line {first}"))
        found.extend((row.line, error_text(name, row.line, col, msg)) for col, msg in problems)
        records.append(record)
    found.extend((line, error_text(name, line, col, msg)) for line, col, msg in kind.finish())
    found.sort(key=lambda item: item[0])
    return records, [error for _line, error in found]


def handbook_import(*, kind: str, name: str, content: bytes, actor=None) -> ImportResult:
    """Import ``content`` (the file called ``name``) as ``kind``, all or nothing. Raises
    ``ImportInvalid`` with every error; the database is then unchanged."""
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}")
    handler = KINDS[kind]()
    rows, errors = read_table(name, content)
    records, problems = _validate(handler, name, rows)
    errors += problems
    if errors:
        raise ImportInvalid(errors)
    try:
        with transaction.atomic():
            return handler.apply(records, actor)
    except DomainError as error:
        # A rule only the service knows (e.g. a field's own validation): still nothing applied.
        raise ImportInvalid([error_text(name, handler.line, None, error.bilingual)]) from error
