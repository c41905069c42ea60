"""Dossier files in the storage suite (local folder and S3 server): an online submission's files
stored and downloaded by the competent agency only, the result, the slips; a store that is down
or refusing fails the act clearly (503) and leaves neither a row nor a file; the job that stores
slips waits for the store to come back."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from rest_framework.test import APIClient

from motcua.accounts.roles import Role
from motcua.dossiers import services as s
from motcua.dossiers.models import Dossier, DossierComponent, DossierDocument
from motcua.dossiers.tests.conftest import at
from motcua.dossiers.tests.test_api_permissions import APPLICANT_DATA, client
from motcua.jobs.models import Job, JobStatus
from motcua.jobs.services import worker_run
from motcua.testing import files
from motcua.testing.factories import DossierFactory

pytestmark = [pytest.mark.django_db, pytest.mark.storage]

STORE_DOWN = {
    "code": "storage_unavailable",
    "message": "Kho lưu trữ tệp tạm thời không truy cập được, vui lòng thử lại sau. / "
    "The file store is unavailable; please try again later.",
    "details": None,
}


def submission(world, *names: str) -> dict:
    return {
        "procedure_code": world.procedure.code,
        "applicant_name": "Đỗ Thị Giang",
        "applicant_phone": "0355123456",
        "files": [SimpleUploadedFile(name, files.PDF + name.encode()) for name in names],
    }


def submit(world, *names: str):
    return APIClient().post("/api/public/dossiers/", submission(world, *names), format="multipart")


def test_submitted_files_are_stored_and_served_to_the_competent_agency_only(world, file_storage):
    response = submit(world, "to-khai.pdf", "cccd.pdf")
    assert response.status_code == 201, response.content
    dossier = Dossier.objects.get()
    stored = sorted(c.file.name for c in dossier.components.all())
    assert file_storage.names() == stored

    component = dossier.components.get(original_name="cccd.pdf")
    url = reverse("officer-dossier-component", args=[dossier.code, component.pk])
    web = APIClient()
    web.force_login(world.user(Role.INTAKE_OFFICER))
    download = web.get(url)
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == files.PDF + b"cccd.pdf"
    assert download["Content-Disposition"].startswith("attachment")
    assert download["X-Content-Type-Options"] == "nosniff"
    page = web.get(reverse("officer-dossier-detail", args=[dossier.code])).content.decode()
    assert component.file.name not in page and "X-Amz" not in page  # never a storage link

    web.force_login(world.user(Role.INTAKE_OFFICER, "other"))
    assert web.get(url).status_code == 404


def test_the_result_is_stored_and_downloaded_within_the_agency(world, file_storage):
    dossier = DossierFactory.create(
        "at_approval", procedure=world.procedure, applicant=APPLICANT_DATA, start=at(2024, 3, 5, 8)
    )
    api = client(world.user(Role.APPROVER))
    response = api.post(
        f"/api/dossiers/{dossier.code}/approve/",
        {"note": "Đồng ý", "result_file": SimpleUploadedFile("ket-qua.pdf", files.PDF)},
        format="multipart",
    )
    assert response.status_code == 200, response.content
    dossier.refresh_from_db()
    assert dossier.result_file.name in file_storage.names()
    url = reverse("officer-dossier-result", args=[dossier.code])
    web = APIClient()
    web.force_login(world.user(Role.INTAKE_OFFICER))
    download = web.get(url)
    assert download.status_code == 200 and b"".join(download.streaming_content) == files.PDF
    web.force_login(world.user(Role.INTAKE_OFFICER, "other"))
    assert web.get(url).status_code == 404


def test_a_submission_while_the_store_is_down_fails_clearly_and_leaves_nothing(world, file_storage):
    file_storage.down()
    response = submit(world, "to-khai.pdf", "cccd.pdf")
    assert response.status_code == 503
    assert response.json() == {"error": STORE_DOWN}
    file_storage.up()
    assert not Dossier.objects.exists() and not DossierComponent.objects.exists()
    assert not Job.objects.exists()
    assert file_storage.names() == []
    assert submit(world, "to-khai.pdf").status_code == 201  # back up: it works again


def test_a_store_refusing_the_second_file_leaves_not_even_the_first(
    world, file_storage, monkeypatch
):
    """The store accepts the first file then refuses (an error answer): the dossier is rolled
    back and the first file, already in the store, deleted."""
    from botocore.exceptions import ClientError
    from django.core.files.storage import storages

    storage = storages["default"]  # the instance every file field uses
    real_save = storage._save
    calls = []

    def refusing(name, content):
        calls.append(name)
        if len(calls) == 2:
            if file_storage.backend == "s3":
                raise ClientError(
                    {"Error": {"Code": "SlowDown", "Message": "Reduce your request rate"}},
                    "PutObject",
                )
            raise OSError(28, "No space left on device")
        return real_save(name, content)

    monkeypatch.setattr(storage, "_save", refusing)
    response = submit(world, "to-khai.pdf", "cccd.pdf", "so-ho-khau.pdf")
    assert response.status_code == 503
    assert response.json()["error"]["code"] == "storage_unavailable"
    assert len(calls) == 2
    assert not Dossier.objects.exists()
    assert file_storage.names() == []


def test_a_supplement_while_the_store_is_down_changes_nothing(world, file_storage):
    dossier = DossierFactory.create(
        "awaiting_supplement",
        procedure=world.procedure,
        applicant=APPLICANT_DATA,
        start=at(2024, 3, 5, 8),
    )
    state, components = dossier.state, dossier.components.count()
    file_storage.down()
    with pytest.raises(s.DomainError) as raised:
        s.dossier_record_supplement(
            actor=world.user(Role.INTAKE_OFFICER),
            dossier=dossier,
            components=[
                s.ComponentData(name="CCCD", file=SimpleUploadedFile("cccd.pdf", files.PDF))
            ],
            now=at(2024, 3, 7, 8),
        )
    assert raised.value.status_code == 503
    file_storage.up()
    dossier.refresh_from_db()
    assert dossier.state == state and dossier.components.count() == components
    assert not dossier.supplements.filter(supplied_at__isnull=False).exists()


def test_slips_wait_for_the_store_to_come_back(world, file_storage):
    dossier = s.dossier_receive(
        actor=world.user(Role.INTAKE_OFFICER),
        procedure=world.procedure,
        applicant=APPLICANT_DATA,
        components=[s.ComponentData(name="Tờ khai")],
        now=at(2024, 3, 5, 8, 15),
    )
    receipt = dossier.documents.get(kind="receipt")
    file_storage.down()
    worker_run(once=True)
    job = Job.objects.get(name__endswith="slip_store")
    assert job.status == JobStatus.QUEUED and job.attempts == 1  # to be retried, not dead
    assert job.last_error
    receipt.refresh_from_db()
    assert receipt.content and not receipt.docx  # still served from the database meanwhile
    web = APIClient()
    web.force_login(world.user(Role.INTAKE_OFFICER))
    url = reverse("officer-dossier-document", args=[dossier.code, receipt.pk, "docx"])
    assert web.get(url).status_code == 200

    file_storage.up()
    Job.objects.filter(pk=job.pk).update(run_after=job.created_at)  # its backoff is over
    worker_run(once=True)
    job.refresh_from_db()
    receipt.refresh_from_db()
    assert job.status == JobStatus.DONE
    assert receipt.content is None and file_storage.names() == [receipt.docx.name]
    download = web.get(url)
    assert download.status_code == 200
    assert (
        b"".join(download.streaming_content)
        == DossierDocument.objects.get(pk=receipt.pk).docx.read()
    )


def test_a_download_while_the_store_is_down_is_503(world, file_storage):
    submit(world, "to-khai.pdf")
    dossier = Dossier.objects.get()
    component = dossier.components.get()
    web = APIClient()
    web.force_login(world.user(Role.INTAKE_OFFICER))
    file_storage.down()
    response = web.get(reverse("officer-dossier-component", args=[dossier.code, component.pk]))
    assert response.status_code == 503
    assert "The file store is unavailable" in response.content.decode()
