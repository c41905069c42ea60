"""The request being served, for audit entries written where no request is passed in: the
receivers of Django's own writes (the admin's, ``createsuperuser``'s) that record who changed a
user. Outside a request (commands, the worker) there is none and the actor is "system"."""

from contextvars import ContextVar

current_request: ContextVar = ContextVar("motcua_audit_request", default=None)


def current_actor():
    request = current_request.get()
    user = getattr(request, "user", None)
    return user if getattr(user, "is_authenticated", False) else None


class AuditContextMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = current_request.set(request)
        try:
            return self.get_response(request)
        finally:
            current_request.reset(token)
