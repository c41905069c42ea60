from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from motcua.accounts.models import ApiToken, User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ["username", "full_name", "title", "agency", "role", "is_active"]
    list_filter = ["role", "is_active", "agency__kind"]
    autocomplete_fields = ["agency"]
    fieldsets = [
        *(BaseUserAdmin.fieldsets or ()),
        (
            "Cơ quan và vai trò / Agency and role",
            {"fields": ["full_name", "title", "agency", "role"]},
        ),
    ]


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    """Tokens are created with ``motcua token create`` (the secret is shown once there); the
    admin lists them and revokes them (set "revoked at")."""

    list_display = ["name", "prefix", "user", "scopes", "expires_at", "last_used_at", "revoked_at"]
    list_filter = ["revoked_at"]
    search_fields = ["name", "prefix", "user__username"]
    readonly_fields = ["name", "user", "prefix", "scopes", "created_at", "last_used_at"]
    fields = [*readonly_fields[:-2], "expires_at", "revoked_at", "created_at", "last_used_at"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
