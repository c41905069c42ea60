"""API tokens for other systems: scoped, hashed, revocable, shown once."""

import datetime as dt
import hashlib

import pytest
import time_machine
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from motcua.accounts.models import ApiToken, User
from motcua.accounts.roles import Role
from motcua.accounts.tokens import token_create
from motcua.audit.models import AuditEntry

pytestmark = pytest.mark.django_db


@pytest.fixture
def controller(db):
    return User.objects.create_user(username="portal", password="x", role=Role.CONTROLLER)


def create(*args) -> str:
    """Run ``motcua token create`` and return the secret it printed."""
    from io import StringIO

    out = StringIO()
    call_command("token", "create", *args, stdout=out)
    return out.getvalue().strip().splitlines()[-1]


def bearer(secret: str) -> APIClient:
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {secret}")
    return api


def test_a_token_may_do_what_its_scopes_name(controller):
    secret = create("--user", "portal", "--scope", "catalog.view_private", "--name", "Cổng")
    api = bearer(secret)
    assert api.get(reverse("api-procedures")).status_code == 200
    # The role may manage the catalog, the token may not.
    refused = api.post(reverse("api-procedures"), {}, format="json")
    assert refused.status_code == 403
    token = ApiToken.objects.get()
    assert token.last_used_at is not None
    assert secret not in (token.digest, token.prefix)
    assert token.digest == hashlib.sha256(secret.encode()).hexdigest()


def test_a_token_never_exceeds_its_users_role(controller):
    token, secret = token_create(
        user=controller, name="x", scopes=["catalog.view_private"], now=timezone.now()
    )
    controller.role = Role.EDITOR
    controller.save()
    assert bearer(secret).get(reverse("api-procedures")).status_code == 403
    assert token.allows("catalog.view_private") is False


def test_scopes_the_role_cannot_use_are_refused(controller):
    with pytest.raises(CommandError, match="calendar.manage"):
        create("--user", "portal", "--scope", "calendar.manage")
    assert not ApiToken.objects.exists()


def test_revoked_expired_and_wrong_tokens_are_refused(controller):
    secret = create("--user", "portal", "--scope", "catalog.view_private", "--expires-days", "1")
    assert bearer(secret).get(reverse("api-procedures")).status_code == 200
    with time_machine.travel(timezone.now() + dt.timedelta(days=2)):
        assert bearer(secret).get(reverse("api-procedures")).status_code == 403
    call_command("token", "revoke", str(ApiToken.objects.get().pk), stdout=None)
    assert bearer(secret).get(reverse("api-procedures")).status_code == 403
    for wrong in (secret + "x", "Bearer"):
        response = bearer(wrong).get(reverse("api-procedures"))
        assert response.status_code == 403
        assert response.json()["error"]["code"] == "not_authenticated"
    # A NUL byte in a header is refused at the edge, before any authentication.
    response = bearer("mct_\x00").get(reverse("api-procedures"))
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "invalid"
    actions = list(AuditEntry.objects.order_by("id").values_list("action", flat=True))
    assert actions[-2:] == ["token.create", "token.revoke"]


def test_a_deactivated_user_s_token_stops_working(controller):
    secret = create("--user", "portal", "--scope", "catalog.view_private")
    controller.is_active = False
    controller.save()
    assert bearer(secret).get(reverse("api-procedures")).status_code == 403


def test_tokens_are_listed_and_revoked_in_the_admin_without_their_secret(client, controller):
    secret = create("--user", "portal", "--scope", "catalog.view_private")
    token = ApiToken.objects.get()
    admin = User.objects.create_superuser(username="root", password="x")
    client.force_login(admin)
    listing = client.get(reverse("admin:accounts_apitoken_changelist")).content.decode()
    assert token.prefix in listing and secret not in listing
    url = reverse("admin:accounts_apitoken_change", args=[token.pk])
    assert secret not in client.get(url).content.decode()
    response = client.post(
        url,
        {
            "expires_at_0": "",
            "expires_at_1": "",
            "revoked_at_0": "2024-01-01",
            "revoked_at_1": "08:00:00",
        },
    )
    assert response.status_code == 302
    assert bearer(secret).get(reverse("api-procedures")).status_code == 403
    assert AuditEntry.objects.filter(action="admin.change", target_id=str(token.pk)).exists()
