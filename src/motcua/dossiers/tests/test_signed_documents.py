"""Signed PDFs of the dossiers app: PDF/A of scanned images, certified copies made at the
counter, slips sealed by the issuing agency, results signed by the approver then sealed.

Every signature is checked with pyHanko's validator (``pdf_verify``) against the test PKI's
CA, and again after one byte of the file is changed. Only the tests that need LibreOffice
(a slip, a generated result) run soffice; they skip, saying so, where it is missing."""

from __future__ import annotations

import hashlib
import io
import shutil
import subprocess

import pikepdf
import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from motcua.accounts.roles import Role
from motcua.audit.models import AuditEntry
from motcua.datastore.models import StoredDocument
from motcua.dossiers import services as s
from motcua.dossiers import tasks
from motcua.dossiers.models import Dossier, DossierComponent, DossierDocument, DossierEvent
from motcua.dossiers.scans import image_to_pdfa
from motcua.dossiers.signed import (
    LEADER_FIELD,
    SEAL_FIELD,
    result_document_key,
    signed_documents_lookup,
    slip_sign_make,
)
from motcua.dossiers.tests.conftest import at
from motcua.dossiers.tests.test_slips import require_soffice
from motcua.signing.keys import SigningUnavailable
from motcua.signing.models import Signature
from motcua.signing.services import SignatureExists, Signer, pdf_verify, signature_record
from motcua.testing.signing import minimal_pdf
from motcua.utils.errors import DomainError
from motcua.utils.storage import file_read

pytestmark = pytest.mark.django_db

APPLICANT = s.ApplicantData(
    name="Nguyễn Văn An",
    id_number="060123456789",
    address="Phan Thiết",
    phone="0912345678",
    email="an@example.vn",
)


@pytest.fixture(autouse=True)
def _fresh_cache():
    """The lookup rate limit lives in the cache, which outlives a test's transaction."""
    cache.clear()
    yield
    cache.clear()


def image(fmt: str = "PNG", mode: str = "RGBA") -> bytes:
    picture = Image.new(mode, (240, 160), (200, 30, 30, 128) if mode == "RGBA" else "navy")
    out = io.BytesIO()
    picture.save(out, format=fmt)
    return out.getvalue()


def upload(name: str, data: bytes, content_type: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type=content_type)


def flipped(pdf: bytes) -> bytes:
    """The PDF with one byte changed inside the first signed range (the page content)."""
    index = pdf.index(b"stream") + 20
    return pdf[:index] + bytes([pdf[index] ^ 0x01]) + pdf[index + 1 :]


def assert_valid_then_broken(pdf: bytes, fields: list[str]) -> None:
    report = pdf_verify(pdf=pdf)
    assert [r.field_name for r in report.signatures] == fields
    assert report.bottom_line, report
    assert all(r.trusted and r.intact for r in report.signatures)
    broken = pdf_verify(pdf=flipped(pdf))
    assert not broken.bottom_line
    assert not broken.signatures[0].intact


def receive(world, components):
    return s.dossier_receive(
        actor=world.user(Role.INTAKE_OFFICER),
        procedure=world.procedure,
        applicant=APPLICANT,
        components=components,
        now=at(2024, 3, 5, 8, 15),
    )


def approved(world, *, result_file=None, note="Cấp Phiếu lý lịch tư pháp số 12/2024") -> Dossier:
    desk, handler, approver = (
        world.user(r) for r in (Role.INTAKE_OFFICER, Role.HANDLER, Role.APPROVER)
    )
    d = receive(world, [s.ComponentData(name="Tờ khai", file=upload("a.pdf", minimal_pdf(), ""))])
    d = s.dossier_transfer(actor=desk, dossier=d, now=at(2024, 3, 5, 9, 0))
    d = s.dossier_assign(actor=approver, dossier=d, assignee=handler, now=at(2024, 3, 5, 9, 5))
    d = s.dossier_forward(actor=handler, dossier=d, now=at(2024, 3, 6, 9, 0), note="Đủ")
    return s.dossier_approve(
        actor=approver, dossier=d, now=at(2024, 3, 7, 9, 0), note=note, result_file=result_file
    )


# ---- PDF/A ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("fmt", "mode"), [("PNG", "RGBA"), ("JPEG", "RGB"), ("TIFF", "CMYK")])
def test_image_to_pdfa_has_the_pdfa_markers(fmt, mode):
    pdf = pikepdf.open(io.BytesIO(image_to_pdfa(image(fmt, mode), title="CCCD")))
    intent = pdf.Root.OutputIntents[0]
    assert intent.S == "/GTS_PDFA1" and "/DestOutputProfile" in intent
    with pdf.open_metadata() as meta:
        assert meta.pdfa_status == "1B"
    assert len(pdf.pages) == 1


def test_scanned_image_component_gets_a_pdfa_beside_the_original(world):
    png = image()
    d = receive(world, [s.ComponentData(name="CCCD", file=upload("cccd.png", png, "image/png"))])
    component = d.components.get()
    assert not component.pdfa
    tasks.component_pdf(pk=component.pk)
    component.refresh_from_db()
    assert file_read(component.file) == png  # the original stays
    pdf = pikepdf.open(io.BytesIO(file_read(component.pdfa)))
    assert pdf.Root.OutputIntents[0].S == "/GTS_PDFA1"
    name = component.pdfa.name
    tasks.component_pdf(pk=component.pk)  # a repeat makes nothing new
    component.refresh_from_db()
    assert component.pdfa.name == name
    assert not component.certified_copy  # nobody asked for one


# ---- certified copy -------------------------------------------------------------------------


def test_certified_copy_is_sealed_by_the_agency_and_recorded(world, pki):
    officer = world.user(Role.INTAKE_OFFICER)
    d = receive(
        world,
        [
            s.ComponentData(
                name="Giấy khai sinh",
                file=upload("ks.jpg", image("JPEG", "RGB"), "image/jpeg"),
                originals=1,
                certify=True,
            ),
            s.ComponentData(name="Tờ khai", file=upload("tk.pdf", minimal_pdf(), "")),
        ],
    )
    certified, plain = d.components.order_by("id")
    assert certified.certify_by == officer and plain.certify_by is None
    event = DossierEvent.objects.get(dossier=d, action="receive")
    assert event.data["certify_components"] == [certified.pk]

    tasks.component_pdf(pk=certified.pk)
    tasks.component_pdf(pk=certified.pk)  # twice: still one signature, one file
    certified.refresh_from_db()
    signed = file_read(certified.certified_copy)
    assert_valid_then_broken(signed, ["ChungThuc"])
    report = pdf_verify(pdf=signed).signatures[0]
    assert report.agency and world.dept.name in report.agency
    assert (
        Signature.objects.filter(document_key__endswith=f":component:{certified.pk}").count() == 1
    )
    assert AuditEntry.objects.filter(action="dossier.component_certified").count() == 1
    # The signed bytes start with the PDF/A: incremental signing keeps it.
    assert signed.startswith(file_read(certified.pdfa)[:100])


# ---- results --------------------------------------------------------------------------------


def test_result_uploaded_as_pdf_is_signed_by_the_approver_then_sealed(world, pki):
    source = minimal_pdf("Quyet dinh cap phep")
    d = approved(world, result_file=upload("kq.pdf", source, "application/pdf"))
    stored = StoredDocument.objects.get(source_key=f"result:{d.pk}")
    assert stored.sha256 and stored.file.name == d.result_file.name

    tasks.result_sign(pk=d.pk)
    d.refresh_from_db()
    signed = file_read(d.result_pdf)
    assert signed.startswith(source)  # incremental: the upload is what was signed
    assert_valid_then_broken(signed, [LEADER_FIELD, SEAL_FIELD])
    leader, seal = pdf_verify(pdf=signed).signatures
    assert world.user(Role.APPROVER).get_full_name() in leader.signer_name
    assert seal.signer_name != leader.signer_name  # the agency's own certificate
    rows = Signature.objects.filter(document_key=result_document_key(d)).order_by("id")
    assert [(r.field_name, r.seal) for r in rows] == [(LEADER_FIELD, False), (SEAL_FIELD, True)]

    # The applicant's store now keeps the signed file, with its digest and size.
    stored.refresh_from_db()
    assert stored.file.name == d.result_pdf.name
    assert stored.size == len(signed) and stored.content_type == "application/pdf"
    assert stored.sha256 == hashlib.sha256(signed).hexdigest()

    # Never twice: a repeat of the job, a stale copy of the row, the database itself.
    name = d.result_pdf.name
    tasks.result_sign(pk=d.pk)
    d.refresh_from_db()
    assert d.result_pdf.name == name and rows.count() == 2
    with pytest.raises(SignatureExists):
        signature_record(
            document_key=result_document_key(d),
            field_name=SEAL_FIELD,
            signer=Signer(agency=world.dept),
            input_pdf=source,
            output_pdf=signed,
            signed_at=d.ended_at,
        )


def test_result_uploaded_as_image_becomes_a_signed_pdfa(world, pki):
    d = approved(world, result_file=upload("kq.png", image(), "image/png"))
    tasks.result_sign(pk=d.pk)
    d.refresh_from_db()
    signed = file_read(d.result_pdf)
    assert_valid_then_broken(signed, [LEADER_FIELD, SEAL_FIELD])
    opened = pikepdf.open(io.BytesIO(signed))
    assert opened.Root.OutputIntents[0].S == "/GTS_PDFA1"


@pytest.mark.storage
def test_result_without_a_file_is_generated_numbered_and_signed(world, pki):
    require_soffice()
    d = approved(world, note="Cấp Phiếu lý lịch tư pháp số 12/2024")
    approval = DossierEvent.objects.get(dossier=d, action="approve")
    assert approval.data["result_number"].endswith("/KQ-000.00.05.H12")
    assert not d.result_digitized  # no electronic result yet
    tasks.result_sign(pk=d.pk)
    d.refresh_from_db()
    assert d.result_digitized  # issued electronically (interchange.md)
    signed = file_read(d.result_pdf)
    assert_valid_then_broken(signed, [LEADER_FIELD, SEAL_FIELD])
    if pdftotext := shutil.which("pdftotext"):
        text = subprocess.run(
            [pdftotext, "-", "-"], input=signed, capture_output=True, check=True
        ).stdout.decode()
        assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
        assert "KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH" in text
        assert "Cấp Phiếu lý lịch tư pháp số 12/2024" in text
        assert approval.data["result_number"] in text
    # Generated, it goes into the applicant's store as the result.
    stored = StoredDocument.objects.get(source_key=f"result:{d.pk}")
    assert stored.file.name == d.result_pdf.name


# ---- slips ----------------------------------------------------------------------------------


@pytest.mark.storage
def test_slip_is_sealed_once_even_when_the_job_runs_again_or_concurrently(world, pki):
    require_soffice()
    d = receive(world, [s.ComponentData(name="Tờ khai", file=upload("a.pdf", minimal_pdf(), ""))])
    receipt = d.documents.get(kind="receipt")
    assert receipt.agency == world.dept
    stale = DossierDocument.objects.get(pk=receipt.pk)  # a second worker's copy, read now

    tasks.slip_store(model="dossiers.dossierdocument", pk=receipt.pk)
    tasks.slip_sign(model="dossiers.dossierdocument", pk=receipt.pk)
    receipt.refresh_from_db()
    signed = file_read(receipt.signed_pdf)
    assert_valid_then_broken(signed, [SEAL_FIELD])
    stamp = pdf_verify(pdf=signed).signatures[0]
    assert world.dept.name in stamp.agency

    tasks.slip_sign(model="dossiers.dossierdocument", pk=receipt.pk)  # the job again: no-op
    assert slip_sign_make(stale) is False  # the concurrent worker signs, then stores nothing
    receipt.refresh_from_db()
    assert file_read(receipt.signed_pdf) == signed
    assert Signature.objects.filter(document_key__endswith=f":slip:{receipt.pk}").count() == 1


def test_without_a_key_the_signing_jobs_fail_before_converting_anything(world, settings, tmp_path):
    """No key configured for the agency: the job stops with SigningUnavailable (retried later,
    then left for an operator) before LibreOffice converts anything."""
    settings.MOTCUA_SIGNING_KEYS = str(tmp_path / "none" / "keys.json")
    d = receive(world, [s.ComponentData(name="Tờ khai", file=upload("a.pdf", minimal_pdf(), ""))])
    receipt = d.documents.get(kind="receipt")
    tasks.slip_store(model="dossiers.dossierdocument", pk=receipt.pk)
    with pytest.raises(SigningUnavailable):
        tasks.slip_sign(model="dossiers.dossierdocument", pk=receipt.pk)
    receipt.refresh_from_db()
    assert not receipt.pdf and not receipt.signed_pdf  # nothing converted, nothing signed
    resolved = approved(world, note="Cấp phiếu")
    with pytest.raises(SigningUnavailable):
        tasks.result_sign(pk=resolved.pk)
    resolved.refresh_from_db()
    assert not resolved.result_pdf
    assert not Signature.objects.exists()


# ---- who may download -----------------------------------------------------------------------


def test_signed_result_downloads_are_limited_to_the_agency_and_the_applicant(world, pki, client):
    d = approved(world, result_file=upload("kq.pdf", minimal_pdf(), "application/pdf"))
    tasks.result_sign(pk=d.pk)
    d.refresh_from_db()
    signed = file_read(d.result_pdf)

    officer_url = reverse("officer-dossier-result-signed", args=[d.code])
    client.force_login(world.user(Role.APPROVER, "other"))
    assert client.get(officer_url).status_code == 404
    client.force_login(world.user(Role.INTAKE_OFFICER))
    response = client.get(officer_url)
    assert response.status_code == 200 and b"".join(response.streaming_content) == signed
    client.logout()

    public_url = reverse("public-dossier-result", args=[d.code])
    response = client.get(public_url)
    assert response.status_code == 302 and "tra-cuu" in response["Location"]
    client.post(reverse("public-dossier-lookup"), {"code": d.code, "secret": "0000"})
    assert client.get(public_url).status_code == 302  # a wrong secret proves nothing
    client.post(reverse("public-dossier-lookup"), {"code": d.code, "secret": "5678"})
    response = client.get(public_url)
    assert response.status_code == 200 and b"".join(response.streaming_content) == signed
    page = client.get(reverse("public-dossier-detail", args=[d.code])).content.decode()
    assert public_url in page


def test_verification_lookup_needs_the_lookup_secret(world, pki):
    d = approved(world, result_file=upload("kq.pdf", minimal_pdf(), "application/pdf"))
    tasks.result_sign(pk=d.pk)
    with pytest.raises(DomainError):
        signed_documents_lookup(d.code, "0000", client="203.0.113.9")
    found = signed_documents_lookup(d.code, "6789", client="203.0.113.9")
    titles = [title for title, _name, _data in found]
    assert titles[0] == "Kết quả giải quyết thủ tục hành chính"
    assert pdf_verify(pdf=found[0][2]).bottom_line


def test_component_pdf_of_another_dossier_is_not_served(world, client):
    d = receive(world, [s.ComponentData(name="CCCD", file=upload("c.png", image(), "image/png"))])
    other = receive(
        world, [s.ComponentData(name="CCCD", file=upload("c.png", image(), "image/png"))]
    )
    for component in DossierComponent.objects.all():
        tasks.component_pdf(pk=component.pk)
    client.post(reverse("public-dossier-lookup"), {"code": d.code, "secret": "5678"})
    mine = reverse("public-dossier-component", args=[d.code, d.components.get().pk])
    theirs = reverse("public-dossier-component", args=[d.code, other.components.get().pk])
    assert client.get(mine).status_code == 200
    assert client.get(theirs).status_code == 404
