"""The file storage as part of a database operation, and its health.

Every file (uploads, slips, results, exports, decisions) goes through Django's storage API:
the local folder by default, any S3-compatible object store with ``MOTCUA_S3_*`` (settings.py,
ADR 0010). A store that is down or refusing must not leave half an operation behind:

- ``files_atomic()`` wraps a service's transaction; ``file_save`` stores a file and records
  its name there. If the operation raises (the store, the database, a rule, the commit), the
  transaction rolls back and the files it stored are deleted again (best effort: a store that
  is down at that moment keeps them, unreferenced).
- a storage failure while saving or reading is ``StorageUnavailable``: a bilingual
  ``DomainError`` with status 503 that the API and the pages show like any refusal.
- ``storage_check()`` writes, reads back and deletes a tiny object (the readiness probe).
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.core.files.base import ContentFile, File
from django.core.files.storage import Storage, default_storage
from django.db.models.fields.files import FieldFile

from motcua.utils.errors import DomainError

logger = logging.getLogger(__name__)


def _storage_errors() -> tuple[type[Exception], ...]:
    """What a store that is down or refusing raises: the operating system's errors (local
    folder: disk full, permissions) and botocore's (connection, timeout, an error answer)."""
    try:
        from botocore.exceptions import BotoCoreError, ClientError
    except ImportError:  # pragma: no cover - botocore comes with django-storages[s3]
        return (OSError,)
    return (OSError, BotoCoreError, ClientError)


STORAGE_ERRORS = _storage_errors()


class StorageUnavailable(DomainError):
    """The file store cannot be reached or refused the request; trying later may work."""

    def __init__(self) -> None:
        super().__init__(
            "Kho lưu trữ tệp tạm thời không truy cập được, vui lòng thử lại sau.",
            "The file store is unavailable; please try again later.",
            code="storage_unavailable",
            status_code=503,
        )


# The names stored by the innermost ``files_atomic()`` running in this thread or task.
_stored: ContextVar[list[tuple[Storage, str]] | None] = ContextVar("stored_files", default=None)


@contextmanager
def files_atomic() -> Iterator[None]:
    """Delete the files ``file_save`` stored inside the block if the block raises. Put it
    around ``transaction.atomic()`` so that a failed commit counts too. Nested blocks hand
    their files to the enclosing one when they succeed."""
    stored: list[tuple[Storage, str]] = []
    outer = _stored.get()
    token = _stored.set(stored)
    try:
        yield
    except BaseException:
        _delete(stored)
        raise
    finally:
        _stored.reset(token)
    if outer is not None:
        outer.extend(stored)


def _delete(stored: list[tuple[Storage, str]]) -> None:
    for storage, name in reversed(stored):
        try:
            storage.delete(name)
        except Exception:  # noqa: BLE001 - best effort: the store may be what failed
            logger.warning("could not delete %s after a failed operation", name, exc_info=True)


def file_save(field: FieldFile, name: str, content: File) -> None:
    """Store ``content`` as the file of ``field`` (the row itself is saved by the caller),
    recorded for ``files_atomic``; a storage failure is ``StorageUnavailable``."""
    try:
        field.save(name, content, save=False)
    except STORAGE_ERRORS as error:
        logger.warning("file store failed saving %s: %s", name, error)
        raise StorageUnavailable() from error
    stored = _stored.get()
    if stored is not None:
        stored.append((field.storage, field.name or ""))


def file_read(field: FieldFile) -> bytes:
    """The content of a stored file; a missing file is ``FileNotFoundError``, a storage
    failure ``StorageUnavailable``."""
    try:
        with field.open("rb") as handle:
            return handle.read()
    except FileNotFoundError:
        raise
    except STORAGE_ERRORS as error:
        logger.warning("file store failed reading %s: %s", field.name, error)
        raise StorageUnavailable() from error


def storage_check(storage: Storage | None = None) -> None:
    """Write, read back and delete a tiny object; ``StorageUnavailable`` if any step fails."""
    storage = storage if storage is not None else default_storage
    payload = uuid.uuid4().hex.encode()
    try:
        name = storage.save(f"probe/{payload.decode()}.txt", ContentFile(payload))
        try:
            with storage.open(name, "rb") as handle:
                read = handle.read()
        finally:
            storage.delete(name)
    except STORAGE_ERRORS as error:
        logger.warning("file store check failed: %s", error)
        raise StorageUnavailable() from error
    if read != payload:
        logger.warning("file store check read back other bytes than it wrote")
        raise StorageUnavailable()
