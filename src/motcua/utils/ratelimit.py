"""Rate limits shared by every process: fixed windows counted in the default cache (the
database, or Redis), keyed on the real client address or on any other identifier (a dossier
code, a phone number).

Limits are named in ``settings.MOTCUA_RATE_LIMITS`` as ``"<count>/<seconds>"``. A caller counts
an attempt *before* doing the guarded work (``hit``) and refuses when the count passes the
limit, so parallel requests cannot all slip in before the first failure is recorded.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import ipaddress
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest


@dataclass(frozen=True)
class Rate:
    count: int
    seconds: int


def rate(name: str) -> Rate:
    count, _, seconds = settings.MOTCUA_RATE_LIMITS[name].partition("/")
    return Rate(int(count), max(int(seconds or 3600), 1))


# ---- who is calling ---------------------------------------------------------------------


@functools.lru_cache(maxsize=8)
def _networks(proxies: tuple[str, ...]) -> tuple[ipaddress.IPv4Network | ipaddress.IPv6Network]:
    return tuple(ipaddress.ip_network(p, strict=False) for p in proxies)


def _address(value: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    value = value.strip()
    if value.startswith("[") and "]" in value:  # "[2001:db8::1]:443"
        value = value[1 : value.index("]")]
    elif value.count(":") == 1:  # "203.0.113.7:5123"
        value = value.split(":")[0]
    try:
        return ipaddress.ip_address(value)
    except ValueError:
        return None


def client_address(request: HttpRequest) -> str:
    """The address of the client: ``REMOTE_ADDR``, unless that is one of the trusted proxies
    (``MOTCUA_TRUSTED_PROXIES``); then the right-most address of ``X-Forwarded-For`` that is
    not a trusted proxy. Addresses a caller adds to the left of the header are never believed,
    and without trusted proxies the header is ignored altogether."""
    remote = request.META.get("REMOTE_ADDR", "")
    trusted = _networks(tuple(settings.MOTCUA_TRUSTED_PROXIES))
    if not trusted:
        return remote

    def is_trusted(address) -> bool:
        return any(address in network for network in trusted)

    current = _address(remote)
    if current is None or not is_trusted(current):
        return remote
    hops = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
    for hop in reversed(hops):
        address = _address(hop)
        if address is None:
            break  # garbage in the header: the last proxy is as far as we can trust
        current = address
        if not is_trusted(address):
            break
    return str(current)


class ClientAddressThrottleMixin:
    """For DRF throttles: identify the client as ``client_address`` does."""

    def get_ident(self, request) -> str:
        return client_address(request)


# ---- counting ---------------------------------------------------------------------------


def _key(prefix: str, name: str, ident: str, window: Rate, now: float) -> tuple[str, int]:
    index = int(now // window.seconds)
    digest = hashlib.sha256(ident.encode("utf-8", "surrogatepass")).hexdigest()[:40]
    remaining = int((index + 1) * window.seconds - now) + 1
    return f"{prefix}:{name}:{digest}:{index}", remaining


def hit(name: str, ident: str, *, now: float | None = None) -> int:
    """Count one attempt of ``ident`` under the limit ``name``; the count of the current window,
    this attempt included."""
    key, timeout = _key("rl", name, ident, rate(name), time.time() if now is None else now)
    cache.add(key, 0, timeout)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout)
        return 1


def hit_over(name: str, ident: str, *, now: float | None = None) -> bool:
    """Count one attempt; True when it is beyond the limit (refuse it)."""
    return hit(name, ident, now=now) > rate(name).count


def count(name: str, ident: str, *, now: float | None = None) -> int:
    key, _timeout = _key("rl", name, ident, rate(name), time.time() if now is None else now)
    return cache.get(key, 0)


def undo(name: str, ident: str, *, now: float | None = None) -> None:
    """Take back an attempt counted by ``hit`` (it turned out to be a legitimate one)."""
    key, _timeout = _key("rl", name, ident, rate(name), time.time() if now is None else now)
    with contextlib.suppress(ValueError):
        cache.decr(key)


def first_in_window(name: str, ident: str, *, now: float | None = None) -> bool:
    """True once per window of the limit ``name`` for ``ident`` (e.g. to warn someone only
    once, whoever triggers it and however often)."""
    key, timeout = _key("once", name, ident, rate(name), time.time() if now is None else now)
    return cache.add(key, 1, timeout)
