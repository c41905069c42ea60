"""A local S3-compatible server for the tests: moto's server mode on loopback, a real HTTP
server speaking the S3 protocol (signatures, buckets, objects), started and stopped by the
tests. MinIO would do the same; its binary is not in this machine's registries."""

from __future__ import annotations

from dataclasses import dataclass, field

import boto3
from moto.server import ThreadedMotoServer

from motcua.testing.processes import free_port

BUCKET = "motcua-test"
KEY_ID = "motcua-test-key"
SECRET = "motcua-test-secret"
REGION = "ap-southeast-1"


@dataclass
class S3Server:
    port: int = field(default_factory=free_port)
    bucket: str = BUCKET
    _server: ThreadedMotoServer | None = None

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> S3Server:
        self._server = ThreadedMotoServer(ip_address="127.0.0.1", port=self.port, verbose=False)
        self._server.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.stop()
            self._server = None

    def client(self):
        return boto3.client(
            "s3",
            endpoint_url=self.endpoint,
            aws_access_key_id=KEY_ID,
            aws_secret_access_key=SECRET,
            region_name=REGION,
        )

    def create_bucket(self) -> None:
        self.client().create_bucket(
            Bucket=self.bucket, CreateBucketConfiguration={"LocationConstraint": REGION}
        )

    def keys(self) -> list[str]:
        listing = self.client().list_objects_v2(Bucket=self.bucket)
        return [item["Key"] for item in listing.get("Contents", [])]


def s3_env(server: S3Server) -> dict[str, str]:
    """The settings (environment) of a process that stores its files in ``server``."""
    return {
        "MOTCUA_S3_BUCKET": server.bucket,
        "MOTCUA_S3_ENDPOINT_URL": server.endpoint,
        "MOTCUA_S3_ACCESS_KEY_ID": KEY_ID,
        "MOTCUA_S3_SECRET_ACCESS_KEY": SECRET,
        "MOTCUA_S3_REGION": REGION,
    }
