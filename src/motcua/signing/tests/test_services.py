import datetime as dt
import hashlib
import io

import pytest
from django.db import DatabaseError, transaction
from pyhanko.pdf_utils.reader import PdfFileReader

from motcua.audit.models import AuditEntry
from motcua.signing.models import Signature
from motcua.signing.pki import pki_init
from motcua.signing.services import (
    NotSigned,
    PdfUnreadable,
    SignatureExists,
    Signer,
    SigningUnavailable,
    pdf_sign,
    pdf_verify,
    signature_record,
)
from motcua.signing.tests.helpers import (
    NOW,
    leader_and_seal,
    one_byte_changed,
    seal_only,
    text_added_after_signing,
)
from motcua.testing.signing import minimal_pdf

pytestmark = pytest.mark.django_db


def test_a_seal_is_valid_and_trusted(signing_world, pki):
    report = pdf_verify(pdf=seal_only(signing_world))

    (signature,) = report.signatures
    assert signature.field_name == "CoQuan"
    assert signature.signer_name == "Sở Tư pháp tỉnh Bình Thuận"
    assert signature.agency == "Sở Tư pháp tỉnh Bình Thuận"
    assert (signature.intact, signature.valid, signature.trusted) == (True, True, True)
    assert signature.coverage == "ENTIRE_FILE" and signature.covers_whole_document
    assert signature.signed_at is not None
    assert abs(signature.signed_at - dt.datetime.now(dt.UTC)) < dt.timedelta(minutes=5)
    assert report.bottom_line and not report.modified_after_signing


def test_leader_and_seal_both_valid_stamps_side_by_side(signing_world, pki):
    signed = leader_and_seal(signing_world)
    report = pdf_verify(pdf=signed)

    leader, seal = report.signatures
    assert (leader.signer_name, leader.signer_title) == ("Nguyễn Văn Ánh", "Phó Giám đốc")
    assert leader.agency == "Sở Tư pháp tỉnh Bình Thuận"
    # The leader's signature covers its revision; the seal added after it is no change.
    assert leader.coverage == "ENTIRE_REVISION" and leader.covers_whole_document
    assert seal.coverage == "ENTIRE_FILE"
    assert all(s.valid and s.trusted for s in report.signatures)
    assert report.bottom_line

    page = PdfFileReader(io.BytesIO(signed)).root["/Pages"]["/Kids"][0].get_object()
    rects = [[float(v) for v in a.get_object()["/Rect"]] for a in page["/Annots"]]
    (a, b) = rects
    assert a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1], rects


def test_one_byte_changed_is_invalid(signing_world, pki):
    report = pdf_verify(pdf=one_byte_changed(seal_only(signing_world)))

    (signature,) = report.signatures
    assert not signature.intact and not signature.valid
    assert not report.bottom_line and report.modified_after_signing


@pytest.mark.parametrize("fraction", [0.05, 0.3, 0.5, 0.7, 0.95])
def test_no_changed_byte_passes(signing_world, pki, fraction):
    """Wherever one byte is changed, the verdict is never 'valid' (a file too broken to
    read is refused with a clear error instead)."""
    signed = bytearray(seal_only(signing_world))
    at = int(len(signed) * fraction)
    signed[at] = (signed[at] + 1) % 256
    try:
        report = pdf_verify(pdf=bytes(signed))
    except (PdfUnreadable, NotSigned):
        return
    assert not report.bottom_line


def test_text_added_after_signing_is_reported(signing_world, pki):
    report = pdf_verify(pdf=text_added_after_signing(leader_and_seal(signing_world)))

    assert all(s.intact and s.valid and s.trusted for s in report.signatures)
    assert all(s.modified_after_signing for s in report.signatures)
    assert report.modified_after_signing and not report.bottom_line


def test_another_ca_is_not_trusted(signing_world, pki, tmp_path, settings):
    signed = seal_only(signing_world)
    other = pki_init(tmp_path / "other")  # a second province CA, same agencies
    settings.MOTCUA_SIGNING_KEYS = str(other.keys_file)

    (signature,) = pdf_verify(pdf=signed).signatures
    assert signature.intact and signature.valid and not signature.trusted

    settings.MOTCUA_SIGNING_TRUST_ROOTS = [str(pki.ca_pem)]  # the first CA, configured
    assert pdf_verify(pdf=signed).bottom_line


def test_unsigned_and_not_pdf(signing_world, pki):
    with pytest.raises(NotSigned) as unsigned:
        pdf_verify(pdf=minimal_pdf("x"))
    assert "không có chữ ký số" in str(unsigned.value) and "no digital signature" in str(
        unsigned.value
    )
    for junk in (b"", b"hello", b"%PDF-1.7\n garbage", b"\x89PNG\r\n\x1a\n"):
        with pytest.raises(PdfUnreadable):
            pdf_verify(pdf=junk)
    with pytest.raises(PdfUnreadable):
        pdf_sign(
            pdf=b"not a pdf",
            signer=Signer(agency=signing_world.agency),
            reason="",
            field_name="CoQuan",
            now=NOW,
        )


def test_no_key_is_signing_unavailable(signing_world, settings, tmp_path):
    settings.MOTCUA_SIGNING_KEYS = str(tmp_path / "none.json")
    with pytest.raises(SigningUnavailable) as error:
        seal_only(signing_world)
    assert error.value.code == "signing_unavailable"
    assert "Chưa ký số được" in error.value.message_vi and "Cannot sign" in error.value.message_en


def test_passphrase_from_the_environment(signing_world, pki, monkeypatch):
    import json

    config = json.loads(pki.keys_file.read_text())
    entry = config["agencies"][signing_world.agency.code]
    monkeypatch.setenv("SO_TU_PHAP_KEY", entry.pop("passphrase"))
    entry["passphrase_env"] = "SO_TU_PHAP_KEY"
    pki.keys_file.write_text(json.dumps(config))
    assert pdf_verify(pdf=seal_only(signing_world)).bottom_line

    monkeypatch.delenv("SO_TU_PHAP_KEY")
    with pytest.raises(SigningUnavailable, match="SO_TU_PHAP_KEY"):
        seal_only(signing_world)
    monkeypatch.setenv("SO_TU_PHAP_KEY", "wrong")
    with pytest.raises(SigningUnavailable):
        seal_only(signing_world)


def test_signature_record_once_per_field(signing_world, pki):
    pdf = minimal_pdf("x")
    signer = Signer(agency=signing_world.agency, user=signing_world.officer)
    signed = pdf_sign(pdf=pdf, signer=signer, reason="", field_name="CoQuan", now=NOW)

    row = signature_record(
        document_key="receipt:1",
        field_name="CoQuan",
        signer=signer,
        input_pdf=pdf,
        output_pdf=signed,
        signed_at=NOW,
    )
    assert row.output_sha256 == hashlib.sha256(signed).hexdigest()
    assert row.certificate_serial == pdf_verify(pdf=signed).signatures[0].certificate_serial
    assert "Sở Tư pháp" in row.certificate_subject
    entry = AuditEntry.objects.get(action="signing.sign")
    assert entry.target_id == str(row.pk) and entry.data["document_key"] == "receipt:1"

    with pytest.raises(SignatureExists):
        signature_record(
            document_key="receipt:1",
            field_name="CoQuan",
            signer=signer,
            input_pdf=pdf,
            output_pdf=signed,
            signed_at=NOW,
        )
    assert Signature.objects.count() == 1
    assert AuditEntry.objects.filter(action="signing.sign").count() == 1
    with pytest.raises(PermissionError):
        row.save()
    with pytest.raises(DatabaseError), transaction.atomic():
        Signature.objects.filter(pk=row.pk).update(document_key="other")
