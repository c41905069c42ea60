"""The real address of the client behind the reverse proxies we trust.

``X-Forwarded-For`` is written by whoever sends the request, so it is believed only when the
request comes from a proxy listed in ``MOTCUA_TRUSTED_PROXIES`` (addresses or networks). Then
the chain is read from the right (each proxy appends the address it saw) and the first address
that is not one of our proxies is the client; anything left of it may be forged.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable
from functools import lru_cache

from django.conf import settings

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


@lru_cache(maxsize=8)
def _networks(value: tuple[str, ...]) -> tuple[Network, ...]:
    return tuple(ipaddress.ip_network(item, strict=False) for item in value)


def trusted_proxies() -> tuple[Network, ...]:
    value = getattr(settings, "MOTCUA_TRUSTED_PROXIES", ())
    if isinstance(value, str):
        value = value.split(",")
    return _networks(tuple(item.strip() for item in value if item.strip()))


def _address(value: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    value = value.strip()
    if value.startswith("[") and "]" in value:  # [v6]:port
        value = value[1 : value.index("]")]
    elif value.count(":") == 1:  # v4:port
        value = value.split(":", 1)[0]
    try:
        return ipaddress.ip_address(value)
    except ValueError:
        return None


def _trusted(address, proxies: Iterable[Network]) -> bool:
    return any(address in network for network in proxies)


def client_ip(request) -> str:
    """The client's address: ``REMOTE_ADDR`` unless that is a trusted proxy, then the
    right-most untrusted address of ``X-Forwarded-For``."""
    remote = request.META.get("REMOTE_ADDR", "") or ""
    proxies = trusted_proxies()
    remote_address = _address(remote)
    if remote_address is None or not proxies or not _trusted(remote_address, proxies):
        return str(remote_address) if remote_address is not None else remote
    chain = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
    for hop in reversed(chain):
        address = _address(hop)
        if address is None:
            # A malformed hop: nothing to its left can be believed.
            break
        if not _trusted(address, proxies):
            return str(address)
    return str(remote_address)


def from_trusted_proxy(request) -> bool:
    """Whether the request reached us through one of our reverse proxies (so its headers
    ``X-Forwarded-*`` and ``X-Request-ID`` were written by that proxy)."""
    remote_address = _address(request.META.get("REMOTE_ADDR", "") or "")
    proxies = trusted_proxies()
    return remote_address is not None and bool(proxies) and _trusted(remote_address, proxies)
