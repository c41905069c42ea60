"""Finding 7 of issue #7: password guessing, weak passwords, Basic auth."""

import base64
import datetime as dt

import pytest
import time_machine
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from motcua.accounts.models import User
from motcua.accounts.roles import Role
from motcua.demo.management.commands.demo import DEMO_PASSWORD, DEMO_USERS

pytestmark = pytest.mark.django_db
PASSWORD = "mat-khau-rat-dai-2024"


@pytest.fixture
def officer(db):
    return User.objects.create_user(
        username="kiemsoat", password=PASSWORD, role=Role.CONTROLLER, first_name="An"
    )


def login(client, password, username="kiemsoat", **extra):
    return client.post(reverse("login"), {"username": username, "password": password}, **extra)


def test_forty_wrong_passwords_then_the_right_one_is_refused(client, officer):
    for _ in range(40):
        login(client, "sai-mat-khau")
    response = login(client, PASSWORD)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    html = response.content.decode()
    assert "Tạm khóa đăng nhập" in html
    # A Vietnamese page speaks Vietnamese only; the English page is the translation.
    assert "Too many failed" not in html and "wrong passwords" not in html
    english = login(client, PASSWORD, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Sign-in temporarily locked" in english and "Tạm khóa" not in english
    assert response["Retry-After"] == "900"


def test_lockout_after_five_failures_ends_after_the_cool_off(client, officer):
    start = timezone.now()
    with time_machine.travel(start, tick=False) as clock:
        for _ in range(4):
            assert login(client, "sai-mat-khau").status_code == 200
        assert login(client, "sai-mat-khau").status_code == 429
        assert login(client, PASSWORD).status_code == 429
        clock.shift(dt.timedelta(minutes=16))
        assert login(client, PASSWORD).status_code == 302


def test_the_lock_is_per_username_and_address(client, officer):
    for _ in range(5):
        login(client, "sai-mat-khau")
    assert login(client, PASSWORD).status_code == 429
    # The same account from another address, and another account from this one, still work.
    assert login(client, PASSWORD, REMOTE_ADDR="10.1.2.3").status_code == 302
    client.post(reverse("logout"))
    User.objects.create_user(username="xuly", password=PASSWORD, role=Role.HANDLER)
    assert login(client, PASSWORD, username="xuly").status_code == 302


def test_a_forged_forwarded_for_does_not_escape_the_lock(client, officer):
    for number in range(5):
        login(client, "sai-mat-khau", HTTP_X_FORWARDED_FOR=f"203.0.113.{number}")
    response = login(client, PASSWORD, HTTP_X_FORWARDED_FOR="198.51.100.7")
    assert response.status_code == 429


def test_behind_a_trusted_proxy_the_client_address_is_the_key(client, officer, settings):
    settings.MOTCUA_TRUSTED_PROXIES = ["10.0.0.0/8"]
    proxy = {"REMOTE_ADDR": "10.0.0.2"}
    for _ in range(5):
        login(client, "sai-mat-khau", HTTP_X_FORWARDED_FOR="203.0.113.9", **proxy)
    assert login(client, PASSWORD, HTTP_X_FORWARDED_FOR="203.0.113.9", **proxy).status_code == 429
    assert login(client, PASSWORD, HTTP_X_FORWARDED_FOR="198.51.100.7", **proxy).status_code == 302


def test_success_resets_the_count(client, officer):
    for _ in range(4):
        login(client, "sai-mat-khau")
    assert login(client, PASSWORD).status_code == 302
    client.post(reverse("logout"))
    for _ in range(4):
        login(client, "sai-mat-khau")
    assert login(client, PASSWORD).status_code == 302


def test_the_admin_login_is_throttled_too(client, officer):
    officer.is_staff = True
    officer.save()
    url = reverse("admin:login")
    for _ in range(5):
        client.post(url, {"username": "kiemsoat", "password": "sai-mat-khau"})
    response = client.post(url, {"username": "kiemsoat", "password": PASSWORD})
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize(
    "password",
    [
        "kiemsoat2024",  # like the username
        "Ab1-xyz!",  # 8 characters
        "482913576034",  # digits only
        "password1234",  # common
    ],
)
def test_weak_passwords_are_refused(officer, password):
    with pytest.raises(ValidationError):
        validate_password(password, officer)


def test_long_passphrases_are_accepted(officer):
    validate_password("ngựa " * 20 + "đồng cỏ xanh", officer)  # 100 characters


@pytest.mark.parametrize(("username", "role", "_where"), DEMO_USERS)
def test_the_demo_password_satisfies_the_rules(username, role, _where):
    validate_password(DEMO_PASSWORD, User(username=username, role=role))


def test_basic_auth_is_not_accepted(client, officer):
    credentials = base64.b64encode(f"kiemsoat:{PASSWORD}".encode()).decode()
    response = client.get(reverse("api-procedures"), HTTP_AUTHORIZATION=f"Basic {credentials}")
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "not_authenticated"
