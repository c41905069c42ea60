"""Audit entries for what Django's auth machinery does outside our services: logins, logouts,
failed logins and lockouts (django.contrib.auth and django-axes signals), and changes to users
made by the admin, ``createsuperuser`` or ``changepassword``.

Receivers are the only place these can be seen (the writes happen inside Django), and they only
ADD an audit entry: they change nothing else.
"""

from axes.signals import user_locked_out
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db.models.signals import post_save, pre_save
from django.dispatch import receiver

from motcua.accounts.middleware import session_started
from motcua.accounts.models import User
from motcua.audit.context import current_actor, current_request
from motcua.audit.services import audit_event, audit_record, audit_request_data

# The fields of a user whose change is a change of rights.
WATCHED = ("username", "role", "agency_id", "is_active", "is_staff", "is_superuser", "password")
# The watched fields as they were before a save, kept on the instance between pre_ and post_save.
BEFORE = "_audit_before"


@receiver(user_logged_in)
def _logged_in(sender, request, user, **kwargs) -> None:
    session_started(request)
    audit_record(action="auth.login", target=user, actor=user, data=audit_request_data(request))


@receiver(user_logged_out)
def _logged_out(sender, request, user, **kwargs) -> None:
    if user is None:
        return
    data = audit_request_data(request)
    if reason := getattr(request, "motcua_logout_reason", ""):
        data["reason"] = reason
    audit_record(action="auth.logout", target=user, actor=user, data=data)


def _attempted(credentials: dict) -> str:
    # What was typed, as text PostgreSQL can store (no NUL).
    return str(credentials.get("username", "")).replace("\x00", "")[:128]


@receiver(user_login_failed)
def _login_failed(sender, credentials, request=None, **kwargs) -> None:
    username = _attempted(credentials)
    audit_event(
        action="auth.login_failed",
        target_type="accounts.user",
        target_id=username,
        actor_label="anonymous",
        data={**audit_request_data(request), "username": username},
    )


@receiver(user_locked_out)
def _locked_out(sender, request, username, ip_address, **kwargs) -> None:
    name = _attempted({"username": username or ""})
    audit_event(
        action="auth.lockout",
        target_type="accounts.user",
        target_id=name,
        actor_label="anonymous",
        data={**audit_request_data(request), "username": name},
    )


@receiver(pre_save, sender=User)
def _remember_rights(sender, instance: User, raw=False, update_fields=None, **kwargs) -> None:
    if raw or instance.pk is None or (update_fields and set(update_fields) <= {"last_login"}):
        setattr(instance, BEFORE, None)
        return
    setattr(instance, BEFORE, User.objects.filter(pk=instance.pk).values(*WATCHED).first())


def _value(instance: User, field: str):
    return getattr(instance, field)


@receiver(post_save, sender=User)
def _record_rights(sender, instance: User, created: bool, raw=False, **kwargs) -> None:
    if raw:
        return
    actor = current_actor()
    data = audit_request_data(current_request.get()) if actor else {}
    if created:
        fields = {f: _value(instance, f) for f in WATCHED if f != "password"}
        audit_record(action="user.create", target=instance, actor=actor, data={**data, **fields})
        return
    before = getattr(instance, BEFORE, None)
    if not before:
        return
    changed = {
        f: [before[f], _value(instance, f)]
        for f in WATCHED
        if f != "password" and before[f] != _value(instance, f)
    }
    if changed:
        audit_record(action="user.change", target=instance, actor=actor, data={**data, **changed})
    if before["password"] != instance.password:
        audit_record(action="user.password_change", target=instance, actor=actor, data=data)
