"""Guards for views: which action of the role table (accounts/roles.py) a view performs."""

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _

from motcua.accounts.roles import ACTIONS, can

# In the page's language (the API's permission message stays bilingual).
DENIED = _("Bạn không có quyền thực hiện thao tác này.")


def action_required(action: str) -> Callable:
    """Send anonymous users to the login page; refuse (403) users whose role may not ``action``."""
    if action not in ACTIONS:
        raise ValueError(f"Unknown action {action!r}")

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def guarded(request, *args, **kwargs):
            if not can(request.user, action):
                raise PermissionDenied(DENIED)
            return view(request, *args, **kwargs)

        return login_required(guarded)

    return decorator
