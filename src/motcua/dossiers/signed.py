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


def slip_document_key(row: DossierDocument | CounterVisit) -> str:
    """The key of the slip in the record of signatures (one seal per key)."""
    if isinstance(row, CounterVisit):
        return f"counter_visit:{row.pk}"
    return f"dossier:{row.dossier.code}:slip:{row.pk}"


def result_document_key(dossier: Dossier) -> str:
    return f"dossier:{dossier.code}:result"


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
    from motcua.signing.services import pdf_sign, signature_record

    if row.signed_pdf:
        return False
    signer = slip_signer(row)
    signer.require_key()
    pdf = slip_pdf(row)
    if pdf is None:
        raise _no_soffice()
    now = timezone.now()
    signed = pdf_sign(
        pdf=pdf,
        signer=signer,
        reason=f"Ban hành {row.title}",
        field_name=SEAL_FIELD,
        now=now,
    )
    name = slip_file_name(row, "pdf").replace(".pdf", "-ky-so.pdf")
    with files_atomic(), transaction.atomic():
        locked = type(row)._default_manager.select_for_update().get(pk=row.pk)
        if locked.signed_pdf:
            return False
        signature_record(
            document_key=slip_document_key(row),
            field_name=SEAL_FIELD,
            signer=signer,
            input_pdf=pdf,
            output_pdf=signed,
            signed_at=now,
        )
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
    from motcua.signing.services import Signer, pdf_sign, signature_record

    if dossier.result_pdf or dossier.outcome != Outcome.APPROVED:
        return False
    approval = _approval(dossier)
    approver = approval.actor if approval else None
    leader = Signer(agency=dossier.agency, seal=False, user=approver)
    seal = Signer(agency=dossier.agency, seal=True, user=approver)
    leader.require_key()
    seal.require_key()
    pdf = result_unsigned_pdf(dossier, approver=approver, approval=approval)
    now = timezone.now()
    by_leader = pdf_sign(
        pdf=pdf, signer=leader, reason=RESULT_LEADER_REASON, field_name=LEADER_FIELD, now=now
    )
    signed = pdf_sign(
        pdf=by_leader, signer=seal, reason=RESULT_SEAL_REASON, field_name=SEAL_FIELD, now=now
    )
    name = f"{file_stem(dossier.code)}-ket-qua-ky-so.pdf"
    with files_atomic(), transaction.atomic():
        locked = Dossier.objects.select_for_update().get(pk=dossier.pk)
        if locked.result_pdf:
            return False
        key = result_document_key(dossier)
        for signer, field, before, after in (
            (leader, LEADER_FIELD, pdf, by_leader),
            (seal, SEAL_FIELD, by_leader, signed),
        ):
            signature_record(
                document_key=key,
                field_name=field,
                signer=signer,
                input_pdf=before,
                output_pdf=after,
                signed_at=now,
            )
        file_save(locked.result_pdf, name, ContentFile(signed))
        # A result issued electronically is a digitized result (interchange.md:
        # ``result_digitized``, "issued or digitized electronically"), uploaded or generated.
        locked.result_digitized = True
        locked.save(update_fields=["result_pdf", "result_digitized"])
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
            kind=dossier.procedure.result_kind,
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


# ---- the verification page's lookup by dossier code -----------------------------------------


def signed_documents_lookup(code: str, secret: str, *, client: str) -> list[tuple[str, str, bytes]]:
    """For ``/xac-thuc/``: the signed documents of the dossier ``code`` (result, slips,
    certified copies) as ``(title, filename, PDF bytes)``, when ``secret`` proves access the
    way the public lookup does (same check, same limits per code and per client address).
    DomainError otherwise."""
    from motcua.dossiers.access import dossier_access

    dossier = dossier_access(code=code, secret=secret, client=client)
    stem = file_stem(dossier.code)
    found: list[tuple[str, str, bytes]] = []
    if dossier.result_pdf:
        found.append(
            (
                "Kết quả giải quyết thủ tục hành chính",
                f"{stem}-ket-qua-ky-so.pdf",
                file_read(dossier.result_pdf),
            )
        )
    for document in dossier.documents.exclude(signed_pdf="").order_by("created_at", "id"):
        title = f"{document.title} (Mẫu {document.form_number})"
        found.append((title, f"{stem}-{document.kind}-ky-so.pdf", file_read(document.signed_pdf)))
    for component in dossier.components.exclude(certified_copy="").order_by("id"):
        found.append(
            (
                f"Bản sao chứng thực: {component.name}",
                f"{stem}-{component.pk}-chung-thuc.pdf",
                file_read(component.certified_copy),
            )
        )
    return found
