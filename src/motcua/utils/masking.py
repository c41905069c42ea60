"""Removing personal data from a text before it is published (Decree 13/2023 on personal data).

``mask_personal_data`` replaces what it can detect with a placeholder:

- the values the caller knows (the sender's name, phone, e-mail, address): always, wherever
  and however spelled (case, spacing of a phone number);
- e-mail addresses; Vietnamese phone numbers in their usual spellings (0912345678,
  0912 345 678, 0912.345.678, +84 912 345 678, 84912345678, (028) 3822 1234); 12-digit
  (citizen ID) and 9-digit (old ID card) numbers;
- a person's name after a form of address (ông, bà, anh, chị, em, cô, chú, bác, cụ, cháu,
  đồng chí, ...) or after the words that introduce one ("tôi là", "tên tôi là", "họ và tên:",
  "người nộp hồ sơ"): the capitalised words that follow, up to five.

It cannot know every name in free text: that is why an officer reads the masked text, and may
edit it, before anything is published.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

NAME = "[họ tên]"
PHONE = "[số điện thoại]"
EMAIL = "[thư điện tử]"
ID_NUMBER = "[số giấy tờ]"
ADDRESS = "[địa chỉ]"
PERSONAL = "[thông tin cá nhân]"

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
# Mobile and landline numbers: a leading 0, +84 or 84, then 9-10 digits in groups separated by
# spaces, dots or dashes; a landline's area code may be in parentheses.
_PHONE = re.compile(
    r"(?<![\w+])(?:\+84|84|0|\(0\d{1,3}\))[\s.\-]?(?:\d[\s.\-]?){7,10}\d(?!\w)",
)
_ID = re.compile(r"(?<!\d)(?:\d{12}|\d{9})(?!\d)")
# Forms of address, lower or capitalised, followed by 1-4 capitalised words (the name).
_TITLES = (
    "ông|bà|anh|chị|em|cô|chú|bác|cụ|cháu|dì|cậu|thím|mợ|đồng chí|đ/c|ông bà|vợ chồng|"
    "công dân|người dân|hộ gia đình|hộ ông|hộ bà|gia đình ông|gia đình bà|"
    # A sender introduces himself ("Tôi là Lê Thị Thu Hà"), a form names its signer.
    "tôi là|tôi tên là|tên tôi là|tôi tên|họ và tên|họ tên|người nộp hồ sơ|người nộp|"
    "người đại diện|người ủy quyền|người được ủy quyền"
)
_UPPER = "A-ZÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬĐÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
_WORD = rf"[{_UPPER}][\w]*"
_TITLED_NAME = re.compile(
    rf"(?<!\w)(?P<title>(?i:{_TITLES}))(?P<colon>\s*:)?\s+(?P<name>{_WORD}(?:\s+{_WORD}){{0,4}})",
    re.UNICODE,
)


def _digits(text: str) -> str:
    return "".join(c for c in text if c.isdigit())


def _phone_pattern(phone: str) -> re.Pattern[str] | None:
    """A pattern of ``phone`` however it is spaced or prefixed (0 or +84)."""
    digits = _digits(phone)
    if len(digits) < 8:
        return None
    if digits.startswith("84"):
        digits = digits[2:]
    elif digits.startswith("0"):
        digits = digits[1:]
    sep = r"[\s.\-()]?"
    body = sep.join(re.escape(d) for d in digits)
    return re.compile(rf"(?:\+?84|\(?0)?{sep}{body}(?!\d)")


def _literal(value: str) -> re.Pattern[str] | None:
    words = value.split()
    if not words:
        return None
    return re.compile(r"\s+".join(re.escape(w) for w in words), re.IGNORECASE | re.UNICODE)


def _name_patterns(name: str) -> list[re.Pattern[str]]:
    """The full name, and its last two words ("Nguyễn Thị Hoa" is also "Thị Hoa"). The given
    name alone ("chị Hoa") is caught after its form of address: alone it is too often a
    common word or a place ("Bình")."""
    words = name.split()
    patterns = [_literal(name)]
    if len(words) >= 3:
        patterns.append(_literal(" ".join(words[-2:])))
    return [p for p in patterns if p is not None]


def _mask_titled_name(match: re.Match[str]) -> str:
    # Only capitalised words follow as a name ("ông ấy" is not one; "bà Lan" is).
    return f"{match.group('title')}{match.group('colon') or ''} {NAME}"


def mask_personal_data(
    text: str,
    *,
    names: Iterable[str] = (),
    phones: Iterable[str] = (),
    emails: Iterable[str] = (),
    addresses: Iterable[str] = (),
) -> str:
    """``text`` with the personal data it can detect replaced by placeholders (module doc).
    The known values (``names``, ``phones``, ``emails``, ``addresses``) are always masked."""
    if not text:
        return text
    for address in addresses:
        if (pattern := _literal(address)) is not None:
            text = pattern.sub(ADDRESS, text)
    for email in emails:
        if (pattern := _literal(email)) is not None:
            text = pattern.sub(EMAIL, text)
    text = _EMAIL.sub(EMAIL, text)
    for phone in phones:
        if (pattern := _phone_pattern(phone)) is not None:
            text = pattern.sub(PHONE, text)
    text = _PHONE.sub(_phone_or_id, text)
    text = _ID.sub(ID_NUMBER, text)
    for name in names:
        for pattern in _name_patterns(name):
            text = pattern.sub(NAME, text)
    return _TITLED_NAME.sub(_mask_titled_name, text)


def _phone_or_id(match: re.Match[str]) -> str:
    """A run of 12 digits without separators starting with 0 is a citizen ID, not a phone."""
    found = match.group(0)
    digits = _digits(found)
    if found.isdigit() and len(digits) in (9, 12) and not found.startswith("84"):
        return ID_NUMBER
    if len(digits) > 12:
        return found
    return PHONE
