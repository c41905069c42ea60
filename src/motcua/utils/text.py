"""Text helpers for Vietnamese."""

import unicodedata

_SPECIAL = str.maketrans({"đ": "d", "Đ": "d"})


def fold(text: str) -> str:
    """Lowercase ``text`` and strip Vietnamese diacritics, so that
    ``fold("Cấp giấy chứng nhận") == fold("cap giay chung nhan")``."""
    decomposed = unicodedata.normalize("NFD", text.translate(_SPECIAL))
    stripped = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
    return " ".join(stripped.lower().split())


def ascii_digits_only(text: str) -> bool:
    """False when ``text`` has a digit other than ``0-9`` ("١", "１", "๒"): where digits are
    meant, only ASCII ones are accepted (and compared)."""
    return not any(c.isdigit() and c not in "0123456789" for c in text)
