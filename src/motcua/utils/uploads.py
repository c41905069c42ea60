"""The one check of uploaded files, used by every path that takes a file in (dossier submission,
supplements, intake, approval result, catalog decisions and forms, the Django admin), and the one
way user files are served back.

A file is accepted by its content, never by its name alone: the leading bytes must be those of
the type its extension names, and a DOCX/XLSX must really be an Office Open XML package of that
kind (``[Content_Types].xml`` and the main part present) without macros. Everything else (SVG,
HTML, scripts, archives, executables) is refused. A request carries at most
``MOTCUA_MAX_UPLOAD_FILES`` files of at most ``MOTCUA_MAX_UPLOAD_BYTES`` each and
``MOTCUA_MAX_UPLOAD_TOTAL_BYTES`` in all; ``check_uploads`` checks the whole list before any
file is stored."""

from __future__ import annotations

import io
import logging
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.files.uploadhandler import FileUploadHandler
from django.db.models.fields.files import FieldFile
from django.forms import ClearableFileInput
from django.http import FileResponse, Http404, HttpResponse
from django.http.response import HttpResponseBase
from django.template.defaultfilters import filesizeformat
from django.utils.deconstruct import deconstructible

from motcua.utils.errors import DomainError
from motcua.utils.storage import STORAGE_ERRORS, StorageUnavailable

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Kind:
    signatures: tuple[bytes, ...]
    content_type: str
    # For Office Open XML packages: the part that makes the package this kind of document.
    main_part: str = ""


_OLE = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",)
_ZIP = (b"PK\x03\x04",)

# Extension -> what a file of that extension must be.
ALLOWED: dict[str, Kind] = {
    ".pdf": Kind((b"%PDF-",), "application/pdf"),
    ".jpg": Kind((b"\xff\xd8\xff",), "image/jpeg"),
    ".jpeg": Kind((b"\xff\xd8\xff",), "image/jpeg"),
    ".png": Kind((b"\x89PNG\r\n\x1a\n",), "image/png"),
    ".docx": Kind(
        _ZIP,
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "word/document.xml",
    ),
    ".xlsx": Kind(
        _ZIP,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "xl/workbook.xml",
    ),
    ".doc": Kind(_OLE, "application/msword"),
    ".xls": Kind(_OLE, "application/vnd.ms-excel"),
}
# What the catalog's decisions and blank forms accept (published documents).
DOCUMENTS = (".pdf", ".docx", ".doc", ".xlsx", ".xls")

_CONTENT_TYPES = "[Content_Types].xml"
# Larger than any real content-types part; a bigger one is a decompression bomb, not a document.
_CONTENT_TYPES_MAX = 1024 * 1024
_MACRO_MARKERS = (b"macroEnabled", b"vbaProject", b"vbaData")


def _extension(name: str) -> str:
    name = (name or "").lower()
    return name[name.rfind(".") :] if "." in name else ""


def _type_error(name: str, extensions: Iterable[str]) -> DomainError:
    accepted = ", ".join(sorted({e[1:].upper() for e in extensions if e != ".jpeg"}))
    return DomainError(
        f"Tệp «{name}» không đúng định dạng cho phép ({accepted}).",
        f"File '{name}' is not an accepted type ({accepted}).",
        code="file_type",
        status_code=415,
    )


def _is_office_package(upload: UploadedFile, main_part: str) -> bool:
    """A genuine DOCX/XLSX without macros: a ZIP with the content types and the main part,
    no VBA project, no macro-enabled content type."""
    try:
        with zipfile.ZipFile(upload) as archive:
            names = archive.namelist()
            if _CONTENT_TYPES not in names or main_part not in names:
                return False
            if any("vbaproject" in n.lower() or "vbadata" in n.lower() for n in names):
                return False
            info = archive.getinfo(_CONTENT_TYPES)
            if info.file_size > _CONTENT_TYPES_MAX:
                return False
            content_types = archive.read(info)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, KeyError):
        return False
    finally:
        upload.seek(0)
    return not any(marker in content_types for marker in _MACRO_MARKERS)


def content_type_for(name: str) -> str:
    """The content type a stored file is served with: that of its accepted kind, else a
    download of unknown bytes."""
    kind = ALLOWED.get(_extension(name))
    return kind.content_type if kind else "application/octet-stream"


def check_upload(upload: UploadedFile, *, extensions: Iterable[str] = tuple(ALLOWED)) -> None:
    """Refuse a file that is too large or whose content is not one of ``extensions``."""
    extensions = tuple(extensions)
    limit = settings.MOTCUA_MAX_UPLOAD_BYTES
    if upload.size is not None and upload.size > limit:
        raise DomainError(
            f"Tệp «{upload.name}» quá lớn (tối đa {filesizeformat(limit)}).",
            f"File '{upload.name}' is too large (limit {limit} bytes).",
            code="file_too_large",
            status_code=413,
        )
    extension = _extension(upload.name or "")
    kind = ALLOWED.get(extension) if extension in extensions else None
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    if kind is None or not any(head.startswith(sig) for sig in kind.signatures):
        raise _type_error(upload.name or "", extensions)
    if kind.main_part and not _is_office_package(upload, kind.main_part):
        raise _type_error(upload.name or "", extensions)


def check_uploads(
    uploads: Iterable[UploadedFile], *, extensions: Iterable[str] = tuple(ALLOWED)
) -> None:
    """Check every file of one request, and the request's number of files and total size,
    before any of them is stored."""
    uploads = [u for u in uploads if u is not None]
    most = settings.MOTCUA_MAX_UPLOAD_FILES
    if len(uploads) > most:
        raise DomainError(
            f"Tối đa {most} tệp trong một lần gửi (đã gửi {len(uploads)}).",
            f"At most {most} files per request ({len(uploads)} sent).",
            code="too_many_files",
            status_code=413,
        )
    total, limit = sum(u.size or 0 for u in uploads), settings.MOTCUA_MAX_UPLOAD_TOTAL_BYTES
    if total > limit:
        raise DomainError(
            f"Tổng dung lượng các tệp vượt quá {filesizeformat(limit)}.",
            f"The files total more than {limit} bytes.",
            code="files_too_large",
            status_code=413,
        )
    for upload in uploads:
        check_upload(upload, extensions=extensions)


@deconstructible
class UploadValidator:
    """The check as a model field validator, so that every ModelForm (the Django admin
    included) refuses what the services refuse. A file already stored is not re-read."""

    def __init__(self, extensions: Iterable[str] = tuple(ALLOWED)):
        self.extensions = tuple(extensions)

    def __call__(self, value: FieldFile) -> None:
        upload = getattr(value, "file", None) if not getattr(value, "_committed", True) else None
        if upload is None or not isinstance(upload, UploadedFile):
            return
        try:
            check_upload(upload, extensions=self.extensions)
        except DomainError as error:
            raise ValidationError(error.bilingual, code=error.code) from error

    def __eq__(self, other: object) -> bool:
        return isinstance(other, UploadValidator) and other.extensions == self.extensions


def file_download(
    field: FieldFile, filename: str | None = None, content_type: str | None = None
) -> HttpResponseBase:
    """Serve a stored user file (uploaded or generated): always as an attachment, with the
    content type of its accepted kind (or ``content_type`` for a generated document) and
    ``nosniff``, so that no stored file can run as a page of this site. Streamed from the
    storage (local folder or object store), never through a storage URL. A store that is down
    answers 503. Callers authorise the request first."""
    if not field:
        raise Http404
    name = filename or (field.name or "").rsplit("/", 1)[-1]
    try:
        handle = field.open("rb")
        # Builds the headers, hence reaches the store (the object's size).
        response = FileResponse(
            handle,
            as_attachment=True,
            filename=name,
            content_type=content_type or content_type_for(name),
        )
    except FileNotFoundError as error:
        raise Http404 from error
    except STORAGE_ERRORS:
        logger.warning("file store failed serving %s", field.name, exc_info=True)
        return storage_unavailable_response()
    response["X-Content-Type-Options"] = "nosniff"
    # Should a browser render it anyway, it runs nothing and loads nothing.
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


def storage_unavailable_response() -> HttpResponse:
    """What a download answers while the file store is down: 503, try again later."""
    error = StorageUnavailable()
    response = HttpResponse(
        error.bilingual, status=error.status_code, content_type="text/plain; charset=utf-8"
    )
    response["Retry-After"] = "30"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def bytes_download(data: bytes, filename: str) -> FileResponse:
    """``file_download`` for a document not yet in the file storage (a slip whose storing job
    has not run yet), with the same headers."""
    response = FileResponse(
        io.BytesIO(data),
        as_attachment=True,
        filename=filename,
        content_type=content_type_for(filename),
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


def stored_or_pending_download(field: FieldFile, pending: bytes | None, filename: str):
    """The stored file, else the bytes still waiting to be stored."""
    if field:
        return file_download(field, filename)
    if pending is None:
        raise Http404
    return bytes_download(bytes(pending), filename)


class _Linked:
    """A stored file as ``ClearableFileInput`` shows it: its name, linked to ``url``."""

    def __init__(self, name: str, url: str):
        self.name, self.url = name, url

    def __str__(self) -> str:
        return self.name


class StoredFileInput(ClearableFileInput):
    """A file input whose "currently" link goes to the authorised view ``link(field_file)``,
    never to the storage (a storage URL would be a signed link to the object store, or a
    ``/media/`` path nobody serves)."""

    def __init__(self, link: Callable[[FieldFile], str], attrs: dict | None = None):
        super().__init__(attrs)
        self.link = link

    def format_value(self, value):
        if value and getattr(value, "instance", None) is not None and value.instance.pk:
            return _Linked(value.name.rsplit("/", 1)[-1], self.link(value))
        return None


class RequestSizeLimitHandler(FileUploadHandler):
    """First of the upload handlers: a multipart body larger than the per-request total (plus
    the form fields' allowance) is refused before any of it is read into memory or temporary
    files."""

    def handle_raw_input(self, input_data, META, content_length, boundary, encoding=None):
        limit = settings.MOTCUA_MAX_UPLOAD_TOTAL_BYTES + settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        if content_length > limit:
            raise RequestDataTooBig(f"Request body of {content_length} bytes exceeds {limit}.")

    def receive_data_chunk(self, raw_data, start):
        return raw_data

    def file_complete(self, file_size):
        return None
