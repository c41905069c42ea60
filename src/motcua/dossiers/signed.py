"""Signed PDFs of a dossier: the slips (forms 01–05) sealed by the agency that issued them,
and the result signed by the approver then sealed by the agency (PAdES, ``motcua.signing``).

Both run in jobs (``slip_sign``, ``result_sign``), never in a request: each returns at once
when the row already holds its signed file, converts and signs outside any lock, and stores
the signed bytes under ``select_for_update`` only if nobody stored them meanwhile, so a
document is signed into the storage once however often, or however concurrently, the job runs.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from pathlib import Path

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from motcua.agencies.models import Agency
from motcua.dossiers.models import CounterVisit, Dossier, DossierDocument, DossierEvent
from motcua.dossiers.scans import image_to_pdfa, is_image
from motcua.dossiers.slips.issue import file_stem, local, slip_file_name
from motcua.dossiers.slips.pdf import SlipConversionError, docx_to_pdf, slip_pdf, soffice_path
from motcua.dossiers.slips.result import result_docx
from motcua.dossiers.workflow import Action, Outcome
from motcua.utils.storage import file_read, file_save, files_atomic

logger = logging.getLogger(__name__)

SEAL_FIELD = "DauCoQuan"
LEADER_FIELD = "LanhDao"
RESULT_LEADER_REASON = "Phê duyệt kết quả giải quyết thủ tục hành chính"
RESULT_SEAL_REASON = "Đóng dấu cơ quan ban hành kết quả giải quyết thủ tục hành chính"


def _no_soffice() -> SlipConversionError:
    return SlipConversionError("soffice not found: install LibreOffice Writer to sign slips")


# ---- slips ----------------------------------------------------------------------------------


def slip_signer(row: DossierDocument | CounterVisit):
    """The issuing unit's seal, with the officer who issued the slip named in the stamp."""
    from motcua.signing.services import Signer

    if isinstance(row, CounterVisit):
        return Signer(agency=row.desk, seal=True, user=row.officer)
    agency: Agency = row.agency or row.dossier.receiving_agency
    return Signer(agency=agency, seal=True, user=row.created_by)


def slip_sign_make(row: DossierDocument | CounterVisit) -> bool:
    """Seal the PDF of slip ``row``; False when it was signed already (by this run or an
    earlier or concurrent one, which then stored first)."""
    from motcua.signing.services import pdf_sign

    if row.signed_pdf:
        return False
    pdf = slip_pdf(row)
    if pdf is None:
        raise _no_soffice()
    signed = pdf_sign(
        pdf=pdf,
        signer=slip_signer(row),
        reason=f"Ban hành {row.title}",
        field_name=SEAL_FIELD,
        now=timezone.now(),
    )
    name = slip_file_name(row, "pdf").replace(".pdf", "-ky-so.pdf")
    with files_atomic(), transaction.atomic():
        locked = type(row)._default_manager.select_for_update().get(pk=row.pk)
        if locked.signed_pdf:
            return False
        file_save(locked.signed_pdf, name, ContentFile(signed))
        locked.save(update_fields=["signed_pdf"])
    row.signed_pdf = locked.signed_pdf
    return True


# ---- result ---------------------------------------------------------------------------------


def _approval(dossier: Dossier) -> DossierEvent | None:
    return (
        DossierEvent.objects.filter(dossier=dossier, action=Action.APPROVE)
        .select_related("actor")
        .order_by("-at", "-id")
        .first()
    )


def result_unsigned_pdf(dossier: Dossier, *, approver, approval: DossierEvent | None) -> bytes:
    """The result as a PDF before signing: the uploaded PDF; the PDF/A of an uploaded image;
    an uploaded office document converted by LibreOffice; else the generated result document
    (python-docx, converted)."""
    stem = f"{file_stem(dossier.code)}-ket-qua"
    if dossier.result_file:
        data = file_read(dossier.result_file)
        if data.startswith(b"%PDF-"):
            return data
        if is_image(data):
            return image_to_pdfa(data, title=f"Kết quả hồ sơ {dossier.code}")
        suffix = Path(dossier.result_file.name).suffix.lstrip(".").lower() or "docx"
    else:
        at = approval.at if approval else dossier.ended_at or timezone.now()
        number = (approval.data or {}).get("result_number", "") if approval else ""
        data = result_docx(dossier=dossier, approver=approver, number=number, at=at)
        suffix = "docx"
    soffice = soffice_path()
    if soffice is None:
        raise _no_soffice()
    return docx_to_pdf(data, soffice=soffice, stem=stem, suffix=suffix)


def result_sign_make(dossier: Dossier) -> bool:
    """Sign the approved result of ``dossier``: the approver's own signature, then the agency's
    seal over it; stored as ``result_pdf`` and put in the applicant's data store in place of
    the unsigned file. False when there is nothing to do (signed already, not approved)."""
    from motcua.signing.services import Signer, pdf_sign

    if dossier.result_pdf or dossier.outcome != Outcome.APPROVED:
        return False
    approval = _approval(dossier)
    approver = approval.actor if approval else None
    pdf = result_unsigned_pdf(dossier, approver=approver, approval=approval)
    now = timezone.now()
    signed = pdf_sign(
        pdf=pdf,
        signer=Signer(agency=dossier.agency, seal=False, user=approver),
        reason=RESULT_LEADER_REASON,
        field_name=LEADER_FIELD,
        now=now,
    )
    signed = pdf_sign(
        pdf=signed,
        signer=Signer(agency=dossier.agency, seal=True, user=approver),
        reason=RESULT_SEAL_REASON,
        field_name=SEAL_FIELD,
        now=now,
    )
    name = f"{file_stem(dossier.code)}-ket-qua-ky-so.pdf"
    with files_atomic(), transaction.atomic():
        locked = Dossier.objects.select_for_update().get(pk=dossier.pk)
        if locked.result_pdf:
            return False
        file_save(locked.result_pdf, name, ContentFile(signed))
        locked.save(update_fields=["result_pdf"])
        _result_signed_into_store(locked, signed, name, approver, now)
    dossier.result_pdf = locked.result_pdf
    return True


def _result_signed_into_store(
    dossier: Dossier, signed: bytes, name: str, approver, now: dt.datetime
) -> None:
    """The signed result is the one the applicant's data store keeps: the copy made at
    approval now points at it (digest and size of the signed file); a generated result is
    copied in."""
    from motcua.datastore.models import DocumentSource
    from motcua.datastore.services import stored_document_copy, stored_document_replace_file
    from motcua.procedures.models import DocumentKind

    key = f"result:{dossier.pk}"
    digest, size = hashlib.sha256(signed).hexdigest(), len(signed)
    stored_name = dossier.result_pdf.name or ""
    replaced = stored_document_replace_file(
        source_key=key,
        stored_name=stored_name,
        original_name=name,
        content_type="application/pdf",
        size=size,
        sha256=digest,
        reason="signed_result",
    )
    if replaced is None:
        stored_document_copy(
            identifier=dossier.applicant_id_number,
            kind=DocumentKind.RESULT,
            source=DocumentSource.RESULT,
            source_key=key,
            stored_name=stored_name,
            dossier_code=dossier.code,
            actor=approver,
            title=dossier.procedure.name,
            issuer=dossier.agency.name,
            issued_on=local(dossier.ended_at or now).date(),
            original_name=name,
            content_type="application/pdf",
            size=size,
            sha256=digest,
        )
