"""The sender's proof of access to a feedback item (its code and secret), guarded against
guessing with the same limits as the dossier lookup (``dossiers/access.py``): a missing code
and a wrong secret get the same answer, both counted per code and per client address."""

from __future__ import annotations

from motcua.dossiers.access import code_key, lookup_refused
from motcua.feedback.models import Feedback
from motcua.feedback.services import feedback_lookup
from motcua.utils import ratelimit
from motcua.utils.errors import DomainError

__all__ = ["feedback_access", "submission_allowed"]


def not_found() -> DomainError:
    return DomainError(
        "Không tìm thấy phản ánh, kiến nghị với mã và mã bí mật đã nhập. Vui lòng kiểm tra lại.",
        "No feedback matches this code and secret.",
        code="not_found",
        status_code=404,
    )


def feedback_access(*, code: str, secret: str, client: str) -> Feedback:
    """The item ``code`` when ``secret`` proves access to it; ``not_found`` (404) or
    ``throttled`` (429) otherwise."""
    code_id = "PAKN:" + code_key(code)
    address_over = ratelimit.hit_over("lookup_address", client)
    code_count = ratelimit.hit("lookup_code", code_id)
    if address_over or code_count > ratelimit.rate("lookup_code").count:
        ratelimit.undo("lookup_address", client)
        ratelimit.undo("lookup_code", code_id)
        raise lookup_refused()
    feedback = feedback_lookup(code=code, secret=secret)
    if feedback is None:
        raise not_found()
    ratelimit.undo("lookup_address", client)
    ratelimit.undo("lookup_code", code_id)
    return feedback


def submission_allowed(*, client: str) -> None:
    """Count a feedback item sent from ``client``; ``throttled`` (429) beyond
    ``MOTCUA_RATE_LIMITS["feedback_address"]``."""
    if ratelimit.hit_over("feedback_address", client):
        ratelimit.undo("feedback_address", client)
        minutes = max(2 * ratelimit.rate("feedback_address").seconds // 60, 1)
        raise DomainError(
            f"Đã gửi quá nhiều phản ánh từ địa chỉ này. Vui lòng thử lại sau {minutes} phút.",
            f"Too much feedback from this address: please try again in {minutes} minutes.",
            code="throttled",
            status_code=429,
        )
