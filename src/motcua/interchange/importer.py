"""Import of a province data package (interchange.md): validate every row of every file, then
write everything in one transaction, or nothing."""

import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.db import transaction

from motcua.audit.models import AuditEntry
from motcua.interchange.handlers import REGISTRY
from motcua.interchange.keys import KeyIndex
from motcua.interchange.package import (
    PackageSource,
    PackageUnreadable,
    error_text,
    open_package,
    read_rows,
)
from motcua.interchange.spec import (
    FileCounts,
    FileHandler,
    Header,
    PackageInvalid,
    Record,
    format_problem,
)

__all__ = ["ImportResult", "PackageInvalid", "package_import"]


@dataclass
class ImportResult:
    # file name → counts, in the order the files were applied
    files: dict[str, FileCounts] = field(default_factory=dict)


class References:
    """The keys each file defines, in the package (complete once that file is validated) or in
    the database (loaded on first use)."""

    def __init__(self, handlers: dict[str, FileHandler]):
        self.handlers = handlers
        self.package: dict[str, KeyIndex] = {}
        self._database: dict[str, KeyIndex] = {}

    def resolves(self, file: str, value: Any) -> bool:
        if value in self.package.get(file, ()):
            return True
        if file not in self._database:
            self._database[file] = KeyIndex()
            self._database[file].update(self.handlers[file].db_keys())
            self._database[file].finish()
        return value in self._database[file]

    def close(self) -> None:
        for index in [*self.package.values(), *self._database.values()]:
            index.close()


def _unknown_files(names: list[str]) -> list[str]:
    known = ", ".join(REGISTRY)
    message = (
        f"tên tệp không thuộc định dạng gói dữ liệu (các tệp hợp lệ: {known}) / "
        f"file name not part of the package format (valid files: {known})"
    )
    return [error_text(name, None, None, message) for name in names if name not in REGISTRY]


def _validate_file(
    source: PackageSource,
    handler: FileHandler,
    references: References,
    *,
    progress: bool,
) -> list[str]:
    name = handler.name
    found: list[tuple[int, str]] = []  # (line, error), sorted by line at the end
    keys = references.package[name] = KeyIndex()
    key_label = ", ".join(handler.key_columns)
    refs = [c for c in handler.columns if c.ref]
    # References to the file itself can only be resolved once the whole file is read.
    deferred: list[tuple[int, str, Any]] = []
    with read_rows(source, name, progress=progress, label="kiểm tra / validate") as reader:
        rows = iter(reader)
        first = next(rows, None)
        if first is None:
            message = "tệp rỗng, thiếu dòng tiêu đề / empty file, no header row"
            found.append((0, error_text(name, None, None, message)))
        else:
            header = Header(handler, first)
            found.extend((first.line, format_problem(name, first.line, p)) for p in header.problems)
            for row in rows:
                record, problems = header.parse(row)
                # A cell that failed to parse is None for the row rules: they would only
                # repeat its error in other words.
                if problems:
                    failed = {column for column, _message in problems}
                    problems.extend(
                        p for p in handler.check(record, row.line) if p[0] not in failed
                    )
                else:
                    problems.extend(handler.check(record, row.line))
                key = handler.key(record)
                if key is not None:
                    keys.add(key, row.line)
                for column in refs:
                    value = record[column.name]
                    if value is None:
                        continue
                    if column.ref == name:
                        deferred.append((row.line, column.name, value))
                    elif not references.resolves(column.ref, value):
                        problems.append((column.name, _not_found(value, column.ref)))
                if problems:
                    found.extend((row.line, format_problem(name, row.line, p)) for p in problems)
        found.extend(reader.errors)
    keys.finish()
    for line, first_line in keys.duplicates:
        message = f"trùng với dòng {first_line} / duplicate of line {first_line}"
        found.append((line, error_text(name, line, key_label, message)))
    for line, column_name, value in deferred:
        if not references.resolves(name, value):
            found.append((line, error_text(name, line, column_name, _not_found(value, name))))
    found.extend(
        (line, error_text(name, line, column_name, message))
        for line, column_name, message in handler.finish()
    )
    found.sort(key=lambda item: item[0])
    return [error for _line, error in found]


def _not_found(value: Any, file: str) -> str:
    return (
        f'không tìm thấy "{value}" trong {file} hay trong cơ sở dữ liệu / '
        f'"{value}" not found in {file} or in the database'
    )


def _records(
    source: PackageSource,
    handler: FileHandler,
    *,
    progress: bool,
) -> Iterator[tuple[int, Record]]:
    """A second pass over a validated file: its (line, record) pairs."""
    with read_rows(source, handler.name, progress=progress, label="ghi / write") as reader:
        rows = iter(reader)
        header = Header(handler, next(rows))
        for row in rows:
            record, _problems = header.parse(row)
            yield row.line, record


def package_import(*, path: Path, progress: bool = False) -> ImportResult:
    """Import the package at ``path`` (a folder or a .zip of it), all or nothing.

    Raises ``PackageInvalid`` listing every error found; the database is then unchanged.
    """
    try:
        with open_package(path) as source:
            names = source.names()
            errors = _unknown_files(names)
            handlers = {file: handler_class() for file, handler_class in REGISTRY.items()}
            for handler in handlers.values():
                handler.siblings = handlers
            present = [handlers[file] for file in REGISTRY if file in names]
            references = References(handlers)
            try:
                for handler in present:
                    errors.extend(_validate_file(source, handler, references, progress=progress))
            finally:
                # Validation's key sets are not needed any more; let them go before writing.
                references.close()
            if errors:
                raise PackageInvalid(errors)
            result = ImportResult()
            with transaction.atomic():
                for handler in present:
                    result.files[handler.name] = handler.apply(
                        lambda h=handler: _records(source, h, progress=progress)
                    )
                # One audit entry per import that changed anything (per-row entries would
                # swamp the trail at province scale); procedure changes also get their own.
                if any(c.created or c.updated for c in result.files.values()):
                    AuditEntry.objects.create(
                        action="package.import",
                        target_type="interchange.package",
                        target_id=str(path)[-128:],
                        actor_label="import",
                        data={n: dataclasses.asdict(c) for n, c in result.files.items()},
                    )
            return result
    except PackageUnreadable as error:
        raise PackageInvalid([str(error)]) from error
