"""Issue #7, finding 6 (uploads): an anonymous submission carries at most
MOTCUA_MAX_UPLOAD_FILES files and MOTCUA_MAX_UPLOAD_TOTAL_BYTES in all, and every file is
checked before any is written."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.test import APIClient

from motcua.dossiers.models import Dossier, DossierComponent
from motcua.testing import files

pytestmark = pytest.mark.storage


def body(world, uploads) -> dict:
    return {
        "procedure_code": world.procedure.code,
        "applicant_name": "Đỗ Thị Giang",
        "applicant_phone": "0355123456",
        "files": uploads,
    }


def pdfs(count: int, size: int = 4096) -> list[SimpleUploadedFile]:
    return [SimpleUploadedFile(f"giay-to-{i}.pdf", files.PDF + b"0" * size) for i in range(count)]


def test_hundred_files_are_refused_before_anything_is_written(world, settings, file_storage):
    response = APIClient().post("/api/public/dossiers/", body(world, pdfs(100)), format="multipart")
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "too_many_files"
    assert not Dossier.objects.exists()
    assert not DossierComponent.objects.exists()
    assert file_storage.names() == []


def test_total_size_is_capped(world, settings, file_storage):
    settings.MOTCUA_MAX_UPLOAD_TOTAL_BYTES = 5 * 4096
    response = APIClient().post("/api/public/dossiers/", body(world, pdfs(6)), format="multipart")
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "files_too_large"
    assert file_storage.names() == []


def test_a_bad_last_file_stores_none_of_the_others(world, settings, file_storage):
    uploads = [*pdfs(5), SimpleUploadedFile("x.docx", files.plain_zip())]
    response = APIClient().post("/api/public/dossiers/", body(world, uploads), format="multipart")
    assert response.status_code == 415
    assert not DossierComponent.objects.exists()
    assert file_storage.names() == []


def test_within_the_caps_the_files_are_stored(world, settings, file_storage):
    response = APIClient().post("/api/public/dossiers/", body(world, pdfs(3)), format="multipart")
    assert response.status_code == 201, response.content
    assert DossierComponent.objects.count() == 3
    assert len(file_storage.names()) == 3


def test_a_body_beyond_the_total_is_refused_before_it_is_read(world, settings, file_storage):
    settings.MOTCUA_MAX_UPLOAD_TOTAL_BYTES = 10_000
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1_000
    response = APIClient().post(
        "/api/public/dossiers/", body(world, pdfs(1, size=20_000)), format="multipart"
    )
    assert response.status_code == 400
    assert file_storage.names() == []
