"""The electronic receipt: produced by the job (LibreOffice), sealed by the settling agency
(``motcua.signing``), verified with pyHanko's validator; never signed twice."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from django.utils import timezone

from motcua.jobs.services import worker_run
from motcua.payments.models import Receipt
from motcua.payments.receipts import receipt_issue
from motcua.signing.models import Signature
from motcua.signing.services import pdf_verify
from motcua.testing.signing import pki  # noqa: F401
from motcua.utils.storage import file_read

pytestmark = pytest.mark.django_db(transaction=True)


def test_receipt_signed_once(journey, pki):  # noqa: F811
    journey.gateway(journey.start(), "pay")
    pki.init()  # the agency of the dossier exists now
    assert worker_run(once=True, queues=["slips"]) >= 1
    receipt = Receipt.objects.get()
    assert receipt.pdf and receipt.signed_pdf
    signed = file_read(receipt.signed_pdf)
    report = pdf_verify(pdf=signed)
    (signature,) = report.signatures
    assert signature.intact and signature.trusted and signature.covers_whole_document
    assert journey.dossier.agency.name in f"{signature.agency} {signature.signer_name}"
    if pdftotext := shutil.which("pdftotext"):
        text = subprocess.run(
            [pdftotext, "-", "-"], input=signed, capture_output=True, check=True
        ).stdout.decode()
        assert "BIÊN LAI THU PHÍ, LỆ PHÍ" in text and receipt.number in text
        assert "1.250.000 đ" in text and "Một triệu hai trăm năm mươi nghìn đồng" in text
    # Again: nothing signed twice.
    receipt_issue(receipt_id=receipt.pk, now=timezone.now())
    assert Signature.objects.filter(document_key=f"receipt:{receipt.number}").count() == 1
    assert file_read(Receipt.objects.get().signed_pdf) == signed
    # The applicant downloads the signed receipt from the lookup page.
    from django.urls import reverse

    response = journey.client.get(
        reverse("payment-receipt", args=[journey.dossier.code, receipt.number])
    )
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == signed
