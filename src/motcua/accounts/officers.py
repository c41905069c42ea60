"""Services of the officers' accounts: the officers a data package brings (users.csv) and the
password-reset links they set their password through (a package never carries passwords)."""

import enum
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import EmailMessage
from django.db import transaction
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from motcua.accounts.models import User
from motcua.accounts.roles import role_can
from motcua.audit.services import audit_record

# The fields of an officer a package carries (interchange.md, users.csv).
IMPORTED_FIELDS = ("full_name", "title", "agency_id", "role", "email", "is_active")


class UserOutcome(enum.Enum):
    CREATED = "created"
    UPDATED = "updated"
    UNCHANGED = "unchanged"


@dataclass(frozen=True)
class OfficerData:
    username: str
    values: dict[str, Any]  # IMPORTED_FIELDS, already valid


def password_reset_link(user: User) -> str:
    """The link through which ``user`` sets a new password, on the public address of the
    system (``MOTCUA_PUBLIC_URL``). It stops working once the password changed."""
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    path = reverse("password-reset-confirm", kwargs={"uidb64": uid, "token": token})
    return f"{settings.MOTCUA_PUBLIC_URL.rstrip('/')}{path}"


def password_reset_send(user: User) -> None:
    """E-mail ``user`` a password-reset link (through the project's e-mail settings)."""
    if not user.email:
        return
    body = (
        f"Kính gửi {user.get_full_name()},\n\n"
        f"Tài khoản «{user.username}» của anh/chị trên hệ thống một cửa đã được tạo.\n"
        f"Vui lòng đặt mật khẩu tại địa chỉ sau:\n\n{password_reset_link(user)}\n\n"
        "Liên kết chỉ dùng được một lần.\n"
    )
    EmailMessage(
        subject="Đặt mật khẩu tài khoản hệ thống một cửa",
        body=body,
        to=[user.email],
    ).send(fail_silently=False)


def officers_import(*, items: list[OfficerData], actor_label: str = "") -> list[UserOutcome]:
    """Create or update the officers ``items`` (keyed by username; values validated by the
    caller). Passwords are never set: a new officer gets an unusable one and, by a job
    queued in the transaction, an e-mail with a password-reset link. Every change is audited.
    Returns the outcome of each item, in order."""
    outcomes: list[UserOutcome] = []
    with transaction.atomic():
        existing = User.objects.select_for_update().in_bulk(
            [item.username for item in items], field_name="username"
        )
        for item in items:
            user = existing.get(item.username)
            # The administration site is for those who manage users and agencies.
            values = {**item.values, "is_staff": role_can(item.values["role"], "user.manage")}
            if user is None:
                user = User(username=item.username, **values)
                user.set_unusable_password()
                user.save()
                outcomes.append(UserOutcome.CREATED)
                action, changed = "user.import_create", values
                if user.email and user.is_active:
                    from motcua.accounts.tasks import password_reset_mail

                    password_reset_mail.enqueue(user_id=user.pk, key=f"password-reset:{user.pk}")
            else:
                changed = {k: v for k, v in values.items() if getattr(user, k) != v}
                if not changed:
                    outcomes.append(UserOutcome.UNCHANGED)
                    continue
                for name, value in changed.items():
                    setattr(user, name, value)
                user.save(update_fields=list(changed))
                outcomes.append(UserOutcome.UPDATED)
                action = "user.import_update"
            audit_record(
                action=action,
                target=user,
                actor_label=actor_label,
                data={"username": user.username, "role": user.role, "changed": sorted(changed)},
            )
    return outcomes
