"""The OpenID Connect client of the applicants' sign-in (ADR 0011): Authlib's Django client,
authorization code flow with PKCE (S256), state and nonce kept in the session, the ID token's
signature checked against the provider's JWKS and its iss, aud, exp, iat and nonce validated.

The endpoints come from ``MOTCUA_OIDC_ISSUER``'s discovery document, fetched (with
``MOTCUA_OIDC_TIMEOUT``) on first use and kept by the client for the life of the process; one
client per (issuer, client id, secret), so a changed setting makes a new one."""

from __future__ import annotations

from typing import Any

from authlib.integrations.base_client.errors import OAuthError
from authlib.integrations.django_client import DjangoOAuth2App, OAuth
from django.conf import settings
from joserfc.errors import JoseError
from requests import RequestException

SCOPE = "openid profile email phone address"
# Seconds of clock difference tolerated on exp and iat.
LEEWAY = 30

_clients: dict[tuple[str, str, str], DjangoOAuth2App] = {}


class SignInError(Exception):
    """The callback cannot sign anybody in (the reason is for the audit trail, not the page)."""


def client() -> DjangoOAuth2App:
    issuer = settings.MOTCUA_OIDC_ISSUER.rstrip("/")
    if not issuer:
        raise SignInError("MOTCUA_OIDC_ISSUER is not set")
    key = (issuer, settings.MOTCUA_OIDC_CLIENT_ID, settings.MOTCUA_OIDC_CLIENT_SECRET)
    if key not in _clients:
        oauth = OAuth()
        _clients[key] = oauth.register(
            name="national",
            client_id=key[1],
            client_secret=key[2],
            server_metadata_url=f"{issuer}/.well-known/openid-configuration",
            client_kwargs={
                "scope": SCOPE,
                "code_challenge_method": "S256",
                "token_endpoint_auth_method": "client_secret_post",
                "default_timeout": settings.MOTCUA_OIDC_TIMEOUT,
            },
        )
    return _clients[key]


def authorization_redirect(request: Any, redirect_uri: str) -> Any:
    """The redirect to the provider's authorization endpoint (state, nonce and the PKCE
    verifier kept in the session)."""
    app = client()
    try:
        return app.authorize_redirect(request, redirect_uri)
    except (RequestException, OAuthError, ValueError, KeyError) as error:
        raise SignInError(f"discovery: {error}") from error


def verified_claims(request: Any) -> dict[str, Any]:
    """The claims of the callback's verified ID token (with the userinfo of the same
    subject); SignInError for a refusal, a wrong or replayed state, a refused code or any
    invalid token."""
    try:
        app = client()
        issuer = app.load_server_metadata()["issuer"]
        if issuer.rstrip("/") != settings.MOTCUA_OIDC_ISSUER.rstrip("/"):
            raise SignInError(f"discovery names another issuer: {issuer}")
        # Authlib checks aud only when told to (else only azp); iss and aud are both required.
        options = {
            "iss": {"essential": True, "value": issuer},
            "aud": {"essential": True, "value": app.client_id},
        }
        token = app.authorize_access_token(request, leeway=LEEWAY, claims_options=options)
    except (OAuthError, JoseError, RequestException, ValueError, KeyError) as error:
        raise SignInError(f"{type(error).__name__}: {error}") from error
    claims = token.get("userinfo")
    if not claims:  # no ID token (Authlib validates one only when present)
        raise SignInError("no id_token")
    claims = dict(claims)
    try:
        extra = app.userinfo(token=token)
    except (OAuthError, RequestException, ValueError) as error:
        raise SignInError(f"userinfo: {error}") from error
    if extra.get("sub") == claims.get("sub"):
        claims = {**extra, **claims}
    return claims
