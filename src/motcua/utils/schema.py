"""The OpenAPI document describes the error answers as they are.

Every error has the one shape of ``utils/api.py`` (the ``Error`` component). Which errors an
operation can answer follows from what the view declares, so no endpoint has to list them:

- 400 invalid input: operations with a body or parameters;
- 403 not signed in or not allowed (the session comes first and sends no challenge, so there
  is no 401): views whose permissions are not ``AllowAny``;
- 404: paths with a variable (a code, an id), never distinguishing "absent" from "not yours",
  and paginated lists (a page past the last one);
- 409 a business rule refused (``DomainError``), 415 unsupported body type: operations with a
  body; 413 too large: multipart ones;
- 422 the ``Idempotency-Key`` was used with another body: operations taking that header;
- 429 too many requests: views with throttles, and the public (``AllowAny``) writes, which are
  limited per client address.

Declared responses (``extend_schema(responses=...)``) win over these.
"""

from __future__ import annotations

import uritemplate
from drf_spectacular import openapi
from rest_framework import serializers
from rest_framework.parsers import MultiPartParser
from rest_framework.permissions import AllowAny

WRITE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}
BODY_METHODS = {"POST", "PUT", "PATCH"}
DESCRIPTIONS = {
    "400": "Dữ liệu không hợp lệ / invalid input",
    "403": "Chưa đăng nhập hoặc không có quyền / not signed in or not allowed",
    "404": "Không tìm thấy / not found",
    "409": "Quy tắc nghiệp vụ không cho phép / refused by a business rule",
    "413": "Tệp hoặc yêu cầu quá lớn / too large",
    "415": "Kiểu dữ liệu không hỗ trợ / unsupported media type",
    "422": "Idempotency-Key đã dùng với nội dung khác / key reused with another body",
    "429": "Quá nhiều yêu cầu / too many requests",
}


class ErrorBodySerializer(serializers.Serializer):
    code = serializers.CharField(help_text="invalid, not_found, permission_denied, …")
    message = serializers.CharField(help_text="Tiếng Việt / English")
    details = serializers.JSONField(allow_null=True, help_text="field errors of a 400, or null")


class ErrorSerializer(serializers.Serializer):
    """The one error shape of the API."""

    error = ErrorBodySerializer()


class AutoSchema(openapi.AutoSchema):
    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        if direction != "response":
            return responses
        for code in self.error_codes():
            if code not in responses:
                responses[code] = self._get_response_for_code(
                    ErrorSerializer, code, media_types=["application/json"]
                ) | {"description": DESCRIPTIONS[code]}
        return dict(sorted(responses.items()))

    def error_codes(self) -> list[str]:
        method = self.method.upper()
        public = all(isinstance(p, AllowAny) for p in self.view.get_permissions())
        parameters = {p.get("name") for p in self._get_parameters()}
        path_variables = uritemplate.variables(self.path)
        codes = []
        if method in BODY_METHODS or parameters or path_variables:
            codes.append("400")
        if not public:
            codes.append("403")
        if path_variables or "page" in parameters:
            codes.append("404")
        if method in WRITE_METHODS:
            codes.append("409")
        if method in BODY_METHODS:
            codes.append("415")
            if any(isinstance(p, MultiPartParser) for p in self.view.get_parsers()):
                codes.append("413")
        if "Idempotency-Key" in parameters:
            codes.append("422")
        if self.view.get_throttles() or (public and method in WRITE_METHODS):
            codes.append("429")
        return codes
