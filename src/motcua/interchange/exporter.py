"""Export of the province data package: the files this version imports, written from the
database in the same format, so that export → import gives back the same records."""

import csv
import io
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from django.db import connection, transaction

from motcua.interchange.handlers import REGISTRY

__all__ = ["ExportRefused", "ExportResult", "package_export"]


class ExportRefused(Exception):
    """The target exists and is not empty (and overwriting was not asked for)."""


@dataclass
class ExportResult:
    # file name → rows written (header not counted)
    files: dict[str, int] = field(default_factory=dict)


@contextmanager
def _snapshot() -> Iterator[None]:
    """One consistent view of the database for all files, where the database offers it."""
    outer = connection.in_atomic_block
    with transaction.atomic():
        # Only allowed as a transaction's first statement, so not inside an outer transaction.
        if connection.vendor == "postgresql" and not outer:
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        yield


def _write(stream: TextIO, name: str) -> int:
    handler = REGISTRY[name]()
    writer = csv.writer(stream)  # RFC 4180: quotes where needed, CRLF line ends
    writer.writerow([column.name for column in handler.columns])
    count = 0
    for row in handler.export():
        writer.writerow(row)
        count += 1
    return count


def package_export(*, path: Path, force: bool = False) -> ExportResult:
    """Write the package to the folder ``path`` (or to a zip when it ends in ``.zip``).

    Refuses (``ExportRefused``) a non-empty folder or an existing zip unless ``force``; with
    ``force`` the package's files are overwritten and other files are left alone.
    """
    as_zip = path.suffix.lower() == ".zip"
    if not force and ((as_zip and path.exists()) or (path.is_dir() and any(path.iterdir()))):
        raise ExportRefused(
            f"{path}: đã tồn tại và không rỗng; dùng --force để ghi đè / "
            f"exists and is not empty; use --force to overwrite"
        )
    if path.exists() and not as_zip and not path.is_dir():
        raise ExportRefused(f"{path}: không phải thư mục / not a folder")
    result = ExportResult()
    with _snapshot():
        if as_zip:
            path.parent.mkdir(parents=True, exist_ok=True)
            with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
                for name in REGISTRY:
                    with (
                        archive.open(name, "w") as raw,
                        io.TextIOWrapper(raw, encoding="utf-8", newline="") as stream,
                    ):
                        result.files[name] = _write(stream, name)
        else:
            path.mkdir(parents=True, exist_ok=True)
            for name in REGISTRY:
                with (path / name).open("w", encoding="utf-8", newline="") as stream:
                    result.files[name] = _write(stream, name)
    return result
