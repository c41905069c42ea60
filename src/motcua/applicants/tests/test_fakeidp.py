"""The fake provider itself (no Django): PKCE is required and checked, a code is used once by
its own client only, userinfo needs the access token, the ID token verifies with the JWKS."""

from __future__ import annotations

import base64
import hashlib
import secrets
from urllib.parse import parse_qsl, urlencode, urlsplit

import pytest
import requests
from joserfc import jwt
from joserfc.jwk import KeySet

from motcua.integrations.fakeidp import FakeIdP

REDIRECT = "http://site.example/tai-khoan/dang-nhap/xong/"


@pytest.fixture
def idp():
    with FakeIdP(client_id="c", client_secret="s") as provider:
        yield provider


def _challenge(verifier: str) -> str:
    digest = hashlib.sha256(verifier.encode()).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def _code(idp, verifier="v" * 50, method="S256", redirect=REDIRECT, nonce=None, **extra):
    query = {
        "response_type": "code",
        "client_id": "c",
        "redirect_uri": redirect,
        "scope": "openid profile phone",
        "state": "st",
        "nonce": nonce or secrets.token_hex(8),
        "code_challenge": _challenge(verifier) if method == "S256" else verifier,
        "code_challenge_method": method,
        **extra,
    }
    query = {k: v for k, v in query.items() if v is not None}
    answer = requests.post(
        f"{idp.issuer}/authorize",
        data={"q": urlencode(query), "person": "001085012345"},
        allow_redirects=False,
        timeout=5,
    )
    return answer


def _token(idp, code, verifier="v" * 50, secret="s"):
    data = {"grant_type": "authorization_code", "code": code, "redirect_uri": REDIRECT}
    data |= {"client_id": "c", "client_secret": secret}
    if verifier is not None:
        data["code_verifier"] = verifier
    return requests.post(f"{idp.issuer}/token", data=data, timeout=5)


def _issued_code(answer) -> str:
    assert answer.status_code == 302, answer.text
    return dict(parse_qsl(urlsplit(answer.headers["Location"]).query))["code"]


def test_the_good_exchange_and_userinfo(idp):
    token = _token(idp, _issued_code(_code(idp, nonce="nn"))).json()
    keys = KeySet.import_key_set(requests.get(f"{idp.issuer}/jwks", timeout=5).json())
    claims = jwt.decode(token["id_token"], keys).claims
    assert claims["iss"] == idp.issuer and claims["aud"] == ["c"] and claims["nonce"] == "nn"
    assert claims["so_dinh_danh"] == "001085012345" and claims["acr"] == "vneid:2"
    assert "email" not in claims  # not in the scope asked
    info = requests.get(
        f"{idp.issuer}/userinfo",
        headers={"Authorization": f"Bearer {token['access_token']}"},
        timeout=5,
    )
    assert info.json()["phone_number"] == "0912345678"
    assert requests.get(f"{idp.issuer}/userinfo", timeout=5).status_code == 401


@pytest.mark.parametrize(
    "extra",
    [
        {"code_challenge_method": "plain"},
        {"code_challenge": None, "code_challenge_method": None},
        {"code_challenge_method": None},
    ],
    ids=["plain", "none", "no-method"],
)
def test_an_authorization_without_s256_gets_no_code(idp, extra):
    answer = _code(idp, **extra)
    assert answer.status_code == 400 and answer.json()["error"] == "invalid_request"


def test_the_verifier_is_checked(idp):
    assert _token(idp, _issued_code(_code(idp)), verifier=None).status_code == 400
    assert _token(idp, _issued_code(_code(idp)), verifier="w" * 50).status_code == 400


def test_a_code_is_used_once_by_its_client(idp):
    code = _issued_code(_code(idp))
    assert _token(idp, code, secret="wrong").status_code == 401
    assert _token(idp, code).status_code == 200
    assert _token(idp, code).json()["error"] == "invalid_grant"


def test_a_nonce_is_accepted_once_while_its_code_lives(idp):
    _issued_code(_code(idp, nonce="once"))
    assert _code(idp, nonce="once").json()["error_description"] == "Replay attack"


def test_only_the_sign_in_callback_is_a_redirect_uri(idp):
    answer = _code(idp, redirect="http://site.example/elsewhere/")
    assert answer.status_code == 400 and "Location" not in answer.headers


def test_the_key_is_kept_in_its_file(tmp_path):
    path = tmp_path / "key.pem"
    first = FakeIdP(key_file=path)
    second = FakeIdP(key_file=path)
    try:
        assert first.jwks() == second.jwks() and path.exists()
    finally:
        for provider in (first, second):
            provider.server.server_close()
