"""Decisions: list, create and edit with a checked file upload."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from motcua.procedures.models import Decision
from motcua.testing import files

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
DOCX = files.docx()


def decision_data(upload=None, **overrides) -> dict:
    data = {
        "number": "45/QĐ-UBND",
        "date": "2024-06-14",
        "kind": "publication",
        "title": "Công bố danh mục TTHC lĩnh vực đất đai",
    }
    if upload is not None:
        data["file"] = upload
    data.update(overrides)
    return data


@pytest.mark.storage
@pytest.mark.parametrize(("name", "content"), [("quyet-dinh.pdf", PDF), ("Quyet dinh.DOCX", DOCX)])
def test_create_decision_with_pdf_or_docx(controller_client, name, content):
    upload = SimpleUploadedFile(name, content)
    response = controller_client.post(reverse("officer-decision-create"), decision_data(upload))
    assert response.status_code == 302
    decision = Decision.objects.get(number="45/QĐ-UBND")
    assert decision.date == dt.date(2024, 6, 14)
    assert decision.file.read() == content
    listing = controller_client.get(reverse("officer-decision-list")).content.decode()
    assert "14/06/2024" in listing
    download = controller_client.get(reverse("decision-file", args=[decision.pk]))
    assert b"".join(download.streaming_content) == content
    # The edit page links the current file to that view, never to the storage.
    edit = controller_client.get(reverse("officer-decision-edit", args=[decision.pk]))
    html = edit.content.decode()
    assert f'href="{reverse("decision-file", args=[decision.pk])}"' in html
    assert decision.file.name not in html and "X-Amz" not in html


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("setup.exe", b"MZ\x90\x00" + b"\x00" * 60),
        ("disguised.pdf", b"MZ\x90\x00 not a pdf"),  # the extension alone is not enough
        ("notes.txt", b"hello"),
    ],
)
def test_upload_rejects_other_file_types(controller_client, name, content):
    upload = SimpleUploadedFile(name, content)
    response = controller_client.post(reverse("officer-decision-create"), decision_data(upload))
    assert response.status_code == 200
    errors = " ".join(response.context["form"].errors["file"])
    assert "Chỉ chấp nhận tệp PDF hoặc DOCX." in errors
    assert not Decision.objects.exists()


def test_upload_rejects_a_file_over_the_limit(controller_client, settings):
    settings.MOTCUA_MAX_UPLOAD_BYTES = 1024 * 1024
    upload = SimpleUploadedFile("big.pdf", PDF + b"0" * (1024 * 1024))
    response = controller_client.post(reverse("officer-decision-create"), decision_data(upload))
    assert response.status_code == 200
    errors = " ".join(response.context["form"].errors["file"])
    assert "Tệp quá lớn (1,0 MB); tối đa 1,0 MB." in errors
    assert "Tệp quá lớn" in errors
    assert not Decision.objects.exists()


def test_edit_decision_without_new_file_keeps_it(controller_client, decision):
    url = reverse("officer-decision-edit", args=[decision.pk])
    response = controller_client.post(
        url, decision_data(number=decision.number, title="Trích yếu đã sửa")
    )
    assert response.status_code == 302
    decision.refresh_from_db()
    assert decision.title == "Trích yếu đã sửa"


def test_invalid_edit_changes_nothing(controller_client, decision):
    url = reverse("officer-decision-edit", args=[decision.pk])
    response = controller_client.post(url, decision_data(number="", date="32/13/2024"))
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "Vui lòng nhập thông tin này." in errors["number"][0]
    assert "Giá trị không hợp lệ." in errors["date"][0]
    decision.refresh_from_db()
    assert decision.number == "123/QĐ-UBND"


def test_decision_file_404_without_file(client, decision):
    assert client.get(reverse("decision-file", args=[decision.pk])).status_code == 404
