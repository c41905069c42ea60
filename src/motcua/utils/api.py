"""One error shape for the whole API.

Every error answers ``{"error": {"code": ..., "message": "<vi> / <en>", "details": ...}}``.
"""

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, JsonResponse
from django.views import defaults
from rest_framework import exceptions
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from motcua.utils.errors import DomainError

MESSAGES = {
    "not_found": "Không tìm thấy. / Not found.",
    "permission_denied": "Bạn không có quyền thực hiện thao tác này. / You may not do this.",
    "not_authenticated": "Vui lòng đăng nhập. / Please log in.",
    "invalid": "Dữ liệu không hợp lệ. / Invalid input.",
    "method_not_allowed": "Phương thức không được hỗ trợ. / Method not allowed.",
    "throttled": "Quá nhiều yêu cầu, vui lòng thử lại sau. / Too many requests.",
    "error": "Đã xảy ra lỗi. / An error occurred.",
}


def _code(exc: exceptions.APIException) -> str:
    if isinstance(exc, exceptions.ValidationError):
        return "invalid"
    if isinstance(exc, exceptions.NotAuthenticated | exceptions.AuthenticationFailed):
        return "not_authenticated"
    return exc.default_code if isinstance(exc.default_code, str) else "error"


def _error(code: str, message: str, details, status_code: int, headers=None) -> Response:
    return Response(
        {"error": {"code": code, "message": message, "details": details}},
        status=status_code,
        headers=headers,
    )


def exception_handler(exc, context):
    if isinstance(exc, DomainError):
        return _error(exc.code, exc.bilingual, exc.details, exc.status_code)
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied()
    elif isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(
            exc.message_dict if hasattr(exc, "error_dict") else exc.messages
        )
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    code = _code(exc)
    details = response.data if isinstance(exc, exceptions.ValidationError) else None
    return _error(
        code,
        MESSAGES.get(code, MESSAGES["error"]),
        details,
        response.status_code,
        dict(response.items()),
    )


# Django's own error answers (no URL matched, an exception outside DRF's views) in the API's
# shape under /api/, and the site's error pages elsewhere (``handler404`` etc. in ``urls.py``).
def _json_or_page(code: str, status_code: int, page):
    def handler(request, exception=None):
        if request.path.startswith("/api/"):
            return JsonResponse(
                {"error": {"code": code, "message": MESSAGES[code], "details": None}},
                status=status_code,
            )
        return page(request) if exception is None else page(request, exception)

    handler.__name__ = f"handler{status_code}"
    return handler


bad_request = _json_or_page("invalid", 400, defaults.bad_request)
permission_denied = _json_or_page("permission_denied", 403, defaults.permission_denied)
page_not_found = _json_or_page("not_found", 404, defaults.page_not_found)
server_error = _json_or_page("error", 500, defaults.server_error)
