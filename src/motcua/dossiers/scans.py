"""Scanned components: the PDF/A of an image, and the certified electronic copy.

A component uploaded as an image (JPEG, PNG, TIFF) gets a PDF/A-1b beside it (img2pdf, with
an sRGB output intent): the format for keeping a scan. When the intake officer ticked
"Chứng thực bản sao điện tử từ bản chính", the PDF (the PDF/A, or the uploaded PDF) is then
sealed by the agency as the certified copy. Both run in the job ``component_pdf``, outside any
request; each result is stored once, under a short row lock (the ``slip_pdf`` pattern).
"""

from __future__ import annotations

import functools
import io
import logging
import tempfile
from pathlib import Path

import img2pdf
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from PIL import Image, ImageCms

from motcua.dossiers.models import DossierComponent
from motcua.utils.storage import file_read, file_save, files_atomic

logger = logging.getLogger(__name__)

CERTIFIED_REASON = "Bản sao điện tử được chứng thực từ bản chính"
CERTIFIED_FIELD = "ChungThuc"

_IMAGE_MAGIC = (
    b"\xff\xd8\xff",  # JPEG
    b"\x89PNG\r\n\x1a\n",
    b"II*\x00",  # TIFF, little-endian
    b"MM\x00*",  # TIFF, big-endian
)


def is_image(data: bytes) -> bool:
    """Whether ``data`` is a JPEG, PNG or TIFF (by content, not by name)."""
    return data.startswith(_IMAGE_MAGIC)


@functools.cache
def srgb_profile_path() -> str:
    """An sRGB ICC profile (Pillow's own) written once per process: the output intent of
    every PDF/A made here."""
    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    folder = Path(tempfile.mkdtemp(prefix="motcua-icc-"))
    path = folder / "sRGB.icc"
    path.write_bytes(profile)
    return str(path)


def _pages(data: bytes) -> list[bytes]:
    """The pages as images PDF/A accepts with an sRGB intent: an RGB or grey JPEG as it is
    (no recompression); anything else (alpha, palette, CMYK, several TIFF frames) flattened
    to RGB PNG, one a frame."""
    image = Image.open(io.BytesIO(data))
    if image.format == "JPEG" and image.mode in ("RGB", "L"):
        return [data]
    pages = []
    for index in range(getattr(image, "n_frames", 1)):
        image.seek(index)
        frame = image.convert("RGBA") if image.mode in ("P", "LA", "PA") else image
        if frame.mode == "RGBA":
            flat = Image.new("RGB", frame.size, "white")
            flat.paste(frame, mask=frame.getchannel("A"))
            frame = flat
        elif frame.mode not in ("RGB", "L"):
            frame = frame.convert("RGB")
        out = io.BytesIO()
        frame.save(out, format="PNG")
        pages.append(out.getvalue())
    return pages


def image_to_pdfa(data: bytes, *, title: str = "") -> bytes:
    """A PDF/A-1b of the image ``data`` (every frame of a TIFF a page), sRGB output intent."""
    metadata = {"title": title} if title else {}
    result = img2pdf.convert(
        *_pages(data),
        pdfa=srgb_profile_path(),
        rotation=img2pdf.Rotation.ifvalid,
        **metadata,
    )
    assert result is not None
    return result


def _store(component: DossierComponent, field: str, name: str, data: bytes) -> DossierComponent:
    """Store ``data`` in ``field`` unless somebody stored one meanwhile; the locked row."""
    with files_atomic(), transaction.atomic():
        locked = DossierComponent.objects.select_for_update().get(pk=component.pk)
        if not getattr(locked, field):
            file_save(getattr(locked, field), name, ContentFile(data))
            locked.save(update_fields=[field])
    return locked


def _stem(component: DossierComponent) -> str:
    name = (component.original_name or component.file.name or "").rsplit("/", 1)[-1]
    return (name.rsplit(".", 1)[0] or "thanh-phan")[:80]


def component_pdf_make(component: DossierComponent) -> None:
    """The PDF/A of an image component, then the certified copy when it was asked for. Each
    step is skipped when its file exists, so a repeat (a killed worker) does only what is
    missing, and a concurrent run stores nothing twice."""
    if not component.file:
        return
    original: bytes | None = None
    if not component.pdfa:
        original = file_read(component.file)
        if is_image(original):
            pdfa = image_to_pdfa(original, title=component.name)
            component = _store(component, "pdfa", f"{_stem(component)}-pdfa.pdf", pdfa)
    if component.certify_by_id and not component.certified_copy:
        _certify(component, original)


def _certify(component: DossierComponent, original: bytes | None) -> None:
    from motcua.audit.services import audit_record
    from motcua.signing.services import Signer, pdf_sign, signature_record

    if component.pdfa:
        pdf = file_read(component.pdfa)
    else:
        pdf = original if original is not None else file_read(component.file)
        if not pdf.startswith(b"%PDF-"):
            logger.warning(
                "component %s is neither an image nor a PDF: not certified", component.pk
            )
            return
    dossier = component.dossier
    officer = component.certify_by
    assert officer is not None
    agency = officer.agency or dossier.receiving_agency
    signer, now = Signer(agency=agency, seal=True, user=officer), timezone.now()
    signed = pdf_sign(
        pdf=pdf, signer=signer, reason=CERTIFIED_REASON, field_name=CERTIFIED_FIELD, now=now
    )
    with files_atomic(), transaction.atomic():
        locked = DossierComponent.objects.select_for_update().get(pk=component.pk)
        if locked.certified_copy:
            return
        signature_record(
            document_key=f"dossier:{dossier.code}:component:{component.pk}",
            field_name=CERTIFIED_FIELD,
            signer=signer,
            input_pdf=pdf,
            output_pdf=signed,
            signed_at=now,
        )
        file_save(locked.certified_copy, f"{_stem(component)}-chung-thuc.pdf", ContentFile(signed))
        locked.save(update_fields=["certified_copy"])
        audit_record(
            action="dossier.component_certified",
            target=dossier,
            actor=officer,
            data={"component": component.pk, "name": component.name, "agency": agency.code},
        )
