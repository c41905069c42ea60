import datetime as dt
import io

from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

from motcua.signing.services import Signer, pdf_sign
from motcua.testing.signing import minimal_pdf

NOW = dt.datetime(2024, 12, 14, 2, 30, tzinfo=dt.UTC)  # 09:30 in Hà Nội
TEXT = "Quyet dinh so 12/QD-STP"


def leader_and_seal(world) -> bytes:
    """A result as the law asks for it: the leader's signature, then the agency's seal."""
    leader = pdf_sign(
        pdf=minimal_pdf(TEXT),
        signer=Signer(agency=world.agency, seal=False, user=world.leader),
        reason="Phê duyệt kết quả",
        field_name="LanhDao",
        now=NOW,
    )
    return pdf_sign(
        pdf=leader,
        signer=Signer(agency=world.agency, user=world.officer),
        reason="Đóng dấu",
        field_name="CoQuan",
        now=NOW,
    )


def seal_only(world) -> bytes:
    return pdf_sign(
        pdf=minimal_pdf(TEXT),
        signer=Signer(agency=world.agency),
        reason="Đóng dấu",
        field_name="CoQuan",
        now=NOW,
    )


def one_byte_changed(pdf: bytes) -> bytes:
    """The document's own text changed by one letter (same length: only the bytes differ)."""
    at = pdf.index(b"12/QD")
    assert pdf.count(b"12/QD") == 1
    return pdf[:at] + b"13/QD" + pdf[at + 5 :]


def text_added_after_signing(pdf: bytes) -> bytes:
    """An incremental update after the signatures that writes new text on the page."""
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
    stream = generic.StreamObject(stream_data=b"BT /F1 14 Tf 72 700 Td (Da sua) Tj ET")
    writer.add_stream_to_page(0, writer.add_object(stream))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
