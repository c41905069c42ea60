"""The file storage as part of an operation: a failure leaves no file behind, a store that is
down is a clear 503, the readiness check tells a live store from a dead one, and objects in
the S3 store are private."""

import socket
import urllib.error
import urllib.request

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from motcua.procedures.models import Decision
from motcua.settings import s3_storage
from motcua.testing import files
from motcua.testing.storage import s3_only
from motcua.utils.storage import (
    StorageUnavailable,
    file_read,
    file_save,
    files_atomic,
    storage_check,
)

pytestmark = pytest.mark.storage


def _decision_file(name: str = "qd.pdf"):
    decision = Decision()
    return decision.file, name


def test_storage_check_passes_on_a_live_store(file_storage):
    storage_check()
    assert file_storage.names() == []  # the probe is gone


def test_storage_check_fails_on_a_dead_store(file_storage):
    file_storage.down()
    with pytest.raises(StorageUnavailable) as raised:
        storage_check()
    assert raised.value.status_code == 503
    assert raised.value.code == "storage_unavailable"
    file_storage.up()
    storage_check()


@s3_only
def test_a_closed_port_is_a_dead_store(file_storage, settings):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed = probe.getsockname()[1]
    env = file_storage.server.env(
        file_storage.bucket, MOTCUA_S3_ENDPOINT_URL=f"http://127.0.0.1:{closed}"
    )
    settings.STORAGES = {**settings.STORAGES, "default": s3_storage(env)}
    with pytest.raises(StorageUnavailable):
        storage_check()


def test_files_stored_by_a_failed_operation_are_deleted(file_storage):
    with pytest.raises(RuntimeError), files_atomic():
        for name in ("a.pdf", "b.pdf"):
            field, name = _decision_file(name)
            file_save(field, name, ContentFile(files.PDF))
        assert len(file_storage.names()) == 2
        raise RuntimeError("the database refused")
    assert file_storage.names() == []


def test_files_of_a_successful_operation_stay(file_storage):
    with files_atomic():
        field, name = _decision_file()
        file_save(field, name, ContentFile(files.PDF))
    assert file_storage.names() == [field.name]
    assert file_read(field) == files.PDF


def test_a_nested_block_hands_its_files_to_the_failing_outer_one(file_storage):
    with pytest.raises(RuntimeError), files_atomic():
        with files_atomic():
            field, name = _decision_file()
            file_save(field, name, ContentFile(files.PDF))
        raise RuntimeError("later in the operation")
    assert file_storage.names() == []


def test_saving_to_a_dead_store_is_storage_unavailable(file_storage):
    file_storage.down()
    field, name = _decision_file()
    with pytest.raises(StorageUnavailable) as raised:
        file_save(field, name, ContentFile(files.PDF))
    assert raised.value.message_en == "The file store is unavailable; please try again later."
    assert raised.value.message_vi == (
        "Kho lưu trữ tệp tạm thời không truy cập được, vui lòng thử lại sau."
    )


@s3_only
def test_objects_are_private_and_signed_links_short_lived(file_storage):
    """An anonymous GET of an object is refused by the server; a signed link (nothing in the
    application hands one out, downloads stream through authorised views) lives 300 s. The
    control: the same server serves an object that is public."""
    name = default_storage.save("dossiers/secret.pdf", ContentFile(files.PDF))
    plain = f"{file_storage.server.endpoint}/{file_storage.bucket}/media/{name}"
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(plain, timeout=5)  # noqa: S310 - loopback test server
    assert refused.value.code == 403

    signed = default_storage.url(name)
    assert "X-Amz-Expires=300" in signed and "X-Amz-Signature=" in signed
    with urllib.request.urlopen(signed, timeout=5) as response:  # noqa: S310
        assert response.read() == files.PDF

    client = file_storage.server.client()
    client.put_object(
        Bucket=file_storage.bucket, Key="media/public.pdf", Body=b"x", ACL="public-read"
    )
    public = f"{file_storage.server.endpoint}/{file_storage.bucket}/media/public.pdf"
    with urllib.request.urlopen(public, timeout=5) as response:  # noqa: S310
        assert response.status == 200
