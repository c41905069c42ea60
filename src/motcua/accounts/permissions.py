"""DRF permission classes built on the action table of ``roles.py``."""

from rest_framework.permissions import BasePermission

from motcua.accounts.tokens import request_allows


def action_permission(action: str) -> type[BasePermission]:
    """A permission class that lets through users whose role may perform ``action`` (and, for a
    request made with an API token, whose token's scopes name it)."""

    class _Permission(BasePermission):
        message = "Bạn không có quyền thực hiện thao tác này. / You may not perform this action."

        def has_permission(self, request, view) -> bool:
            return request_allows(request, action)

    _Permission.__name__ = f"Can_{action.replace('.', '_')}"
    return _Permission
