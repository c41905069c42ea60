import pytest
from django.contrib.auth.models import AnonymousUser

from motcua.accounts.models import User
from motcua.accounts.roles import ACTIONS, Role, can


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("role", "action", "allowed"),
    [
        (Role.CONTROLLER, "catalog.manage", True),
        (Role.ADMINISTRATOR, "catalog.manage", True),
        (Role.HANDLER, "catalog.manage", False),
        (Role.INTAKE_OFFICER, "catalog.manage", False),
        (Role.HANDLER, "catalog.view_private", True),
        (Role.CONTROLLER, "calendar.manage", False),
        (Role.ADMINISTRATOR, "calendar.manage", True),
        (Role.EDITOR, "report.view", False),
    ],
)
def test_action_table(role, action, allowed):
    user = User.objects.create_user(username=f"u-{role}", password="x-secret-1", role=role)
    assert can(user, action) is allowed
    assert user.can(action) is allowed


@pytest.mark.django_db
def test_inactive_and_anonymous_users_may_do_nothing():
    user = User.objects.create_user(username="gone", password="x", role=Role.ADMINISTRATOR)
    user.is_active = False
    assert not any(can(user, a) for a in ACTIONS)
    assert not any(can(AnonymousUser(), a) for a in ACTIONS)


def test_unknown_action_is_a_programming_error():
    with pytest.raises(KeyError):
        can(AnonymousUser(), "no.such.action")
