"""API tokens for other systems' clients (``ApiToken``): creation, revocation and the DRF
authentication class.

A secret is 32 random bytes; only its SHA-256 is stored (a slow password hash adds nothing to a
secret that cannot be guessed, and a fast one keeps every API request cheap).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets

from django.db import transaction
from django.utils import timezone
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import authentication, exceptions

from motcua.accounts.models import ApiToken, User
from motcua.accounts.roles import ACTIONS, can
from motcua.audit.services import audit_record
from motcua.utils.errors import DomainError

SECRET_PREFIX = "mct_"
# last_used_at is written at most this often, not on every request.
LAST_USED_RESOLUTION = dt.timedelta(minutes=1)


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8", "surrogatepass")).hexdigest()


def token_create(
    *,
    user: User,
    name: str,
    scopes: list[str],
    now: dt.datetime,
    expires_days: int | None = None,
    actor=None,
) -> tuple[ApiToken, str]:
    """A new token for ``user`` and its secret, which is not kept and cannot be shown again."""
    unknown = sorted(set(scopes) - set(ACTIONS))
    if unknown or not scopes:
        raise DomainError(
            f"Phạm vi không hợp lệ: {', '.join(unknown) or '(trống)'}.",
            f"Invalid scopes: {', '.join(unknown) or '(none)'}.",
            code="invalid",
            status_code=400,
            details={"known": sorted(ACTIONS)},
        )
    useless = sorted(scope for scope in scopes if not can(user, scope))
    if useless:
        raise DomainError(
            f"Vai trò của {user.username} không được thực hiện: {', '.join(useless)}.",
            f"The role of {user.username} may not perform: {', '.join(useless)}.",
            code="invalid",
            status_code=400,
        )
    secret = SECRET_PREFIX + secrets.token_urlsafe(32)
    with transaction.atomic():
        token = ApiToken.objects.create(
            name=name,
            user=user,
            prefix=secret[: len(SECRET_PREFIX) + 6],
            digest=_digest(secret),
            scopes=sorted(set(scopes)),
            expires_at=now + dt.timedelta(days=expires_days) if expires_days else None,
        )
        audit_record(
            action="token.create",
            target=token,
            actor=actor,
            actor_label="" if actor else "command",
            data={"user": user.username, "scopes": token.scopes, "name": name},
        )
    return token, secret


def token_revoke(*, token: ApiToken, now: dt.datetime, actor=None) -> ApiToken:
    with transaction.atomic():
        token = ApiToken.objects.select_for_update().get(pk=token.pk)
        if token.revoked_at is None:
            token.revoked_at = now
            token.save(update_fields=["revoked_at"])
            audit_record(
                action="token.revoke",
                target=token,
                actor=actor,
                actor_label="" if actor else "command",
                data={"user": token.user.username},
            )
    return token


def token_from_secret(secret: str, *, now: dt.datetime) -> ApiToken | None:
    token = ApiToken.objects.select_related("user").filter(digest=_digest(secret)).first()
    if token is None or not token.is_valid(now):
        return None
    if token.last_used_at is None or now - token.last_used_at > LAST_USED_RESOLUTION:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token


def request_allows(request, action: str) -> bool:
    """Whether the request may perform ``action``: its user's role, and its token's scopes
    when it came with a token. The authorisation checks of the API call this."""
    token = getattr(request, "auth", None)
    if isinstance(token, ApiToken):
        return token.allows(action)
    return can(request.user, action)


class TokenAuthentication(authentication.BaseAuthentication):
    """``Authorization: Bearer <secret>``. ``request.auth`` is the ``ApiToken``."""

    keyword = "Bearer"

    def authenticate(self, request):
        header = authentication.get_authorization_header(request).split()
        if not header or header[0].lower() != self.keyword.lower().encode():
            return None
        if len(header) != 2:
            raise exceptions.AuthenticationFailed()
        try:
            secret = header[1].decode("ascii")
        except UnicodeDecodeError:
            raise exceptions.AuthenticationFailed() from None
        token = token_from_secret(secret, now=timezone.now())
        if token is None:
            raise exceptions.AuthenticationFailed()
        return token.user, token

    def authenticate_header(self, request) -> str:
        return self.keyword


class TokenScheme(OpenApiAuthenticationExtension):
    """The token in the OpenAPI document: an HTTP bearer scheme."""

    target_class = TokenAuthentication
    name = "apiToken"

    def get_security_definition(self, auto_schema):
        return {
            "type": "http",
            "scheme": "bearer",
            "description": "Khóa API (motcua token create) / an API token of another system.",
        }
