"""The applicants' sign-in against the fake provider on loopback: the good flow, and every
kind of wrong answer refused with nothing signed in."""

from __future__ import annotations

import time
from urllib.parse import parse_qsl, urlsplit

import pytest
import requests
from joserfc.jwk import RSAKey

from motcua.applicants.models import ApplicantAccount
from motcua.applicants.session import SESSION_KEY
from motcua.audit.models import AuditEntry

pytestmark = pytest.mark.django_db

AN = "001085012345"


def _authorize(client, person=AN, deny=False):
    """Start the sign-in and answer the provider's page; the callback URL it redirects to."""
    start = client.get("/tai-khoan/dang-nhap/?next=/tai-khoan/")
    assert start.status_code == 302
    authorize = start["Location"]
    query = urlsplit(authorize).query
    params = dict(parse_qsl(query))
    assert params["code_challenge_method"] == "S256" and params["code_challenge"]
    assert params["nonce"] and params["state"]
    form = {"q": query, **({"deny": "1"} if deny else {"person": person})}
    answer = requests.post(authorize.split("?")[0], data=form, allow_redirects=False, timeout=5)
    assert answer.status_code == 302
    back = urlsplit(answer.headers["Location"])
    assert back.path == "/tai-khoan/dang-nhap/xong/"
    return f"{back.path}?{back.query}"


def _signed_in(client) -> bool:
    return SESSION_KEY in client.session


def _refused(response, client) -> str:
    assert response.status_code == 400
    assert "Chưa đăng nhập được" in response.content.decode()
    assert not _signed_in(client)
    refusal = AuditEntry.objects.filter(action="applicant.sign_in_refused").order_by("pk").last()
    assert refusal is not None
    return refusal.data["reason"]


def test_sign_in_redirects_to_the_provider_with_pkce(client, fake_idp):
    response = client.get("/tai-khoan/dang-nhap/")
    assert response.status_code == 302
    assert response["Location"].startswith(f"{fake_idp.issuer}/authorize?")
    params = dict(parse_qsl(urlsplit(response["Location"]).query))
    assert params["client_id"] == "motcua-test"
    assert params["redirect_uri"] == "http://testserver/tai-khoan/dang-nhap/xong/"
    assert set(params["scope"].split()) >= {"openid", "profile"}


def test_good_flow_creates_then_updates_the_account(client, fake_idp):
    response = client.get(_authorize(client))
    assert response.status_code == 302 and response["Location"] == "/tai-khoan/"
    account = ApplicantAccount.objects.get(identifier=AN)
    assert client.session[SESSION_KEY] == account.pk
    assert account.full_name == "Nguyễn Văn An"
    assert str(account.birth_date) == "1985-03-12"
    assert account.phone == "0912345678" and account.email == "an.nguyen@example.vn"
    assert account.address.startswith("Số 12 đường Trần Phú")
    assert account.kind == "person" and account.assurance == "vneid:2"
    assert AuditEntry.objects.filter(
        action="applicant.sign_in", target_id=str(account.pk), data__created=True
    ).exists()
    page = client.get("/tai-khoan/")
    assert page.status_code == 200 and "Nguyễn Văn An" in page.content.decode()

    client.post("/tai-khoan/dang-xuat/")
    assert not _signed_in(client)
    assert AuditEntry.objects.filter(action="applicant.sign_out", target_id=str(account.pk))
    fake_idp.people[AN] = {**fake_idp.people[AN], "phone_number": "0911000111"}
    client.get(_authorize(client))
    account.refresh_from_db()
    assert account.phone == "0911000111"
    assert ApplicantAccount.objects.filter(identifier=AN).count() == 1


def test_organisation_signs_in(client, fake_idp):
    client.get(_authorize(client, person="3001234567"))
    account = ApplicantAccount.objects.get(identifier="3001234567")
    assert account.kind == "organisation" and account.birth_date is None


def test_wrong_state_is_refused(client, fake_idp):
    callback = _authorize(client)
    path, query = callback.split("?")
    params = dict(parse_qsl(query))
    response = client.get(path, {"code": params["code"], "state": "not-the-state"})
    assert "MismatchingStateError" in _refused(response, client)
    assert not ApplicantAccount.objects.exists()


def test_callback_without_a_sign_in_is_refused(client, fake_idp):
    response = client.get("/tai-khoan/dang-nhap/xong/", {"code": "x", "state": "y"})
    _refused(response, client)


def test_replayed_code_is_refused(client, fake_idp):
    callback = _authorize(client)
    client.get(callback)
    assert _signed_in(client)
    client.post("/tai-khoan/dang-xuat/")
    # the same callback again: its state is spent
    _refused(client.get(callback), client)
    # a fresh sign-in's state with the spent code: the provider refuses the code
    fresh = dict(parse_qsl(urlsplit(_authorize(client)).query))
    old = dict(parse_qsl(urlsplit(callback).query))
    response = client.get(
        "/tai-khoan/dang-nhap/xong/", {"code": old["code"], "state": fresh["state"]}
    )
    assert "invalid_grant" in _refused(response, client)


@pytest.mark.parametrize(
    "same_kid, reason",
    [(False, "InvalidKeyIdError"), (True, "BadSignatureError")],
    ids=["other-kid", "same-kid"],
)
def test_token_signed_by_another_key_is_refused(client, fake_idp, same_kid, reason):
    parameters = {"kid": fake_idp.key.kid} if same_kid else None
    other = RSAKey.generate_key(2048, parameters=parameters, private=True)
    other.ensure_kid()
    fake_idp.tamper(key=other)
    assert reason in _refused(client.get(_authorize(client)), client)
    assert not ApplicantAccount.objects.exists()


@pytest.mark.parametrize(
    "claims, reason",
    [
        pytest.param({"aud": "another-client"}, "'a", id="wrong-audience"),
        pytest.param(
            {"aud": "another-client", "azp": "motcua-test"}, "'aud'", id="wrong-audience-azp"
        ),
        pytest.param({"aud": ["motcua-test", "another-client"]}, "'azp'", id="two-audiences"),
        pytest.param(
            {"exp": int(time.time()) - 600, "iat": int(time.time()) - 1200},
            "expired",
            id="expired",
        ),
        pytest.param({"iat": int(time.time()) + 3600}, "future", id="issued-in-the-future"),
        pytest.param({"nonce": "not-the-nonce"}, "'nonce'", id="wrong-nonce"),
        pytest.param({"iss": "https://evil.example"}, "'iss'", id="wrong-issuer"),
    ],
)
def test_invalid_id_token_is_refused(client, fake_idp, claims, reason):
    fake_idp.tamper(claims=claims)
    assert reason in _refused(client.get(_authorize(client)), client)
    assert not ApplicantAccount.objects.exists()


def test_provider_refusal_shows_the_error_page(client, fake_idp):
    assert "access_denied" in _refused(client.get(_authorize(client, deny=True)), client)


def test_unreachable_provider_shows_the_error_page(client, settings):
    settings.MOTCUA_OIDC_ISSUER = "http://127.0.0.1:9"
    settings.MOTCUA_OIDC_TIMEOUT = 2
    response = client.get("/tai-khoan/dang-nhap/")
    assert response.status_code == 502
    assert "Sign-in failed" in response.content.decode()
    assert not _signed_in(client)


def test_next_must_be_on_this_site(client, fake_idp):
    start = client.get("/tai-khoan/dang-nhap/?next=https://evil.example/")
    query = urlsplit(start["Location"]).query
    answer = requests.post(
        start["Location"].split("?")[0],
        data={"q": query, "person": AN},
        allow_redirects=False,
        timeout=5,
    )
    back = urlsplit(answer.headers["Location"])
    response = client.get(f"{back.path}?{back.query}")
    assert response["Location"] == "/tai-khoan/"


def test_an_applicants_sign_in_signs_the_officer_out(client, fake_idp):
    from motcua.accounts.models import User
    from motcua.accounts.roles import Role

    officer = User.objects.create_user(
        username="motcua", password="pw-123456", role=Role.ADMINISTRATOR
    )
    client.force_login(officer)
    assert "_auth_user_id" in client.session
    client.get(_authorize(client))
    assert "_auth_user_id" not in client.session and _signed_in(client)
    assert client.get("/can-bo/ho-so/").status_code == 302


def test_refused_sign_ins_are_limited_per_address(client, fake_idp, settings):
    settings.MOTCUA_RATE_LIMITS = {**settings.MOTCUA_RATE_LIMITS, "sign_in_address": "3/3600"}
    for _ in range(3):
        _refused(client.get("/tai-khoan/dang-nhap/xong/", {"code": "x", "state": "y"}), client)
    refusals = AuditEntry.objects.filter(action="applicant.sign_in_refused").count()
    # Beyond the limit the callback is not checked, and the audit trail is not flooded...
    response = client.get("/tai-khoan/dang-nhap/xong/", {"code": "x", "state": "y"})
    assert response.status_code == 429
    assert "quá nhiều lần đăng nhập không thành công" in response.content.decode()
    assert AuditEntry.objects.filter(action="applicant.sign_in_refused").count() == refusals
    # ...even for a good answer of the provider: the address waits for the window to pass.
    response = client.get(_authorize(client))
    assert response.status_code == 429 and not _signed_in(client)
    assert not ApplicantAccount.objects.exists()
