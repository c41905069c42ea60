"""The Django admin, with every add, change and delete written to the audit trail.

The admin writes models directly, outside our services, and records that only in its own
``LogEntry`` table (editable, deletable, and bulk-written without signals when several objects
are deleted at once). The site wraps every registered ``ModelAdmin`` in ``AuditedAdminMixin``,
whose logging hooks add the append-only audit entry beside the admin's own.
"""

from django.contrib import admin
from django.contrib.admin.models import ADDITION, CHANGE, DELETION
from django.utils.translation import gettext_lazy as _

from motcua.audit.services import audit_event, audit_request_data

VERBS = {ADDITION: "add", CHANGE: "change", DELETION: "delete"}


def _record(request, obj, flag: int, message) -> None:
    audit_event(
        action=f"admin.{VERBS[flag]}",
        target_type=obj._meta.label_lower,
        target_id=str(obj.pk),
        actor=request.user,
        data={**audit_request_data(request), "object": str(obj)[:200], "change": message},
    )


class AuditedAdminMixin:
    def log_addition(self, request, obj, message):
        entry = super().log_addition(request, obj, message)
        _record(request, obj, ADDITION, message)
        return entry

    def log_change(self, request, obj, message):
        entry = super().log_change(request, obj, message)
        _record(request, obj, CHANGE, message)
        return entry

    def log_deletions(self, request, queryset):
        entries = super().log_deletions(request, queryset)
        for obj in queryset:
            _record(request, obj, DELETION, "")
        return entries


class AuditedAdminSite(admin.AdminSite):
    # The product's name instead of Django's ("Django administration").
    site_header = _("Quản trị hệ thống giải quyết thủ tục hành chính")
    site_title = _("Quản trị hệ thống TTHC")
    index_title = _("Quản trị dữ liệu")

    def register(self, model_or_iterable, admin_class=None, **options):
        base = admin_class or admin.ModelAdmin
        audited = type(base.__name__, (AuditedAdminMixin, base), {"__module__": base.__module__})
        super().register(model_or_iterable, audited, **options)
