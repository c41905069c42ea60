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
    user = actor if getattr(actor, "is_authenticated", False) else None
    return AuditEntry.objects.create(
        action=action,
        target_type=target._meta.label_lower,
        target_id=str(target.pk),
        actor=user,
        actor_label=actor_label or ("" if user else "system"),
        data=data or {},
    )
