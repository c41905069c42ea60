"""Writing the audit trail. Called by the services that change state, inside their transaction,
so an entry exists exactly when the change does."""

from typing import Any

from django.db import models

from motcua.audit.models import AuditEntry


def audit_record(
    *,
    action: str,
    target: models.Model,
    actor=None,
    actor_label: str = "",
    data: dict[str, Any] | None = None,
) -> AuditEntry:
    return audit_event(
        action=action,
        target_type=target._meta.label_lower,
        target_id=str(target.pk),
        actor=actor,
        actor_label=actor_label,
        data=data,
    )


def audit_event(
    *,
    action: str,
    target_type: str,
    target_id: str,
    actor=None,
    actor_label: str = "",
    data: dict[str, Any] | None = None,
) -> AuditEntry:
    """An entry about something that is not (or not yet) a row: a login attempt under a name
    that may not exist, a download of a file."""
    user = actor if getattr(actor, "is_authenticated", False) else None
    return AuditEntry.objects.create(
        action=action,
        target_type=target_type[:64],
        target_id=str(target_id)[:128],
        actor=user,
        actor_label=(actor_label or ("" if user else "system"))[:64],
        data=data or {},
    )


def audit_request_data(request) -> dict[str, str]:
    """Where a request came from: the client's address (behind trusted proxies) and its
    browser, for entries about people's sessions and reads."""
    from motcua.utils.client import client_ip

    if request is None:
        return {}
    return {
        "ip": client_ip(request),
        "user_agent": request.META.get("HTTP_USER_AGENT", "")[:200],
    }


def audit_read(request, *, action: str, target: models.Model, **data: Any) -> AuditEntry:
    """A read or download of personal data by an officer (ASVS V7.1: who saw whose data)."""
    return audit_record(
        action=action,
        target=target,
        actor=request.user,
        data={**audit_request_data(request), **data},
    )
