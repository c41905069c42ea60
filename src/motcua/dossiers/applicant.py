"""The applicant's data, validated and normalised by one function for every way in: online
submission (page and API), counter intake (page and API), the demo. The services call it; forms
and serializers call it too, only to show its errors next to their fields.

Rules (one of each):

- text is NFC (a name typed in decomposed form is stored as the composed one, so searches find
  it), inner runs of white space become one space, control characters are refused;
- digits are ASCII ``0-9`` only where digits are meant (ID number, phone); "١٢٣" or "１２３"
  are refused with a message saying so;
- ID number, optional: a person's 12-digit personal ID number (CCCD), the 9-digit number of
  the old identity card (CMND) or a passport number (1–2 letters and 7–8 digits); an
  organisation's 10-digit tax code, or a branch's ``0101234567-001``;
- phone, required: a Vietnamese mobile (10 digits) or landline (11 digits) number, written
  with spaces, dots, dashes or brackets, with ``+84``/``84`` or ``0``: stored as ``0…``;
- e-mail, optional: a valid address, its domain lower-cased.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from motcua.dossiers.models import ApplicantKind
from motcua.utils.errors import DomainError
from motcua.utils.text import ascii_digits_only


@dataclass(frozen=True)
class ApplicantData:
    name: str
    kind: str = "person"
    id_number: str = ""
    address: str = ""
    phone: str = ""
    email: str = ""


FIELDS = {
    "kind": "applicant_kind",
    "name": "applicant_name",
    "id_number": "applicant_id_number",
    "address": "applicant_address",
    "phone": "applicant_phone",
    "email": "applicant_email",
}
PHONE_RE = re.compile(r"(?:\+?84|0)([0-9]{9,10})", re.ASCII)
PERSON_ID_RE = re.compile(r"[0-9]{12}|[0-9]{9}|[A-Z]{1,2}[0-9]{7,8}", re.ASCII)
TAX_CODE_RE = re.compile(r"[0-9]{10}(?:-[0-9]{3})?", re.ASCII)
NAME_MAX, ADDRESS_MAX, EMAIL_MAX = 255, 500, 254

NOT_ASCII_DIGITS = "chỉ dùng các chữ số 0–9. / use the digits 0–9 only."


def clean_text(value: Any) -> str:
    """NFC, single spaces, no control characters (raises ValueError)."""
    text = unicodedata.normalize("NFC", str(value or ""))
    if any(unicodedata.category(c) == "Cc" and c not in "\t\n\r" for c in text):
        raise ValueError("control character")
    return " ".join(text.split())


def _name(value: Any) -> str:
    name = clean_text(value)
    if not name:
        raise ValueError("Vui lòng nhập họ và tên hoặc tên tổ chức. / Enter the name.")
    if len(name) > NAME_MAX:
        raise ValueError(f"Tên dài tối đa {NAME_MAX} ký tự. / At most {NAME_MAX} characters.")
    return name


def _kind(value: Any) -> str:
    kind = str(value or ApplicantKind.PERSON)
    if kind not in ApplicantKind.values:
        raise ValueError("Loại người nộp không hợp lệ. / Invalid applicant kind.")
    return kind


def _id_number(value: Any, kind: str) -> str:
    number = "".join(clean_text(value).split()).upper()
    if not number:
        return ""
    if not ascii_digits_only(number):
        raise ValueError(f"Số định danh: {NOT_ASCII_DIGITS}")
    if kind == ApplicantKind.ORGANISATION:
        if not TAX_CODE_RE.fullmatch(number):
            raise ValueError(
                "Mã số thuế gồm 10 chữ số (chi nhánh: 10 chữ số, gạch ngang, 3 chữ số). / "
                "A tax code has 10 digits (a branch: 10 digits, a dash and 3 digits)."
            )
    elif not PERSON_ID_RE.fullmatch(number):
        raise ValueError(
            "Số định danh cá nhân (CCCD) gồm 12 chữ số (CMND cũ: 9 chữ số; hộ chiếu: chữ cái "
            "và 7–8 chữ số). / A personal ID number has 12 digits (old ID card: 9; passport: "
            "letters and 7–8 digits)."
        )
    return number


def normalize_phone(value: Any) -> str:
    """``+84 912.345.678`` → ``0912345678``; ValueError when it is not a Vietnamese number."""
    text = re.sub(r"[\s.\-()]", "", clean_text(value))
    if not text:
        raise ValueError("Vui lòng nhập số điện thoại. / Enter a phone number.")
    if not ascii_digits_only(text):
        raise ValueError(f"Số điện thoại: {NOT_ASCII_DIGITS}")
    match = PHONE_RE.fullmatch(text)
    if not match:
        raise ValueError(
            "Số điện thoại không hợp lệ (ví dụ 0912345678). / Invalid phone number "
            "(e.g. 0912345678)."
        )
    return "0" + match.group(1)


def _email(value: Any) -> str:
    email = clean_text(value)
    if not email:
        return ""
    try:
        if len(email) > EMAIL_MAX:
            raise ValidationError("too long")
        validate_email(email)
    except ValidationError:
        raise ValueError(
            "Địa chỉ thư điện tử không hợp lệ. / Enter a valid e-mail address."
        ) from None
    local, _, domain = email.rpartition("@")
    return f"{local}@{domain.lower()}"


def _address(value: Any) -> str:
    address = clean_text(value)
    if len(address) > ADDRESS_MAX:
        raise ValueError(
            f"Địa chỉ dài tối đa {ADDRESS_MAX} ký tự. / At most {ADDRESS_MAX} characters."
        )
    return address


def applicant_clean(data: ApplicantData | Mapping[str, Any]) -> ApplicantData:
    """The applicant's data validated and normalised; DomainError ``invalid`` (400) whose
    details give the message of each wrong field, under the field's name in forms and API
    (``applicant_phone``, …)."""
    if isinstance(data, ApplicantData):
        raw = {attr: getattr(data, attr) for attr in FIELDS}
    else:
        raw = {attr: data.get(attr, data.get(field, "")) for attr, field in FIELDS.items()}
    errors: dict[str, list[str]] = {}
    cleaned: dict[str, str] = {}

    def run(attr: str, clean, *args) -> None:
        try:
            cleaned[attr] = clean(raw[attr], *args)
        except ValueError as exc:
            message = str(exc)
            if message == "control character":
                message = "Có ký tự không hợp lệ. / Contains an invalid character."
            errors[FIELDS[attr]] = [message]

    run("kind", _kind)
    run("name", _name)
    run("id_number", _id_number, cleaned.get("kind", ApplicantKind.PERSON))
    run("address", _address)
    run("phone", normalize_phone)
    run("email", _email)
    if errors:
        raise DomainError(
            "Thông tin người nộp chưa hợp lệ.",
            "The applicant's data is not valid.",
            code="invalid",
            status_code=400,
            details=errors,
        )
    return ApplicantData(**cleaned)
