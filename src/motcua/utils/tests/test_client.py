"""The client's address behind trusted proxies (utils/client.py)."""

import pytest
from django.test import RequestFactory

from motcua.utils.client import client_ip


def request(remote: str, forwarded: str | None = None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **extra)


@pytest.mark.parametrize(
    ("trusted", "remote", "forwarded", "expected"),
    [
        # No trusted proxy: the header is whatever the caller wrote, never believed.
        ([], "198.51.100.1", "203.0.113.5", "198.51.100.1"),
        # From an untrusted address: ignored too.
        (["10.0.0.0/8"], "198.51.100.1", "203.0.113.5", "198.51.100.1"),
        # From our proxy: the right-most address it did not add itself.
        (["10.0.0.0/8"], "10.0.0.2", "203.0.113.5", "203.0.113.5"),
        # A forged left part is skipped: the proxy appended the real address on the right.
        (["10.0.0.0/8"], "10.0.0.2", "1.2.3.4, 203.0.113.5", "203.0.113.5"),
        # Two proxies of ours in a row.
        (["10.0.0.0/8", "192.168.1.1"], "10.0.0.2", "203.0.113.5, 192.168.1.1", "203.0.113.5"),
        # Garbage in the header: the proxy's own address, not the garbage.
        (["10.0.0.0/8"], "10.0.0.2", "not-an-ip", "10.0.0.2"),
        (["10.0.0.0/8"], "10.0.0.2", None, "10.0.0.2"),
        (["::1"], "::1", "2001:db8::7", "2001:db8::7"),
        (["10.0.0.0/8"], "10.0.0.2", "203.0.113.5:4711", "203.0.113.5"),
    ],
)
def test_client_ip(settings, trusted, remote, forwarded, expected):
    settings.MOTCUA_TRUSTED_PROXIES = trusted
    assert client_ip(request(remote, forwarded)) == expected


def test_trusted_proxies_from_a_comma_separated_string(settings):
    settings.MOTCUA_TRUSTED_PROXIES = "10.0.0.1, 10.0.0.2"
    assert client_ip(request("10.0.0.2", "203.0.113.5")) == "203.0.113.5"
