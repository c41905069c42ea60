"""Finding 10 of issue #7: sessions end after 30 minutes idle and 12 hours in all."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from motcua.accounts.models import User
from motcua.accounts.roles import Role
from motcua.audit.models import AuditEntry

pytestmark = pytest.mark.django_db
PASSWORD = "mat-khau-rat-dai-2024"


@pytest.fixture
def officer(db):
    return User.objects.create_user(username="xuly", password=PASSWORD, role=Role.HANDLER)


def signed_in(client) -> bool:
    return client.get(reverse("officer-home")).status_code == 200


def test_thirty_idle_minutes_end_the_session(client, officer):
    with time_machine.travel(timezone.now(), tick=False) as clock:
        client.post(reverse("login"), {"username": "xuly", "password": PASSWORD})
        clock.shift(dt.timedelta(minutes=29))
        assert signed_in(client)
        # Activity renewed the session: another 29 minutes are fine…
        clock.shift(dt.timedelta(minutes=29))
        assert signed_in(client)
        # …31 without a request are not.
        clock.shift(dt.timedelta(minutes=31))
        assert not signed_in(client)


def test_twelve_hours_end_the_session_however_busy(client, officer):
    with time_machine.travel(timezone.now(), tick=False) as clock:
        client.post(reverse("login"), {"username": "xuly", "password": PASSWORD})
        for _ in range(35):  # a request every 20 minutes: 11 h 40 min
            clock.shift(dt.timedelta(minutes=20))
            assert signed_in(client)
        clock.shift(dt.timedelta(minutes=21))
        assert not signed_in(client)
    logout = AuditEntry.objects.get(action="auth.logout")
    assert logout.data["reason"] == "session_max_age"


def test_the_cookie_expires_with_the_idle_limit(client, officer):
    response = client.post(reverse("login"), {"username": "xuly", "password": PASSWORD})
    assert response.cookies["sessionid"]["max-age"] == 30 * 60
