"""Health and readiness, the request id in responses and logs, static files under their hashed
names, and the read replica's router (issue #10)."""

from __future__ import annotations

import datetime as dt
import json
import logging

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse

from motcua.dossiers.models import Dossier
from motcua.reports.tests.dashboard_data import make_world
from motcua.utils import replica
from motcua.utils.logs import JsonFormatter, RequestIdFilter, current_request_id
from motcua.web.management.commands.serve import gunicorn_options


@pytest.mark.django_db
def test_healthz_answers_without_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


@pytest.mark.django_db
def test_readyz_checks_the_database_and_the_store(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "storage": "ok"}
    # The probe leaves nothing behind.
    assert not any(p.is_file() for p in (tmp_path / "media").rglob("*"))


@pytest.mark.django_db
def test_readyz_is_503_when_the_store_cannot_be_written(client, settings, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the media folder should be")
    settings.MEDIA_ROOT = blocker / "media"
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "database": "ok", "storage": "unavailable"}


@pytest.mark.django_db
def test_every_response_carries_a_request_id(client):
    first, second = client.get("/healthz"), client.get("/healthz")
    assert len(first["X-Request-ID"]) == 32
    assert first["X-Request-ID"] != second["X-Request-ID"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("proxies", "sent", "kept"),
    [
        (["10.0.0.0/8"], "0123456789abcdef0123456789abcdef", True),  # nginx's $request_id
        ([], "0123456789abcdef0123456789abcdef", False),  # anyone may send the header
        (["10.0.0.0/8"], "bad id\nwith a line break", False),  # not an id: replaced
    ],
)
def test_the_proxys_request_id_is_kept_only_from_a_trusted_proxy(
    client, settings, proxies, sent, kept
):
    settings.MOTCUA_TRUSTED_PROXIES = proxies
    response = client.get("/healthz", HTTP_X_REQUEST_ID=sent, REMOTE_ADDR="10.1.2.3")
    assert (response["X-Request-ID"] == sent) is kept
    assert len(response["X-Request-ID"]) >= 8


def test_json_log_lines_carry_the_request_id():
    record = logging.LogRecord("motcua.test", logging.ERROR, __file__, 1, "Lỗi %s", ("X",), None)
    assert current_request_id() == ""
    RequestIdFilter().filter(record)
    line = json.loads(JsonFormatter().format(record))
    assert line["message"] == "Lỗi X"
    assert line["level"] == "ERROR"
    assert line["request_id"] == ""


@pytest.mark.django_db
def test_a_log_line_written_during_a_request_has_that_requests_id(client, caplog, monkeypatch):
    from motcua.web.views import health

    def failing() -> None:
        raise OSError("disk gone")

    monkeypatch.setitem(health.CHECKS, "storage", failing)
    caplog.handler.addFilter(RequestIdFilter())
    with caplog.at_level(logging.ERROR, logger="motcua.web.views.health"):
        response = client.get("/readyz")
    assert response.status_code == 503
    (record,) = [r for r in caplog.records if r.name == "motcua.web.views.health"]
    assert record.request_id == response["X-Request-ID"]


def test_serve_takes_workers_and_threads_from_the_environment(monkeypatch):
    monkeypatch.setenv("MOTCUA_WEB_WORKERS", "3")
    monkeypatch.setenv("MOTCUA_WEB_THREADS", "8")
    options = gunicorn_options("0.0.0.0:9000")
    assert (options["bind"], options["workers"], options["threads"]) == ("0.0.0.0:9000", 3, 8)
    monkeypatch.setenv("MOTCUA_WEB_WORKERS", "many")
    with pytest.raises(Exception, match="MOTCUA_WEB_WORKERS"):
        gunicorn_options("0.0.0.0:9000")


@pytest.mark.django_db
def test_pages_name_static_files_by_their_hash_once_collected(client, settings, tmp_path):
    from django.contrib.staticfiles.storage import staticfiles_storage

    page = client.get(reverse("catalog")).content.decode()
    assert "/static/web/css/site.css" in page  # nothing collected: plain names
    settings.STATIC_ROOT = tmp_path / "static"
    call_command("collectstatic", interactive=False, verbosity=0)
    page = client.get(reverse("catalog")).content.decode()
    hashed = staticfiles_storage.hashed_files["web/css/site.css"]
    assert hashed != "web/css/site.css" and f"/static/{hashed}" in page
    assert (tmp_path / "static" / f"{hashed}.gz").exists()  # compressed copies too


# --- the read replica -------------------------------------------------------------------------


class Recorder:
    """A router in front of ours that notes, for each read of a dossier, where ours would send
    it, and then reads the test database (the test has no second database to read)."""

    seen: list[str | None] = []

    def db_for_read(self, model, **hints):
        if model is Dossier:
            Recorder.seen.append(replica.ReplicaRouter().db_for_read(model, **hints))
        return "default"


REPLICA_DATABASES = {"default": {}, "replica": {}}


@pytest.mark.filterwarnings("ignore:Overriding setting DATABASES")
def test_the_router_sends_report_reads_to_the_replica_and_nothing_else():
    router = replica.ReplicaRouter()
    with override_settings(DATABASES=REPLICA_DATABASES):
        assert router.db_for_read(Dossier) is None  # outside a report: the primary
        with replica.replica_reads():
            assert router.db_for_read(Dossier) == "replica"
            assert router.db_for_write(Dossier) == "default"
        assert router.db_for_read(Dossier) is None
        assert router.allow_migrate("default", "dossiers") is True
        assert router.allow_migrate("replica", "dossiers") is False
    # Without a replica configured, reports read the primary too.
    with replica.replica_reads():
        assert router.db_for_read(Dossier) is None


@pytest.fixture
def officials(db, time_machine):
    time_machine.move_to(dt.datetime(2024, 10, 20, 10, 0, tzinfo=dt.UTC), tick=False)
    return make_world()


@pytest.mark.filterwarnings("ignore:Overriding setting DATABASES")
def test_report_pages_read_from_the_replica_and_desk_pages_do_not(client, officials):
    client.force_login(officials.controller)
    routers = [f"{Recorder.__module__}.Recorder", "motcua.utils.replica.ReplicaRouter"]
    with override_settings(DATABASE_ROUTERS=routers):
        from django.conf import settings

        real = settings.DATABASES
        with override_settings(DATABASES={**real, "replica": real["default"]}):
            for url, where in (
                (reverse("reports-dashboard"), "replica"),
                (reverse("public-statistics"), "replica"),
                (reverse("reports-service-index"), "replica"),
                (reverse("officer-dossier-list"), None),
            ):
                Recorder.seen = []
                assert client.get(url).status_code == 200, url
                assert Recorder.seen, url
                assert set(Recorder.seen) == {where}, (url, set(Recorder.seen))
