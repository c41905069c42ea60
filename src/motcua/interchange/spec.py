"""The shape of a file handler: the columns of one package file and how its rows are validated,
applied to the database and exported. The importer and exporter only talk to handlers, so a new
file of the format is one new handler in ``handlers.REGISTRY``."""

from collections.abc import Callable, Hashable, Iterable, Iterator
from dataclasses import dataclass
from functools import partial
from itertools import islice
from typing import Any, ClassVar, TypeVar

from django.db.models import Model

from motcua.interchange.package import Row, error_text
from motcua.interchange.parsing import CellError, parse_choice, parse_text

Record = dict[str, Any]
# (column or None, message): a problem found in one row.
Problem = tuple[str | None, str]


@dataclass(frozen=True)
class Column:
    name: str
    parse: Callable[[str], Any]
    required: bool = False
    # The file whose keys a value must be among (in the package or already in the database).
    ref: str | None = None
    # The value of an empty cell.
    default: Any = None


@dataclass
class FileCounts:
    created: int = 0
    updated: int = 0
    unchanged: int = 0

    @property
    def total(self) -> int:
        return self.created + self.updated + self.unchanged


REQUIRED = "bắt buộc phải có giá trị / a value is required"

BATCH_SIZE = 500
# PositiveIntegerField's bound on every database Django supports.
MAX_POSITIVE_INT = 2_147_483_647

T = TypeVar("T")
Read = Callable[[], Iterator[tuple[int, Record]]]


def batched(items: Iterable[T], size: int = BATCH_SIZE) -> Iterator[list[T]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def text(model: type[Model], field: str) -> Callable[[str], str]:
    """A text parser bounded by the model field's max_length, so the database never truncates
    or refuses a value the validation let through."""
    return partial(parse_text, max_length=model._meta.get_field(field).max_length)


def choice(choices: type) -> Callable[[str], str]:
    return partial(parse_choice, choices=tuple(choices.values))


def differs(obj: Model, values: dict[str, Any]) -> bool:
    return any(getattr(obj, name) != value for name, value in values.items())


def assign(obj: Model, values: dict[str, Any]) -> None:
    for name, value in values.items():
        setattr(obj, name, value)


class Header:
    """The header row of a file checked against a handler's columns."""

    def __init__(self, handler: "FileHandler", row: Row):
        self.handler = handler
        self.names = [cell.strip() for cell in row.cells]
        known = handler.column_map()
        self.problems: list[Problem] = []
        seen: set[str] = set()
        for name in self.names:
            if name in seen:
                self.problems.append((name, "cột bị lặp lại / duplicate column"))
            elif name not in known:
                listed = ", ".join(known)
                message = (
                    f"cột không xác định (các cột hợp lệ: {listed}) / "
                    f"unknown column (valid columns: {listed})"
                )
                self.problems.append((name or '""', message))
            seen.add(name)
        missing = [c.name for c in handler.columns if c.required and c.name not in seen]
        for name in missing:
            self.problems.append((name, "thiếu cột bắt buộc / required column missing"))
        self.positions = [
            (i, known[name])
            for i, name in enumerate(self.names)
            if name in known and self.names.index(name) == i
        ]
        # Flattened for ``parse``, which runs once per row of files with a million rows.
        self._cells = [
            (i, column.name, column.parse, column.required) for i, column in self.positions
        ]
        self._defaults = {c.name: c.default for c in handler.columns}

    def parse(self, row: Row) -> tuple[Record, list[Problem]]:
        """The typed values of a row (absent and empty cells take the column's default) and
        the problems of its cells."""
        problems: list[Problem] = []
        if len(row.cells) != len(self.names):
            cells, names = len(row.cells), len(self.names)
            message = (
                f"dòng có {cells} ô, tiêu đề có {names} / row has {cells} cells, header has {names}"
            )
            problems.append((None, message))
        record: Record = self._defaults.copy()
        cells = row.cells
        count = len(cells)
        for position, name, parse, required in self._cells:
            text = cells[position].strip() if position < count else ""
            if not text:
                if required:
                    problems.append((name, REQUIRED))
                continue
            try:
                record[name] = parse(text)
            except CellError as error:
                problems.append((name, error.message))
        return record, problems


class FileHandler:
    """One file of the package. Subclasses declare ``name``, ``columns`` and implement the
    key, the row rules, ``apply`` and ``export``."""

    name: ClassVar[str]
    columns: ClassVar[tuple[Column, ...]]
    key_columns: ClassVar[tuple[str, ...]]
    # Every handler of the same import by file name, set by the importer before it applies
    # anything: for rules that span files (a dossier's state depends on supplements.csv).
    siblings: dict[str, "FileHandler"] = {}  # noqa: RUF012 (replaced per instance, never mutated)

    @classmethod
    def column_map(cls) -> dict[str, Column]:
        return {c.name: c for c in cls.columns}

    def key(self, record: Record) -> Hashable | None:
        """What identifies the row's record (None when a part is missing); duplicates within a
        file are errors."""
        parts = tuple(record[name] for name in self.key_columns)
        if any(part is None for part in parts):
            return None
        return parts[0] if len(parts) == 1 else parts

    def check(self, record: Record, line: int) -> Iterable[Problem]:
        """Rules across the cells of one row, beyond each cell's own type. Cells that failed
        to parse are None here."""
        return ()

    def finish(self) -> Iterable[tuple[int, str | None, str]]:
        """Problems that need the whole file: (line, column, message)."""
        return ()

    def db_keys(self) -> Iterable[Hashable]:
        """Keys of the records already in the database (for references from other files),
        streamed: the importer indexes them."""
        raise NotImplementedError

    def apply(self, read: Callable[[], Iterator[tuple[int, Record]]]) -> FileCounts:
        """Write the (already validated) rows, given as ``read()``: a fresh pass over the file's
        (line, record) pairs each time it is called. Runs inside the import's transaction."""
        raise NotImplementedError

    def export(self) -> Iterator[list[str]]:
        """The rows of this file from the database, ordered by key, cells in column order."""
        raise NotImplementedError


class PackageInvalid(Exception):
    """The package has errors; nothing was written. ``errors`` lists every one found."""

    def __init__(self, errors: list[str]):
        super().__init__("\n".join(errors))
        self.errors = errors


def format_problem(file: str, line: int, problem: Problem) -> str:
    column, message = problem
    return error_text(file, line, column, message)
