"""The keys a file of the package defines, for duplicate rows and for references from other
files, without holding a province's history in memory.

Small files keep their keys in a dict. Past ``SPILL_AT`` keys the index moves them, a batch at a
time, into a temporary SQLite file (the standard library's, not the application's database):
validating 700,000 dossiers then takes as much memory as validating 100,000.
"""

import datetime as dt
import sqlite3
import tempfile
from collections.abc import Hashable, Iterable
from pathlib import Path

SPILL_AT = 50_000


def key_text(key: Hashable) -> str:
    """A text equal for equal keys: instants in UTC (the same instant may be written with
    different offsets), parts of composite keys separated by a unit separator."""
    parts = key if isinstance(key, tuple) else (key,)
    return "\x1f".join(
        part.astimezone(dt.UTC).isoformat() if isinstance(part, dt.datetime) else str(part)
        for part in parts
    )


class KeyIndex:
    """Keys with the line where each first occurred; ``duplicates`` lists (line, first line)
    of every later occurrence, complete once ``finish`` has run."""

    def __init__(self, *, spill_at: int | None = None):
        self.spill_at = spill_at or SPILL_AT
        self.pending: dict[Hashable, int] = {}
        self.duplicates: list[tuple[int, int]] = []
        self._folder: tempfile.TemporaryDirectory | None = None
        self._db: sqlite3.Connection | None = None

    def add(self, key: Hashable, line: int) -> None:
        first = self.pending.get(key)
        if first is not None:
            self.duplicates.append((line, first))
            return
        self.pending[key] = line
        if len(self.pending) >= self.spill_at:
            self._flush()

    def update(self, keys: Iterable[Hashable]) -> None:
        """Add keys that have no line (those already in the database)."""
        for key in keys:
            self.add(key, 0)

    def finish(self) -> None:
        """Move what is pending to the file, once spilling has begun (so that every duplicate
        is found)."""
        if self._db is not None and self.pending:
            self._flush()

    def __contains__(self, key: Hashable) -> bool:
        if key in self.pending:
            return True
        if self._db is None:
            return False
        found = self._db.execute("SELECT 1 FROM keys WHERE key = ?", (key_text(key),))
        return found.fetchone() is not None

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None
        if self._folder is not None:
            self._folder.cleanup()
            self._folder = None

    def _open(self) -> sqlite3.Connection:
        self._folder = tempfile.TemporaryDirectory(prefix="motcua-keys-")
        db = sqlite3.connect(Path(self._folder.name) / "keys.sqlite3")
        # A scratch file: no durability needed, a bounded page cache (4 MB).
        db.executescript(
            """
            PRAGMA journal_mode = OFF;
            PRAGMA synchronous = OFF;
            PRAGMA cache_size = -4000;
            CREATE TABLE keys (key TEXT PRIMARY KEY, line INTEGER NOT NULL) WITHOUT ROWID;
            CREATE TABLE batch (key TEXT NOT NULL, line INTEGER NOT NULL);
            """
        )
        return db

    def _flush(self) -> None:
        db = self._db = self._db or self._open()
        db.execute("DELETE FROM batch")
        db.executemany(
            "INSERT INTO batch VALUES (?, ?)",
            ((key_text(key), line) for key, line in self.pending.items()),
        )
        self.duplicates.extend(
            db.execute("SELECT b.line, k.line FROM batch b JOIN keys k ON k.key = b.key")
        )
        db.execute("INSERT OR IGNORE INTO keys SELECT key, line FROM batch ORDER BY key")
        self.pending.clear()
