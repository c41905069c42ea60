"""Issue #13's acceptance: every signed PDF the demo produces (`motcua demo`, then `motcua
worker --once`) validates with pyHanko's own validator against the CA that `motcua pki
export-ca` writes, and fails once one byte of it is changed; the verification page says both."""

import concurrent.futures
import io
from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection
from django.urls import reverse
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext
from pyhanko_certvalidator.registry import SimpleTrustManager

from motcua.dossiers.models import CounterVisit, Dossier, DossierComponent, DossierDocument
from motcua.dossiers.tests.test_slips import require_soffice
from motcua.utils.storage import file_read

from .test_demo_end_to_end import SCALE

pytestmark = pytest.mark.django_db(transaction=True)


def signed_files() -> list[tuple[str, bytes]]:
    found = [
        (f"slip {d.pk}", file_read(d.signed_pdf))
        for d in DossierDocument.objects.exclude(signed_pdf="")
    ]
    found += [
        (f"visit {v.pk}", file_read(v.signed_pdf))
        for v in CounterVisit.objects.exclude(signed_pdf="")
    ]
    found += [
        (f"result {d.code}", file_read(d.result_pdf))
        for d in Dossier.objects.exclude(result_pdf="")
    ]
    found += [
        (f"copy {c.pk}", file_read(c.certified_copy))
        for c in DossierComponent.objects.exclude(certified_copy="")
    ]
    return found


def verdicts(pdf: bytes, ca_pem: bytes, why: list[str] | None = None) -> list[bool]:
    """For each signature: intact, valid and trusted by the exported CA alone (pyHanko's
    summary of each in ``why``). In a thread of its own: pyHanko's synchronous validation runs
    an event loop, which this thread may already run (Playwright's, after a browser test)."""
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(_verdicts, pdf, ca_pem, why).result()


def _verdicts(pdf: bytes, ca_pem: bytes, why: list[str] | None) -> list[bool]:
    from asn1crypto import pem, x509

    _kind, _headers, der = pem.unarmor(ca_pem)
    trust = SimpleTrustManager.build(trust_roots=[x509.Certificate.load(der)])
    try:
        embedded_signatures = list(PdfFileReader(io.BytesIO(pdf), strict=False).embedded_signatures)
    except Exception:  # the changed byte broke the file's structure: nothing valid in it
        return [False]
    results = []
    for embedded in embedded_signatures:
        context = ValidationContext(trust_manager=trust, allow_fetching=False)
        try:
            status = validate_pdf_signature(embedded, context)
        except Exception as exc:  # a file broken by the changed byte: not valid either
            results.append(False)
            if why is not None:
                why.append(f"{type(exc).__name__}: {exc}")
            continue
        results.append(bool(status.intact and status.valid and status.trusted))
        if why is not None:
            why.append(f"{status.summary()}; signer {status.signing_cert.subject.human_friendly}")
    return results


def one_byte_changed(pdf: bytes) -> bytes:
    changed = bytearray(pdf)
    changed[len(changed) // 2] ^= 0x01
    return bytes(changed)


def test_every_signed_pdf_of_the_demo_validates_against_the_exported_ca(tmp_path, settings, client):
    if connection.vendor != "postgresql":
        # Signing does not depend on the database; the demo and its LibreOffice conversions
        # take two minutes, so the CI runs this once, on the production database.
        pytest.skip("the demo's signed PDFs are checked once, on PostgreSQL (CI runs it)")
    require_soffice()
    settings.DATA_DIR = tmp_path
    settings.MOTCUA_SIGNING_KEYS = str(tmp_path / "pki" / "keys.json")
    settings.MOTCUA_SIGNING_TRUST_ROOTS = []
    call_command("demo", "--no-serve", "--scale", str(SCALE), stdout=StringIO())
    call_command("worker", "--once", stdout=StringIO())
    ca = tmp_path / "ca.pem"
    call_command("pki", "export-ca", str(ca), stdout=StringIO())
    ca_pem = ca.read_bytes()

    files = signed_files()
    kinds = {name.split()[0] for name, _pdf in files}
    assert {"slip", "result"} <= kinds, kinds
    assert (
        Dossier.objects.filter(outcome="approved", result_pdf="").exclude(imported=True).count()
        == 0
    )  # every approved live dossier has its signed result
    for name, pdf in files:
        why: list[str] = []
        good = verdicts(pdf, ca_pem, why)
        assert good and all(good), (name, good, why, ca_pem[:80])
        assert not any(verdicts(one_byte_changed(pdf), ca_pem)), name

    # The verification page, with a result (two signatures) as the applicant downloads it.
    name, result = next((n, pdf) for n, pdf in files if n.startswith("result"))
    for data, verdict in (
        (result, "Tất cả chữ ký số hợp lệ"),
        (one_byte_changed(result), "Văn bản không đạt kiểm tra chữ ký số."),
    ):
        upload = SimpleUploadedFile("ket-qua.pdf", data, content_type="application/pdf")
        page = client.post(reverse("signing-verify"), {"mode": "upload", "file": upload})
        assert verdict in page.content.decode(), name
