"""The electronic receipt (biên lai điện tử) of a paid order: a DOCX composed with python-docx,
converted to PDF by the LibreOffice the slips use (``dossiers.slips.pdf.docx_to_pdf``: one
converter, Vietnamese fonts and layout handled the same way), then sealed by the settling agency
with ``motcua.signing.services.pdf_sign``.

``receipt_issue`` is the job's body: idempotent, it never signs twice. It returns at once when
the receipt has its signed file; it converts and signs outside any lock, then stores each file
under ``select_for_update`` only if nobody stored it meanwhile (the pattern of
``dossiers/slips/pdf.py: slip_pdf``, ADR 0009: jobs run at least once).
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from motcua.audit.services import audit_record
from motcua.dossiers.slips.pdf import SlipConversionError, docx_to_pdf
from motcua.payments.models import Receipt
from motcua.utils.amounts import vnd_in_words
from motcua.utils.formatting import vn_number
from motcua.utils.official_layout import Sheet
from motcua.utils.storage import file_read, file_save, files_atomic

SIGNATURE_FIELD = "DauCoQuanBienLai"


def _nothing() -> None:
    return None


def vnd(amount: int) -> str:
    return f"{vn_number(amount)} đ"


def receipt_docx(receipt: Receipt) -> bytes:
    """The receipt on the official layout of the slips (Decree 30: the authority and unit beside
    the national motto, number, date), the amount in figures and in words, and the note that
    it is sealed electronically (the seal is the signature ``receipt_issue`` adds)."""
    from motcua.agencies.models import Province
    from motcua.dossiers.slips.common import parent_authority, place_date

    payment = receipt.payment
    dossier = payment.dossier
    issued = timezone.localtime(receipt.issued_at)
    unit, province = dossier.agency, Province.get()
    sheet = Sheet()
    sheet.header(
        parent=parent_authority(unit, province, issued.date()),
        unit=unit.name_on(issued.date()),
        place_date=place_date(province, issued.date(), unit),
        number=receipt.number,
    )
    sheet.title("Biên lai thu phí, lệ phí", subtitle="(Biên lai điện tử)")
    sheet.field("Người nộp", receipt.payer)
    sheet.field("Mã hồ sơ", dossier.code)
    sheet.field("Thủ tục hành chính", dossier.procedure.name)
    sheet.field("Số tiền", vnd(receipt.amount))
    sheet.para("Bằng chữ: ", (vnd_in_words(receipt.amount), False, True), indent=False)
    sheet.field("Hình thức nộp", str(payment.get_channel_display()))
    sheet.field(
        "Mã đơn hàng / mã giao dịch", f"{payment.order_number} / {payment.gateway_transaction_id}"
    )
    if payment.paid_at:
        sheet.field("Thanh toán lúc", f"{timezone.localtime(payment.paid_at):%H:%M %d/%m/%Y}")
    sheet.para(
        f"Biên lai được lập lúc {issued:%H:%M %d/%m/%Y} và ký số bằng chứng thư số của "
        f"{unit.name_on(issued.date())}; biên lai điện tử có giá trị như biên lai giấy.",
    )
    return sheet.to_bytes()


def _store(
    receipt: Receipt, field: str, name: str, data: bytes, on_store: Callable[[], None] = _nothing
) -> Receipt:
    """Store ``data`` as the receipt's ``field`` unless somebody stored one meanwhile; then
    ``on_store`` (in the same transaction)."""
    with files_atomic(), transaction.atomic():
        locked = Receipt.objects.select_for_update().get(pk=receipt.pk)
        if not getattr(locked, field):  # nobody stored it while we worked
            file_save(getattr(locked, field), name, ContentFile(data))
            locked.save(update_fields=[field])
            on_store()
    return locked


def receipt_issue(*, receipt_id: int, now: dt.datetime) -> Receipt:
    """The receipt's PDF, sealed by the settling agency; nothing when it already is."""
    from motcua.signing.services import Signer, pdf_sign, signature_record

    receipt = Receipt.objects.select_related(
        "payment__dossier__agency", "payment__dossier__procedure"
    ).get(pk=receipt_id)
    if receipt.signed_pdf:
        return receipt
    stem = receipt.number.lower()
    if not receipt.pdf:
        soffice = shutil.which(settings.MOTCUA_SOFFICE or "soffice")
        if soffice is None:
            raise SlipConversionError("soffice not found: cannot produce the receipt's PDF")
        data = docx_to_pdf(receipt_docx(receipt), soffice=soffice, stem=stem)
        receipt.pdf = _store(receipt, "pdf", f"{stem}.pdf", data).pdf
    dossier = receipt.payment.dossier
    signer = Signer(agency=dossier.agency, seal=True)
    unsigned = file_read(receipt.pdf)
    signed = pdf_sign(
        pdf=unsigned,
        signer=signer,
        reason=f"Biên lai điện tử {receipt.number}",
        field_name=SIGNATURE_FIELD,
        now=now,
    )

    def recorded() -> None:
        # The signature's record: its unique (document, field) key refuses a second one.
        signature_record(
            document_key=f"receipt:{receipt.number}",
            field_name=SIGNATURE_FIELD,
            signer=signer,
            input_pdf=unsigned,
            output_pdf=signed,
            signed_at=now,
        )
        audit_record(
            action="payment.receipt_signed",
            target=receipt.payment,
            actor_label="system",
            data={"receipt": receipt.number},
        )

    stored = _store(receipt, "signed_pdf", f"{stem}-signed.pdf", signed, recorded)
    receipt.signed_pdf = stored.signed_pdf
    return receipt
