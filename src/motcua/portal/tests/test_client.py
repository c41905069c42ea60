"""The HTTP contract (portal.md, "How it is sent"): which answers are stored, which are
retried later and which are permanent rejections; against the fake portal."""

import socket

import pytest

from motcua.integrations.fakeportal import FakePortal
from motcua.integrations.portal import (
    HttpPortalClient,
    PortalRejected,
    PortalUnavailable,
    classify,
)
from motcua.portal.tests.conftest import TOKEN

PAYLOAD = {"hoSo": {"MaHoSo": "000.00.05.H12-240305-0001"}, "tienTrinhDongBo": []}


@pytest.fixture
def portal():
    with FakePortal(token=TOKEN) as fake:
        yield fake


def client(portal, *, token=TOKEN, timeout=2.0) -> HttpPortalClient:
    return HttpPortalClient(url=portal.url, token=token, timeout=timeout)


def test_stored_with_error_code_0_and_the_version_header(portal):
    client(portal).send(payload=PAYLOAD, version=3)
    assert portal.snapshots["000.00.05.H12-240305-0001"] == PAYLOAD
    assert portal.versions["000.00.05.H12-240305-0001"] == [3]


@pytest.mark.parametrize("status", [500, 502, 503, 504, 429, 408])
def test_server_errors_throttling_and_request_timeouts_are_retried(portal, status):
    portal.control(mode="fail", status=status)
    with pytest.raises(PortalUnavailable, match=f"HTTP {status}") as failure:
        client(portal).send(payload=PAYLOAD, version=1)
    assert not failure.value.uncertain and not portal.snapshots


def test_a_200_with_another_error_code_is_retried(portal):
    portal.control(mode="error")
    with pytest.raises(PortalUnavailable, match="error_code -1"):
        client(portal).send(payload=PAYLOAD, version=1)


@pytest.mark.parametrize(
    ("setup", "status"),
    [
        (lambda portal: None, 401),  # wrong token
        (lambda portal: portal.control(mode="fail", status=400), 400),
        (lambda portal: portal.control(reject=[PAYLOAD["hoSo"]["MaHoSo"]]), 422),
        (lambda portal: portal.control(mode="fail", status=404), 404),
    ],
)
def test_other_client_errors_are_permanent_rejections(portal, setup, status):
    setup(portal)
    token = "wrong" if status == 401 else TOKEN
    with pytest.raises(PortalRejected) as rejected:
        client(portal, token=token).send(payload=PAYLOAD, version=1)
    assert rejected.value.status == status and "error_code" in rejected.value.answer


def test_a_timeout_is_retried_and_may_have_reached_the_portal(portal):
    portal.control(mode="timeout", delay_ms=1500)
    with pytest.raises(PortalUnavailable, match="timed out") as failure:
        client(portal, timeout=0.3).send(payload=PAYLOAD, version=1)
    assert failure.value.uncertain


def test_a_refused_connection_is_retried():
    with socket.socket() as free:
        free.bind(("127.0.0.1", 0))
        port = free.getsockname()[1]
    refused = HttpPortalClient(url=f"http://127.0.0.1:{port}", token=TOKEN, timeout=1)
    with pytest.raises(PortalUnavailable, match="ConnectionRefused") as failure:
        refused.send(payload=PAYLOAD, version=1)
    assert not failure.value.uncertain


def test_classification_table():
    classify(200, '{"error_code": "0", "message": "ok"}')
    for status, body in [(200, "not json"), (200, '{"error_code": 5}'), (302, ""), (599, "")]:
        with pytest.raises(PortalUnavailable):
            classify(status, body)
    with pytest.raises(PortalRejected):
        classify(409, "{}")


def test_the_slow_mode_answers_after_its_delay(portal):
    portal.control(mode="slow", delay_ms=100)
    client(portal).send(payload=PAYLOAD, version=1)
    assert portal.state()["stored"] == 1
