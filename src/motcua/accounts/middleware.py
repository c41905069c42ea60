"""The absolute lifetime of a session.

The idle limit is the cookie's age (``SESSION_COOKIE_AGE``, renewed on every request by
``SESSION_SAVE_EVERY_REQUEST``); this middleware adds the other one: ``MOTCUA_SESSION_MAX_AGE``
seconds after login the session ends however busy it has been.
"""

import time

from django.conf import settings
from django.contrib.auth import logout

LOGIN_AT = "motcua_login_at"


def session_started(request) -> None:
    """Stamp the session at login (called by the ``user_logged_in`` receiver)."""
    if hasattr(request, "session"):
        request.session[LOGIN_AT] = int(time.time())


class SessionLifetimeMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            started = request.session.get(LOGIN_AT)
            if started is None:
                # A session from before this rule: its lifetime starts now.
                request.session[LOGIN_AT] = int(time.time())
            elif time.time() - started > settings.MOTCUA_SESSION_MAX_AGE:
                request.motcua_logout_reason = "session_max_age"
                logout(request)
        return self.get_response(request)
