from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from motcua.accounts.models import User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ["username", "first_name", "last_name", "agency", "role", "is_active"]
    list_filter = ["role", "is_active", "agency__kind"]
    autocomplete_fields = ["agency"]
    fieldsets = [
        *(BaseUserAdmin.fieldsets or ()),
        ("Cơ quan và vai trò / Agency and role", {"fields": ["agency", "role"]}),
    ]
