"""Signing PDFs (PAdES B-B with a visible stamp), verifying them, and recording each signature
made (docs/signatures.md, ADR 0012). Knows agencies and officers, not dossiers: the apps above
give a document key and store the signed bytes in their own jobs."""

from __future__ import annotations

import asyncio
import concurrent.futures
import datetime as dt
import hashlib
import io
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from django.db import IntegrityError, transaction
from django.utils import timezone

from motcua.audit.services import audit_record
from motcua.signing import stamp
from motcua.signing.keys import SigningUnavailable, key_entry, key_signer, trust_roots
from motcua.utils.errors import DomainError

T = TypeVar("T")

if TYPE_CHECKING:
    from motcua.accounts.models import User
    from motcua.agencies.models import Agency
    from motcua.signing.models import Signature

__all__ = [
    "NotSigned",
    "PdfUnreadable",
    "SignatureExists",
    "SignatureReport",
    "Signer",
    "SigningUnavailable",
    "VerificationReport",
    "pdf_sign",
    "pdf_verify",
    "signature_record",
]


class PdfUnreadable(DomainError):
    def __init__(self) -> None:
        super().__init__(
            "Tệp không phải là tệp PDF đọc được (hoặc đã bị hỏng).",
            "The file is not a readable PDF (or it is damaged).",
            code="pdf_unreadable",
            status_code=400,
        )


class NotSigned(DomainError):
    def __init__(self) -> None:
        super().__init__(
            "Tệp PDF không có chữ ký số nào.",
            "The PDF carries no digital signature.",
            code="not_signed",
            status_code=400,
        )


class SignatureExists(DomainError):
    def __init__(self, document_key: str, field_name: str) -> None:
        super().__init__(
            f"Văn bản «{document_key}» đã được ký ({field_name}).",
            f"Document '{document_key}' is already signed ({field_name}).",
            code="already_signed",
        )


@dataclass(frozen=True)
class Signer:
    agency: Agency  # whose key signs
    # True: the agency's own certificate (organisation seal); False: the person's certificate
    # (leader's signature).
    seal: bool = True
    # The person (full name and title shown in the stamp); for a seal, the officer who issued
    # the document, if any.
    user: User | None = None

    def key_source(self) -> tuple[str, str]:
        if self.seal:
            return "agencies", self.agency.code
        if self.user is None:
            raise SigningUnavailable(
                self.agency.code, "chữ ký cá nhân cần người ký", "a personal signature needs a user"
            )
        return "people", self.user.username

    def require_key(self) -> None:
        """SigningUnavailable unless a key is configured for this signer: checked before the
        slow part of a signing job (LibreOffice's conversion), so that a job without a key
        fails at once and waits for its retry, instead of converting a document in vain."""
        key_entry(*self.key_source())


def local_time(moment: dt.datetime) -> str:
    return timezone.localtime(moment).strftime("%d/%m/%Y %H:%M")


def _reader(pdf: bytes) -> Any:
    from pyhanko.pdf_utils.reader import PdfFileReader

    if not pdf.lstrip()[:5] == b"%PDF-":
        raise PdfUnreadable
    try:
        return PdfFileReader(io.BytesIO(pdf), strict=False)
    except Exception as exc:  # pyHanko raises many kinds on a damaged file
        raise PdfUnreadable from exc


def pdf_sign(
    *,
    pdf: bytes,
    signer: Signer,
    reason: str,
    field_name: str,
    now: dt.datetime,
    location: str = "",
) -> bytes:
    """PAdES (B-B) signature with a visible stamp (agency, signer's full name and title, local
    time dd/mm/yyyy HH:MM). Incremental: an already signed PDF keeps its signatures valid.
    Raises SigningUnavailable (bilingual) when no key is configured."""
    kind, name = signer.key_source()
    user = signer.user
    lines = stamp.stamp_lines(
        agency=signer.agency.name,
        person=user.get_full_name() if user else "",
        title=user.title if user else "",
        at=local_time(now),
    )
    _reader(pdf)  # a clear error for bytes that are not a PDF, before any key is opened
    return _outside_event_loop(
        _sign, pdf, kind, name, user, signer, lines, reason, location, field_name
    )


def _outside_event_loop(fn: Callable[..., T], *args: Any) -> T:
    """``fn(*args)``, in a thread of its own when this one runs an event loop: pyHanko's
    synchronous calls run their own loop (``asyncio.run``), which a thread already running one
    (an ASGI server, Playwright's synchronous API in a test) refuses. No database access
    happens in ``fn``: another thread would not see this one's transaction."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return fn(*args)
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(fn, *args).result()


def _sign(pdf, kind, name, user, signer, lines, reason, location, field_name) -> bytes:
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers
    from pyhanko.sign.fields import SigSeedSubFilter

    with key_signer(kind, name) as key:
        try:
            writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
            page_count = int(writer.root["/Pages"]["/Count"])
        except Exception as exc:
            raise PdfUnreadable from exc
        page_ix = page_count - 1
        style, text_params = stamp.stamp_style(lines)
        meta = signers.PdfSignatureMetadata(
            field_name=field_name,
            reason=reason or None,
            location=location or None,
            name=user.get_full_name() if user else signer.agency.name,
            subfilter=SigSeedSubFilter.PADES,
            md_algorithm="sha256",
        )
        pdf_signer = signers.PdfSigner(
            meta,
            signer=key,
            stamp_style=style,
            new_field_spec=fields.SigFieldSpec(
                sig_field_name=field_name,
                on_page=page_ix,
                box=stamp.free_box(writer, page_ix),
            ),
        )
        output = io.BytesIO()
        pdf_signer.sign_pdf(writer, output=output, appearance_text_params=text_params)
    return output.getvalue()


# ---- verification ---------------------------------------------------------------------------


@dataclass(frozen=True)
class SignatureReport:
    field_name: str
    signer_name: str  # the certificate's common name: a person or an agency
    signer_title: str
    agency: str  # the certificate's organisation
    certificate_serial: str
    signed_at: dt.datetime | None  # as the signer reports it (no timestamp authority yet)
    intact: bool  # the signed bytes are unchanged
    valid: bool  # intact, and the signature over them is cryptographically right
    trusted: bool  # the certificate chains to a trusted root (province CA, configured roots)
    coverage: str  # pyHanko's coverage level: ENTIRE_FILE, ENTIRE_REVISION, ...
    modification_level: str  # pyHanko's level of later changes: NONE, FORM_FILLING, OTHER...
    # False: the file was changed after this signature beyond adding later signatures.
    covers_whole_document: bool
    summary: str  # pyHanko's own one-line verdict

    @property
    def modified_after_signing(self) -> bool:
        """The signed bytes changed, or something other than a signature was added since."""
        return not (self.intact and self.covers_whole_document)

    @property
    def bottom_line(self) -> bool:
        return self.valid and self.trusted and not self.modified_after_signing


@dataclass(frozen=True)
class VerificationReport:
    signatures: tuple[SignatureReport, ...]

    @property
    def bottom_line(self) -> bool:
        """Every signature valid, trusted, and the document unchanged since."""
        return bool(self.signatures) and all(s.bottom_line for s in self.signatures)

    @property
    def modified_after_signing(self) -> bool:
        return any(s.modified_after_signing for s in self.signatures)


def _name_part(certificate: Any, key: str) -> str:
    value = certificate.subject.native.get(key, "")
    return ", ".join(value) if isinstance(value, list) else str(value or "")


def _unreadable_report(embedded: Any, summary: str) -> SignatureReport:
    try:
        field_name = str(embedded.field_name)
    except Exception:
        field_name = "?"
    return SignatureReport(
        field_name=field_name,
        signer_name="",
        signer_title="",
        agency="",
        certificate_serial="",
        signed_at=None,
        intact=False,
        valid=False,
        trusted=False,
        coverage="",
        modification_level="",
        covers_whole_document=False,
        summary=summary,
    )


def pdf_verify(*, pdf: bytes) -> VerificationReport:
    """Every signature of ``pdf``, validated with pyHanko against the trusted roots (no
    fetching: the province CA is offline, and a page must not reach out). Raises PdfUnreadable
    for bytes that are not a PDF and NotSigned for a PDF without signatures."""
    from pyhanko.sign.diff_analysis import ModificationLevel
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.status import SignatureCoverageLevel
    from pyhanko_certvalidator import ValidationContext

    reader = _reader(pdf)
    try:
        embedded_signatures = list(reader.embedded_signatures)
    except Exception as exc:
        raise PdfUnreadable from exc
    if not embedded_signatures:
        raise NotSigned
    total_revisions = reader.xrefs.total_revisions
    signed_revisions = {e.signed_revision for e in embedded_signatures}
    roots = trust_roots()
    reports = []
    for embedded in embedded_signatures:
        context = ValidationContext(trust_roots=roots, allow_fetching=False)
        try:
            status = _outside_event_loop(validate_pdf_signature, embedded, context)
        except Exception as exc:  # a malformed signature is a failed one, not a crash
            reports.append(_unreadable_report(embedded, f"{type(exc).__name__}: {exc}"))
            continue
        certificate = status.signing_cert
        level = status.modification_level
        later = set(range(embedded.signed_revision + 1, total_revisions))
        only_signatures_after = later <= signed_revisions and level in (
            None,
            ModificationLevel.NONE,
            ModificationLevel.LTA_UPDATES,
            ModificationLevel.FORM_FILLING,
        )
        whole = status.coverage == SignatureCoverageLevel.ENTIRE_FILE or (
            status.coverage == SignatureCoverageLevel.ENTIRE_REVISION and only_signatures_after
        )
        reports.append(
            SignatureReport(
                field_name=str(embedded.field_name),
                signer_name=_name_part(certificate, "common_name"),
                signer_title=_name_part(certificate, "title"),
                agency=_name_part(certificate, "organization_name"),
                certificate_serial=format(certificate.serial_number, "x"),
                signed_at=status.signer_reported_dt,
                intact=bool(status.intact),
                valid=bool(status.intact and status.valid),
                trusted=bool(status.trusted),
                coverage=status.coverage.name if status.coverage else "",
                modification_level=level.name if level else "",
                covers_whole_document=whole,
                summary=status.summary(),
            )
        )
    return VerificationReport(signatures=tuple(reports))


# ---- the record of signatures made ----------------------------------------------------------


def _certificate_of(pdf: bytes, field_name: str) -> Any:
    for embedded in _reader(pdf).embedded_signatures:
        if embedded.field_name == field_name:
            return embedded.signer_cert
    raise NotSigned


def signature_record(
    *,
    document_key: str,
    field_name: str,
    signer: Signer,
    input_pdf: bytes,
    output_pdf: bytes,
    signed_at: dt.datetime,
) -> Signature:
    """Record a signature made by ``pdf_sign`` (its certificate read from the signed file),
    with its audit entry. A document key signed twice in one field raises SignatureExists:
    the unique key makes the database refuse it even in a race."""
    from motcua.signing.models import Signature

    certificate = _certificate_of(output_pdf, field_name)
    try:
        with transaction.atomic():
            signature = Signature.objects.create(
                document_key=document_key,
                field_name=field_name,
                agency=signer.agency,
                user=signer.user,
                seal=signer.seal,
                certificate_serial=format(certificate.serial_number, "x")[:64],
                certificate_subject=certificate.subject.human_friendly[:255],
                input_sha256=hashlib.sha256(input_pdf).hexdigest(),
                output_sha256=hashlib.sha256(output_pdf).hexdigest(),
                signed_at=signed_at,
            )
            audit_record(
                action="signing.sign",
                target=signature,
                actor_label="system",
                data={
                    "document_key": document_key,
                    "field_name": field_name,
                    "agency": signer.agency.code,
                    "user": signer.user.username if signer.user else "",
                    "seal": signer.seal,
                    "certificate_serial": signature.certificate_serial,
                    "output_sha256": signature.output_sha256,
                },
            )
    except IntegrityError as exc:
        raise SignatureExists(document_key, field_name) from exc
    return signature
