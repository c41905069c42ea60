"""Checks on uploaded files: type by content (not by name alone) and size."""

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat

from motcua.utils.errors import DomainError

# Extension -> the leading bytes every such file starts with.
ALLOWED = {
    ".pdf": (b"%PDF-",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".docx": (b"PK\x03\x04",),
    ".xlsx": (b"PK\x03\x04",),
    ".doc": (b"\xd0\xcf\x11\xe0",),
    ".xls": (b"\xd0\xcf\x11\xe0",),
}


def check_upload(upload: UploadedFile) -> None:
    """Refuse a file that is too large or whose content is not one of the accepted types."""
    limit = settings.MOTCUA_MAX_UPLOAD_BYTES
    if upload.size > limit:
        raise DomainError(
            f"Tệp «{upload.name}» quá lớn (tối đa {filesizeformat(limit)}).",
            f"File '{upload.name}' is too large (limit {limit} bytes).",
            code="file_too_large",
            status_code=413,
        )
    name = (upload.name or "").lower()
    extension = name[name.rfind(".") :] if "." in name else ""
    signatures = ALLOWED.get(extension)
    head = upload.read(8)
    upload.seek(0)
    if not signatures or not any(head.startswith(sig) for sig in signatures):
        raise DomainError(
            f"Tệp «{upload.name}» không đúng định dạng cho phép (PDF, JPG, PNG, DOC, DOCX, XLS, "
            "XLSX).",
            f"File '{upload.name}' is not an accepted type (PDF, JPG, PNG, DOC, DOCX, XLS, XLSX).",
            code="file_type",
            status_code=415,
        )
