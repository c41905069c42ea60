"""Reading a province data package: a folder of CSV files or a .zip of that folder, read row
by row with physical line numbers, tolerant of a BOM, reporting undecodable lines."""

import csv
import sys
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from tqdm import tqdm


def error_text(file: str, line: int | None, column: str | None, message: str) -> str:
    """``file:line: column: message``, leaving out the parts that do not apply."""
    where = file if line is None else f"{file}:{line}"
    return f"{where}: {column}: {message}" if column else f"{where}: {message}"


class PackageSource:
    """The files of a package, by file name."""

    def names(self) -> list[str]:
        raise NotImplementedError

    def size(self, name: str) -> int:
        raise NotImplementedError

    def open(self, name: str) -> IO[bytes]:
        raise NotImplementedError

    def close(self) -> None:
        """Release what the source holds open."""


def _ignored(name: str) -> bool:
    # Hidden files (.DS_Store, editor backups) are not part of anyone's package.
    return name.startswith(".")


class FolderSource(PackageSource):
    def __init__(self, path: Path):
        self.path = path

    def names(self) -> list[str]:
        return sorted(
            entry.name + ("/" if entry.is_dir() else "")
            for entry in self.path.iterdir()
            if not _ignored(entry.name)
        )

    def size(self, name: str) -> int:
        return (self.path / name).stat().st_size

    def open(self, name: str) -> IO[bytes]:
        return (self.path / name).open("rb")


class ZipSource(PackageSource):
    """A zip of the package folder: files at its root, or inside one top-level folder."""

    def __init__(self, path: Path):
        self.zip = zipfile.ZipFile(path)
        members = [
            info
            for info in self.zip.infolist()
            if not info.is_dir()
            and not info.filename.startswith("__MACOSX/")
            and not _ignored(info.filename.rsplit("/", 1)[-1])
        ]
        tops = {info.filename.split("/", 1)[0] for info in members}
        prefix = ""
        if len(tops) == 1 and all("/" in info.filename for info in members):
            prefix = tops.pop() + "/"
        self.members = {info.filename.removeprefix(prefix): info for info in members}

    def names(self) -> list[str]:
        return sorted(self.members)

    def size(self, name: str) -> int:
        return self.members[name].file_size

    def open(self, name: str) -> IO[bytes]:
        return self.zip.open(self.members[name])

    def close(self) -> None:
        self.zip.close()


class PackageUnreadable(Exception):
    """The path is neither a folder nor a readable zip file."""


@contextmanager
def open_package(path: Path) -> Iterator[PackageSource]:
    if path.is_dir():
        source: PackageSource = FolderSource(path)
    elif path.is_file() and zipfile.is_zipfile(path):
        source = ZipSource(path)
    elif path.exists():
        raise PackageUnreadable(
            f"{path}: không phải thư mục hay tệp .zip / not a folder or a .zip file"
        )
    else:
        raise PackageUnreadable(f"{path}: không tồn tại / does not exist")
    try:
        yield source
    finally:
        source.close()


@dataclass
class Row:
    line: int  # physical line where the record starts; the header is line 1
    cells: list[str]


@dataclass
class CsvReader:
    """Rows of one CSV file, streamed. Lines that are not UTF-8 are decoded with replacement
    characters (so reading goes on and every error is found) and listed in ``errors`` as
    (line, error text)."""

    file: str
    stream: IO[bytes]
    progress: tqdm | None = None
    errors: list[tuple[int, str]] = field(default_factory=list)

    def _lines(self) -> Iterator[str]:
        # Splitting bytes on "\n" is safe in UTF-8: that byte never occurs inside a character.
        for number, raw in enumerate(self.stream, start=1):
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError as error:
                self.errors.append(
                    (
                        number,
                        error_text(
                            self.file,
                            number,
                            None,
                            f"không phải UTF-8 hợp lệ (byte {error.start + 1} của dòng) / "
                            f"invalid UTF-8 (byte {error.start + 1} of the line)",
                        ),
                    )
                )
                text = raw.decode("utf-8", errors="replace")
            if number == 1:
                text = text.removeprefix("\ufeff")
            if self.progress is not None:
                self.progress.update(len(raw))
            yield text

    def __iter__(self) -> Iterator[Row]:
        reader = csv.reader(self._lines(), strict=True)
        previous = 0
        while True:
            try:
                cells = next(reader)
            except StopIteration:
                return
            except csv.Error as error:
                self.errors.append(
                    (
                        reader.line_num,
                        error_text(
                            self.file,
                            reader.line_num,
                            None,
                            f"lỗi cú pháp CSV ({error}); ngừng đọc tệp này / "
                            f"CSV syntax error ({error}); stopped reading this file",
                        ),
                    )
                )
                return
            start, previous = previous + 1, reader.line_num
            if cells:  # blank lines carry nothing
                yield Row(start, cells)


@contextmanager
def read_rows(
    source: PackageSource,
    name: str,
    *,
    progress: bool,
    label: str,
) -> Iterator[CsvReader]:
    """Open ``name`` and give its row reader, with a progress bar (bytes) on stderr."""
    with (
        source.open(name) as stream,
        tqdm(
            total=source.size(name),
            unit="B",
            unit_scale=True,
            desc=f"{name} ({label})",
            disable=not progress,
            file=sys.stderr,
            leave=False,
        ) as bar,
    ):
        yield CsvReader(file=name, stream=stream, progress=bar)
