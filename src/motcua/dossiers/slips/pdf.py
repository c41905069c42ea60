"""The PDF of a stored slip, converted from its DOCX by LibreOffice once and kept.

Conversion takes seconds, so it never runs inside the intake transaction: it happens the
first time someone asks for the PDF, outside any lock, and the result is stored under a short
row lock so that two simultaneous first requests still keep exactly one PDF.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction

from motcua.dossiers.models import CounterVisit, DossierDocument
from motcua.utils.storage import file_read, file_save, files_atomic

logger = logging.getLogger(__name__)

CONVERT_TIMEOUT_SECONDS = 60


class SlipConversionError(RuntimeError):
    """LibreOffice failed or timed out converting a slip."""


def soffice_path() -> str | None:
    return shutil.which(getattr(settings, "MOTCUA_SOFFICE", "") or "soffice")


def docx_to_pdf(data: bytes, *, soffice: str, stem: str = "slip", suffix: str = "docx") -> bytes:
    """Convert DOCX bytes (or another office document, ``suffix`` its extension) with a
    private LibreOffice profile (concurrent conversions with a shared profile lock each other
    out or fail)."""
    with tempfile.TemporaryDirectory(prefix="motcua-soffice-") as tmp:
        work = Path(tmp)
        source = work / f"{stem}.{suffix}"
        source.write_bytes(data)
        profile = (work / "profile").as_uri()
        command = [
            soffice,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(work),
            str(source),
        ]
        try:
            completed = subprocess.run(
                command,
                capture_output=True,
                timeout=CONVERT_TIMEOUT_SECONDS,
                check=False,
                env={**os.environ, "HOME": tmp},
            )
        except subprocess.TimeoutExpired as exc:
            raise SlipConversionError(
                f"LibreOffice did not finish within {CONVERT_TIMEOUT_SECONDS} s"
            ) from exc
        target = work / f"{stem}.pdf"
        if completed.returncode != 0 or not target.exists():
            raise SlipConversionError(
                f"LibreOffice failed ({completed.returncode}): "
                f"{completed.stderr.decode(errors='replace')[-500:]}"
            )
        return target.read_bytes()


def slip_pdf(document: DossierDocument | CounterVisit) -> bytes | None:
    """The stored PDF of ``document`` (a dossier's slip or a counter visit's), converting its
    DOCX the first time. None (with a warning) when LibreOffice is not installed."""
    if document.pdf:
        return file_read(document.pdf)
    soffice = soffice_path()
    if soffice is None:
        logger.warning(
            "soffice not found: cannot produce the PDF of slip %s (install LibreOffice Writer)",
            document.pk,
        )
        return None
    from motcua.dossiers.slips.issue import slip_bytes, slip_file_name

    stem = Path(slip_file_name(document)).stem
    data = docx_to_pdf(slip_bytes(document), soffice=soffice, stem=stem)
    with files_atomic(), transaction.atomic():
        locked = type(document)._default_manager.select_for_update().get(pk=document.pk)
        if not locked.pdf:  # nobody stored one while we converted
            file_save(locked.pdf, f"{stem}.pdf", ContentFile(data))
            locked.save(update_fields=["pdf"])
    document.pdf = locked.pdf
    return file_read(document.pdf)
