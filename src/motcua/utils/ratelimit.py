"""Rate limits shared by every process: sliding windows counted in the database's counter
table (one upsert an attempt), or in Redis when that is the cache; keyed on the real client
address or on any other identifier (a dossier code, a phone number).

Limits are named in ``settings.MOTCUA_RATE_LIMITS`` as ``"<count>/<seconds>"``. A caller counts
an attempt *before* doing the guarded work (``hit``) and refuses when the count passes the
limit, so parallel requests cannot all slip in before the first failure is recorded.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import hashlib
import ipaddress
import math
import secrets
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpRequest

UNIX = "unix"


@dataclass(frozen=True)
class Rate:
    count: int
    seconds: int


def rate(name: str) -> Rate:
    count, _, seconds = settings.MOTCUA_RATE_LIMITS[name].partition("/")
    return Rate(int(count), max(int(seconds or 3600), 1))


# ---- who is calling ---------------------------------------------------------------------


Network = ipaddress.IPv4Network | ipaddress.IPv6Network


@functools.lru_cache(maxsize=8)
def _networks(
    proxies: tuple[str, ...],
) -> tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]:
    try:
        return tuple(ipaddress.ip_network(p, strict=False) for p in proxies if p != UNIX)
    except ValueError as exc:
        raise ImproperlyConfigured(f"MOTCUA_TRUSTED_PROXIES: {exc}") from exc


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
    (``MOTCUA_TRUSTED_PROXIES``; ``unix`` for a proxy on a Unix socket, where ``REMOTE_ADDR`` is
    empty); then the right-most address of ``X-Forwarded-For`` that is not a trusted proxy.
    Addresses a caller adds to the left of the header are never believed, and without trusted
    proxies the header is ignored altogether."""
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = tuple(settings.MOTCUA_TRUSTED_PROXIES)
    trusted = _networks(proxies)

    def is_trusted(address) -> bool:
        return any(address in network for network in trusted)

    current = _address(remote)
    if current is None and not (remote == "" and UNIX in proxies):
        return remote
    if current is not None and not is_trusted(current):
        return remote
    hops = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
    for hop in reversed(hops):
        address = _address(hop)
        if address is None:
            break  # garbage in the header: the last proxy is as far as we can trust
        current = address
        if not is_trusted(address):
            break
    return remote if current is None else str(current)


class ClientAddressThrottleMixin:
    """For DRF throttles: identify the client as ``client_address`` does."""

    def get_ident(self, request) -> str:
        return client_address(request)


# ---- counting ---------------------------------------------------------------------------
#
# A sliding window, estimated from two fixed ones: the count of the current window plus the
# previous window's count weighted by how much of it still lies within the last ``seconds``.
# Attempts just before and just after a window boundary therefore add up (a fixed window would
# allow twice the limit across the boundary), and a limit reached decays smoothly.


def _keys(name: str, ident: str, now: float | None) -> tuple[str, str, float, int, float]:
    """(current key, previous key, weight of the previous window, timeout, now)."""
    window = rate(name)
    now = time.time() if now is None else now
    index = int(now // window.seconds)
    digest = hashlib.sha256(ident.encode("utf-8", "surrogatepass")).hexdigest()[:40]
    elapsed = (now - index * window.seconds) / window.seconds
    return (
        f"rl:{name}:{digest}:{index}",
        f"rl:{name}:{digest}:{index - 1}",
        1.0 - elapsed,
        2 * window.seconds,
        now,
    )


def _estimate(current: int, previous: int, weight: float) -> int:
    return current + math.ceil(previous * weight)


def _in_database() -> bool:
    """Counters in the database's counter table unless the cache is Redis (whose ``incr`` is
    one atomic command already)."""
    return "redis" not in str(settings.CACHES["default"]["BACKEND"]).lower()


def _instant(seconds: float) -> dt.datetime:
    return dt.datetime.fromtimestamp(seconds, tz=dt.UTC)


# One statement counts an attempt: a new window's row is inserted with 1, an expired one
# starts again at 1, a live one adds 1; the row lock of the upsert serialises parallel hits.
_HIT = """
INSERT INTO {table} ({key}, {count}, {expires}) VALUES (%s, 1, %s)
ON CONFLICT ({key}) DO UPDATE SET
    {count} = CASE WHEN {table}.{expires} <= %s THEN 1 ELSE {table}.{count} + 1 END,
    {expires} = CASE WHEN {table}.{expires} <= %s THEN excluded.{expires}
                     ELSE {table}.{expires} END
RETURNING {count}
"""
# Expired windows are deleted now and then by the hits themselves (no job needed).
_PURGE_EVERY = 1000


def _sql(template: str) -> str:
    from django.db import connection

    from motcua.utils.models import RateCounter

    q = connection.ops.quote_name
    return template.format(
        table=q(RateCounter._meta.db_table), key=q("key"), count=q("count"), expires=q("expires")
    )


def _database_hit(key: str, previous_key: str, timeout: int, now: float) -> tuple[int, int]:
    from django.db import connection

    from motcua.utils.models import RateCounter

    moment = _instant(now)
    with connection.cursor() as cursor:
        cursor.execute(_sql(_HIT), [key, _instant(now + timeout), moment, moment])
        current = cursor.fetchone()[0]
    previous = (
        RateCounter.objects.filter(key=previous_key, expires__gt=moment)
        .values_list("count", flat=True)
        .first()
    )
    if secrets.randbelow(_PURGE_EVERY) == 0:
        RateCounter.objects.filter(expires__lte=moment).delete()
    return current, previous or 0


def hit(name: str, ident: str, *, now: float | None = None) -> int:
    """Count one attempt of ``ident`` under the limit ``name``; the count of the last window,
    this attempt included."""
    key, previous_key, weight, timeout, now = _keys(name, ident, now)
    if _in_database():
        current, previous = _database_hit(key, previous_key, timeout, now)
        return _estimate(current, previous, weight)
    cache.add(key, 0, timeout)
    try:
        current = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout)
        current = 1
    return _estimate(current, cache.get(previous_key, 0), weight)


def hit_over(name: str, ident: str, *, now: float | None = None) -> bool:
    """Count one attempt; True when it is beyond the limit (refuse it)."""
    return hit(name, ident, now=now) > rate(name).count


def count(name: str, ident: str, *, now: float | None = None) -> int:
    key, previous_key, weight, _timeout, now = _keys(name, ident, now)
    if _in_database():
        from motcua.utils.models import RateCounter

        counts = dict(
            RateCounter.objects.filter(
                key__in=[key, previous_key], expires__gt=_instant(now)
            ).values_list("key", "count")
        )
    else:
        counts = cache.get_many([key, previous_key])
    return _estimate(counts.get(key, 0), counts.get(previous_key, 0), weight)


def undo(name: str, ident: str, *, now: float | None = None) -> None:
    """Take back an attempt counted by ``hit`` (a legitimate one, or one refused unchecked)."""
    key, _previous_key, _weight, _timeout, now = _keys(name, ident, now)
    if _in_database():
        from django.db.models import F

        from motcua.utils.models import RateCounter

        RateCounter.objects.filter(key=key, expires__gt=_instant(now), count__gt=0).update(
            count=F("count") - 1
        )
        return
    with contextlib.suppress(ValueError):
        cache.decr(key)


def first_in_window(name: str, ident: str) -> bool:
    """True at most once per ``seconds`` of the limit ``name`` for ``ident`` (e.g. to warn
    someone only once, whoever triggers it and however often)."""
    digest = hashlib.sha256(ident.encode("utf-8", "surrogatepass")).hexdigest()[:40]
    return cache.add(f"once:{name}:{digest}", 1, rate(name).seconds)
