"""The storage suite: tests marked ``storage`` run twice, against the local folder and against
an S3-compatible server on loopback (moto's server mode, in this process), through the same
``s3_storage`` settings production uses. ``MOTCUA_TEST_STORAGE=local`` (or ``s3``) runs one
of the two only."""

from __future__ import annotations

import itertools
import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

BACKENDS = ("local", "s3")
_buckets = itertools.count(1)


# For a test that only an object store can run: ``@s3_only``.
s3_only = pytest.mark.parametrize("file_storage", ["s3"], indirect=True)


def storage_backends() -> tuple[str, ...]:
    chosen = os.environ.get("MOTCUA_TEST_STORAGE", "").strip().lower()
    return (chosen,) if chosen in BACKENDS else BACKENDS


class S3Server:
    """moto's S3 server on 127.0.0.1 (a free port); ``stop``/``start`` keep its buckets, so a
    test can take the store down and bring it back."""

    access_key = "motcua-test"
    secret_key = "motcua-test-secret"  # noqa: S105 - the local test server's, not a secret
    region = "us-east-1"

    def __init__(self) -> None:
        self.port = 0
        self._server: Any = None

    def start(self) -> None:
        from moto.server import ThreadedMotoServer

        logging.getLogger("werkzeug").setLevel(logging.WARNING)  # one line per request
        self._server = ThreadedMotoServer(ip_address="127.0.0.1", port=self.port, verbose=False)
        self._server.start()
        self.port = self._server.get_host_and_port()[1]

    def stop(self) -> None:
        if self._server is not None:
            self._server.stop()
            self._server = None

    @property
    def running(self) -> bool:
        return self._server is not None

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def env(self, bucket: str, **overrides: str) -> dict[str, str]:
        """The ``MOTCUA_S3_*`` variables of a deployment on this server."""
        return {
            "MOTCUA_S3_BUCKET": bucket,
            "MOTCUA_S3_ENDPOINT_URL": self.endpoint,
            "MOTCUA_S3_REGION": self.region,
            "MOTCUA_S3_ACCESS_KEY_ID": self.access_key,
            "MOTCUA_S3_SECRET_ACCESS_KEY": self.secret_key,
            "MOTCUA_S3_PREFIX": "media",
            **overrides,
        }

    def client(self):
        import boto3

        return boto3.client(
            "s3",
            endpoint_url=self.endpoint,
            region_name=self.region,
            aws_access_key_id=self.access_key,
            aws_secret_access_key=self.secret_key,
        )

    def bucket_create(self) -> str:
        name = f"motcua-test-{os.getpid()}-{next(_buckets)}"
        self.client().create_bucket(Bucket=name)
        return name

    def keys(self, bucket: str) -> list[str]:
        pages = self.client().get_paginator("list_objects_v2").paginate(Bucket=bucket)
        return sorted(item["Key"] for page in pages for item in page.get("Contents", ()))

    def bucket_drop(self, bucket: str) -> None:
        client = self.client()
        for key in self.keys(bucket):
            client.delete_object(Bucket=bucket, Key=key)
        client.delete_bucket(Bucket=bucket)


@dataclass
class StorageUnderTest:
    """The file storage a test runs against, and what is in it."""

    backend: str
    settings: Any
    media_root: Path
    server: S3Server | None = None
    bucket: str = ""

    def down(self) -> None:
        """Make the store fail like one that is down: the S3 server stops; the local folder
        becomes a path under a plain file, where nothing can be written or read."""
        if self.server is not None:
            self.server.stop()
            return
        blocker = self.media_root.parent / "not-a-folder"
        blocker.write_bytes(b"")
        self.settings.MEDIA_ROOT = blocker / "media"

    def up(self) -> None:
        if self.server is not None:
            if not self.server.running:
                self.server.start()
            return
        self.settings.MEDIA_ROOT = self.media_root

    def names(self) -> list[str]:
        """Every stored file, relative to the storage's root."""
        if self.server is not None:
            return [key.removeprefix("media/") for key in self.server.keys(self.bucket)]
        if not self.media_root.exists():
            return []
        return sorted(
            str(path.relative_to(self.media_root))
            for path in self.media_root.rglob("*")
            if path.is_file()
        )


@pytest.fixture(scope="session")
def s3_server():
    server = S3Server()
    server.start()
    yield server
    server.stop()


@pytest.fixture(autouse=True)
def file_storage(request, settings, _media_root):
    """The local folder, or (parametrized ``s3`` on tests marked ``storage``) a fresh bucket of
    the S3 server as the default storage. Autouse, so it is in place before any fixture that
    stores a file."""
    backend = getattr(request, "param", "local")
    media_root = Path(settings.MEDIA_ROOT)
    if backend != "s3":
        yield StorageUnderTest("local", settings, media_root)
        return
    from motcua.settings import s3_storage

    server: S3Server = request.getfixturevalue("s3_server")
    bucket = server.bucket_create()
    settings.STORAGES = {**settings.STORAGES, "default": s3_storage(server.env(bucket))}
    yield StorageUnderTest("s3", settings, media_root, server, bucket)
    if not server.running:  # a test took it down
        server.start()
    server.bucket_drop(bucket)
