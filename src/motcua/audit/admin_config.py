"""``django.contrib.admin`` with the audited site (``admin_site.py``) as ``admin.site``."""

from django.contrib.admin.apps import AdminConfig


class AuditedAdminConfig(AdminConfig):
    default_site = "motcua.audit.admin_site.AuditedAdminSite"
