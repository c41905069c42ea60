"""The applicant's proof of access to a dossier (its code and the last 4 digits of the phone or
ID number), guarded against guessing. Used by the public API and the public pages alike.

Dossier codes follow the official pattern and can be guessed, so a lookup never tells a
missing code from a wrong secret: both are counted against the code string and the client
address, both get the same answer. A code gets a handful of wrong secrets per window from
anyone (``MOTCUA_RATE_LIMITS["lookup_code"]``); then every attempt on it is refused until the
window ends, the right secret included, and its applicant is told once.
"""

from __future__ import annotations

import time

from motcua.dossiers.models import Dossier
from motcua.dossiers.selectors import dossier_lookup
from motcua.utils import ratelimit
from motcua.utils.errors import DomainError


def lookup_not_found() -> DomainError:
    return DomainError(
        "Không tìm thấy hồ sơ với mã hồ sơ và 4 số cuối đã nhập. Vui lòng kiểm tra lại mã hồ sơ "
        "trên giấy tiếp nhận hoặc tin nhắn, và 4 số cuối số điện thoại hoặc số định danh đã khai.",
        "No dossier matches this code and these digits.",
        code="not_found",
        status_code=404,
    )


def _minutes(name: str) -> int:
    """How long a limit reached may last: up to two windows (``ratelimit`` slides)."""
    return max(2 * ratelimit.rate(name).seconds // 60, 1)


def lookup_refused() -> DomainError:
    minutes = _minutes("lookup_code")
    return DomainError(
        f"Đã tra cứu không thành công quá nhiều lần. Vui lòng thử lại sau {minutes} phút.",
        f"Too many failed lookups: please try again in {minutes} minutes.",
        code="throttled",
        status_code=429,
    )


def code_key(code: str) -> str:
    return "".join((code or "").split()).upper()


def dossier_access(*, code: str, secret: str, client: str) -> Dossier:
    """The dossier ``code`` when ``secret`` proves access to it; otherwise DomainError
    ``not_found`` (404), or ``throttled`` (429) once the code or the client address has used up
    its attempts."""
    code_id = code_key(code)
    # Both counted before the secret is checked, so parallel guesses are counted too.
    address_over = ratelimit.hit_over("lookup_address", client)
    code_count = ratelimit.hit("lookup_code", code_id)
    if address_over or code_count > ratelimit.rate("lookup_code").count:
        # Refused unchecked, so not counted: a limit reached decays even under attack.
        ratelimit.undo("lookup_address", client)
        ratelimit.undo("lookup_code", code_id)
        raise lookup_refused()
    dossier = dossier_lookup(code=code, secret=secret)
    if dossier is not None:
        ratelimit.undo("lookup_address", client)
        ratelimit.undo("lookup_code", code_id)
        return dossier
    if code_count >= ratelimit.rate("lookup_code").count:
        _warn_owner(code)
    raise lookup_not_found()


def _warn_owner(code: str) -> None:
    """Tell the applicant, once per window, that someone is guessing their dossier's digits."""
    from motcua.notifications.services import notification_enqueue

    dossier = Dossier.objects.select_related("procedure").filter(code=(code or "").strip()).first()
    if dossier is not None and ratelimit.first_in_window("lookup_code", f"warn:{dossier.code}"):
        notification_enqueue(dossier=dossier, event="lookup_blocked", tag=str(int(time.time())))


def submission_allowed(*, client: str) -> None:
    """Count an online submission from ``client``; DomainError ``throttled`` (429) beyond
    ``MOTCUA_RATE_LIMITS["submit_address"]``."""
    if ratelimit.hit_over("submit_address", client):
        ratelimit.undo("submit_address", client)
        minutes = _minutes("submit_address")
        raise DomainError(
            f"Đã nộp quá nhiều hồ sơ từ địa chỉ này. Vui lòng thử lại sau {minutes} phút.",
            f"Too many submissions from this address: please try again in {minutes} minutes.",
            code="throttled",
            status_code=429,
        )
