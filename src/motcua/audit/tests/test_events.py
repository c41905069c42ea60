"""Finding 9 of issue #7: logins, failed logins, logouts, lockouts, user and role changes, admin
changes are in the audit trail (reads of dossiers: dossiers/tests/test_read_audit.py)."""

import pytest
from django.urls import reverse

from motcua.accounts.models import User
from motcua.accounts.roles import Role
from motcua.audit.models import AuditEntry

pytestmark = pytest.mark.django_db
PASSWORD = "mat-khau-rat-dai-2024"


def actions() -> list[str]:
    return list(AuditEntry.objects.order_by("id").values_list("action", flat=True))


@pytest.fixture
def admin_user(db):
    return User.objects.create_superuser(
        username="quantri", password=PASSWORD, role=Role.ADMINISTRATOR
    )


@pytest.fixture
def officer(db):
    return User.objects.create_user(username="xuly", password=PASSWORD, role=Role.HANDLER)


def test_login_failure_logout_and_lockout_are_recorded(client, officer):
    login = reverse("login")
    extra = {"REMOTE_ADDR": "198.51.100.4", "HTTP_USER_AGENT": "Firefox"}
    client.post(login, {"username": "xuly", "password": "sai"}, **extra)
    client.post(login, {"username": "khong-co", "password": "sai"}, **extra)
    client.post(login, {"username": "xuly", "password": PASSWORD}, **extra)
    client.post(reverse("logout"), **extra)
    for _ in range(5):
        client.post(login, {"username": "xuly", "password": "sai"}, **extra)
    entries = AuditEntry.objects.exclude(action="user.create").order_by("id")
    assert [e.action for e in entries[:4]] == [
        "auth.login_failed",
        "auth.login_failed",
        "auth.login",
        "auth.logout",
    ]
    failed, unknown, success, logout = entries[:4]
    assert failed.data == {"ip": "198.51.100.4", "user_agent": "Firefox", "username": "xuly"}
    assert failed.actor is None and failed.target_id == "xuly"
    assert unknown.target_id == "khong-co"
    assert success.actor == officer and success.data["ip"] == "198.51.100.4"
    assert logout.actor == officer
    assert "auth.lockout" in actions()
    assert "sai" not in str(list(entries.values_list("data", flat=True)))


def test_role_and_password_changes_through_the_admin_are_recorded(client, admin_user, officer):
    client.force_login(admin_user)
    url = reverse("admin:accounts_user_change", args=[officer.pk])
    page = client.get(url)
    form = page.context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v is not None and k not in ("password",)}
    data.update(
        {
            "role": Role.APPROVER,
            "is_active": "on",
            "date_joined_0": "2024-01-01",
            "date_joined_1": "08:00:00",
            "last_login_0": "",
            "last_login_1": "",
            "groups": [],
            "user_permissions": [],
            "agency": "",
        }
    )
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    change = AuditEntry.objects.get(action="user.change", target_id=str(officer.pk))
    assert change.actor == admin_user
    assert change.data["role"] == [Role.HANDLER, Role.APPROVER]
    admin_entry = AuditEntry.objects.get(action="admin.change")
    assert (admin_entry.target_type, admin_entry.target_id) == ("accounts.user", str(officer.pk))
    assert admin_entry.actor == admin_user

    password_url = reverse("admin:auth_user_password_change", args=[officer.pk])
    response = client.post(
        password_url,
        {"password1": "mot-mat-khau-moi-dai", "password2": "mot-mat-khau-moi-dai"},
    )
    assert response.status_code == 302
    entry = AuditEntry.objects.get(action="user.password_change")
    assert entry.actor == admin_user and entry.target_id == str(officer.pk)


def test_users_created_and_deactivated_outside_requests_are_recorded(officer):
    officer.is_active = False
    officer.save()
    created = AuditEntry.objects.get(action="user.create", target_id=str(officer.pk))
    assert created.data["role"] == Role.HANDLER and created.actor_label == "system"
    assert AuditEntry.objects.get(action="user.change").data == {"is_active": [True, False]}


def test_admin_additions_and_bulk_deletions_are_recorded(client, admin_user):
    from motcua.agencies.models import Agency

    client.force_login(admin_user)
    response = client.post(
        reverse("admin:procedures_decision_add"),
        {"number": "9/QĐ-UBND", "date": "2024-06-01", "kind": "publication", "title": "Công bố"},
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    added = AuditEntry.objects.get(action="admin.add")
    assert (added.target_type, added.actor) == ("procedures.decision", admin_user)
    agencies = [Agency.objects.create(code=f"A{i}", name=f"A{i}", kind="other") for i in range(2)]
    response = client.post(
        reverse("admin:agencies_agency_changelist"),
        {
            "action": "delete_selected",
            "_selected_action": [a.pk for a in agencies],
            "post": "yes",
        },
    )
    assert response.status_code == 302
    deleted = AuditEntry.objects.filter(action="admin.delete")
    assert sorted(deleted.values_list("target_id", flat=True)) == sorted(
        str(a.pk) for a in agencies
    )
