"""One error shape for the whole API.

Every error answers ``{"error": {"code": ..., "message": "<vi> / <en>", "details": ...}}``.
"""

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

MESSAGES = {
    "not_found": "Không tìm thấy. / Not found.",
    "permission_denied": "Bạn không có quyền thực hiện thao tác này. / You may not do this.",
    "not_authenticated": "Vui lòng đăng nhập. / Please log in.",
    "invalid": "Dữ liệu không hợp lệ. / Invalid input.",
    "method_not_allowed": "Phương thức không được hỗ trợ. / Method not allowed.",
    "throttled": "Quá nhiều yêu cầu, vui lòng thử lại sau. / Too many requests.",
    "error": "Đã xảy ra lỗi. / An error occurred.",
}


class DomainError(exceptions.APIException):
    """A business rule refused the request; carries a bilingual message."""

    status_code = status.HTTP_409_CONFLICT
    default_code = "conflict"

    def __init__(self, message_vi: str, message_en: str, code: str = "conflict", status_code=None):
        super().__init__(detail=f"{message_vi} / {message_en}", code=code)
        self.code = code
        if status_code:
            self.status_code = status_code


def _code(exc: exceptions.APIException) -> str:
    if isinstance(exc, DomainError):
        return exc.code
    if isinstance(exc, exceptions.ValidationError):
        return "invalid"
    if isinstance(exc, exceptions.NotAuthenticated | exceptions.AuthenticationFailed):
        return "not_authenticated"
    return exc.default_code if isinstance(exc.default_code, str) else "error"


def exception_handler(exc, context):
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
    if isinstance(exc, DomainError):
        message = str(exc.detail)
    else:
        message = MESSAGES.get(code, MESSAGES["error"])
    details = response.data if isinstance(exc, exceptions.ValidationError) else None
    return Response(
        {"error": {"code": code, "message": message, "details": details}},
        status=response.status_code,
        headers=dict(response.items()),
    )
