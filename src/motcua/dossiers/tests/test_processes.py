"""Several application servers and workers on one database and one object store (issue #10):
nothing that one process needs lives in another's memory or disk, and a server killed in the
middle of a burst of online submissions loses none that it answered."""

from __future__ import annotations

import re
import signal
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.db import connection

from motcua.accounts.models import User
from motcua.dossiers.models import Dossier, DossierComponent
from motcua.jobs.models import Job, JobStatus
from motcua.testing import processes
from motcua.testing.files import PDF

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.processes]

SUBMISSIONS = 160


@pytest.fixture
def postgres_only():
    if connection.vendor != "postgresql":
        pytest.skip("several processes on one database: the PostgreSQL set-up (CI runs it)")


def _submit(url: str, world, i: int) -> tuple[int, str]:
    """One online submission with one scanned page; (status, code or error text)."""
    try:
        response = requests.post(
            f"{url}/api/public/dossiers/",
            data={
                "procedure_code": world.procedure.code,
                "applicant_name": f"Nguyễn Văn Thử {i}",
                # One phone each: a receipt is sent to an unverified number at most 3 times a day.
                "applicant_phone": f"0355{i:06d}",
            },
            files={"files": (f"to-khai-{i}.pdf", PDF, "application/pdf")},
            headers={"Idempotency-Key": f"burst-{i}"},
            timeout=30,
        )
    except requests.RequestException as error:
        return 0, type(error).__name__
    if response.status_code == 201:
        return 201, response.json()["code"]
    return response.status_code, response.text[:500]


@pytest.fixture
def store(s3_server):
    """One object store for every process of the test: a new bucket on the tests' S3 server."""
    bucket = s3_server.bucket_create()
    yield s3_server, bucket
    if not s3_server.running:
        s3_server.start()
    s3_server.bucket_drop(bucket)


def _env(tmp_path, store):
    server, bucket = store
    return processes.process_env(
        tmp_path,
        **server.env(bucket),
        # The burst comes from one address: the per-address limit of a public form is not
        # what is tested here.
        MOTCUA_SUBMIT_LIMIT_PER_ADDRESS="100000/3600",
    )


def _login(session: requests.Session, url: str, username: str) -> None:
    # The tests hash with MD5 for speed; the servers run the production settings (PBKDF2).
    User.objects.filter(username=username).update(
        password=PBKDF2PasswordHasher().encode("pw-123456", "processes-salt")
    )
    page = session.get(f"{url}/dang-nhap/", timeout=30)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    answer = session.post(
        f"{url}/dang-nhap/",
        data={"username": username, "password": "pw-123456", "csrfmiddlewaretoken": token},
        headers={"Referer": f"{url}/dang-nhap/"},
        timeout=30,
        allow_redirects=False,
    )
    assert answer.status_code == 302, re.findall(r"errorlist.*", answer.text)


def test_two_servers_two_workers_one_database_one_store_and_a_crash(
    postgres_only, world, store, tmp_path
):
    env = _env(tmp_path, store)
    a = processes.server(tmp_path, env).start()
    b = processes.server(tmp_path, env).start()
    workers = [processes.worker(tmp_path, env, name).start() for name in ("w1", "w2")]
    try:
        a.wait_ready()
        b.wait_ready()

        # A session opened on one server is good on the other (sessions in the database).
        officer = requests.Session()
        _login(officer, a.url, "dept-handler")
        assert officer.get(f"{b.url}/can-bo/ho-so/", timeout=30).status_code == 200

        # The burst: half to each server; server A is killed (master and workers, as a crash
        # would) while requests are in flight.
        results: list[tuple[int, str]] = []

        def send(i: int) -> tuple[int, str]:
            return _submit((a if i % 2 else b).url, world, i)

        with ThreadPoolExecutor(max_workers=16) as pool:
            futures = [pool.submit(send, i) for i in range(SUBMISSIONS)]
            while sum(f.done() for f in futures) < SUBMISSIONS // 3:
                time.sleep(0.05)
            a.kill(signal.SIGKILL)
            results = [f.result() for f in futures]

        answered = [code for status, code in results if status == 201]
        failed = [(status, code) for status, code in results if status != 201]
        assert len(answered) >= SUBMISSIONS // 2, failed[:5]
        assert failed, "server A was killed before the burst ended"
        assert all(status == 0 for status, _ in failed), failed[:5]  # refused connections only
        # Every answered submission is there; no code repeats.
        stored = set(Dossier.objects.filter(code__in=answered).values_list("code", flat=True))
        assert stored == set(answered)
        assert len(answered) == len(set(answered))
        codes = list(Dossier.objects.values_list("code", flat=True))
        assert len(codes) == len(set(codes))
        # Each answered dossier's scanned page is in the object store.
        s3_server, bucket = store
        client = s3_server.client()
        documents = DossierComponent.objects.filter(dossier__code__in=answered)
        assert documents.count() == len(answered)
        for document in documents:
            stored_file = client.get_object(Bucket=bucket, Key=f"media/{document.file.name}")
            assert stored_file["Body"].read() == PDF

        # The workers share the queue: everything the burst caused is done, nothing twice.
        deadline = time.monotonic() + 120
        while Job.objects.filter(status__in=[JobStatus.QUEUED, JobStatus.RUNNING]).exists():
            assert time.monotonic() < deadline, list(
                Job.objects.exclude(status=JobStatus.DONE).values("name", "status", "last_error")
            )
            time.sleep(0.5)
        assert not Job.objects.filter(status=JobStatus.DEAD).exists()
        assert Job.objects.filter(status=JobStatus.DONE).count() >= len(answered)

        # A rate limit counts across servers: wrong lookup secrets alternate between B and a
        # restarted A, and the sixth is refused although each server saw at most three.
        a = processes.server(tmp_path, env).start().wait_ready()
        code = answered[0]
        statuses = [
            requests.post(
                f"{server.url}/api/public/dossiers/{code}/lookup/",
                json={"secret": "9999"},
                timeout=30,
            ).status_code
            for server in (a, b, a, b, a, b)
        ]
        assert statuses[:5] == [404] * 5 and statuses[5] == 429, statuses
    finally:
        for process in (a, b, *workers):
            process.kill(signal.SIGTERM)


def test_store_down_fails_clearly_and_writes_nothing(postgres_only, world, store, tmp_path):
    env = _env(tmp_path, store)
    s3, bucket = store
    server = processes.server(tmp_path, env, workers=1).start()
    try:
        server.wait_ready()
        status, code = _submit(server.url, world, 1)
        assert status == 201, code
        before = Dossier.objects.count()
        objects = s3.keys(bucket)

        s3.stop()
        status, text = _submit(server.url, world, 2)
        assert status == 503, text
        assert "Kho lưu trữ tệp" in text and "file store" in text
        assert Dossier.objects.count() == before
        ready = requests.get(f"{server.url}/readyz", timeout=30)
        assert ready.status_code == 503 and ready.json()["storage"] == "unavailable"

        s3.start()
        assert s3.keys(bucket) == objects  # nothing of the failed submission in the store
        status, code = _submit(server.url, world, 3)
        assert status == 201, code
        assert Dossier.objects.count() == before + 1
    finally:
        server.kill(signal.SIGTERM)
