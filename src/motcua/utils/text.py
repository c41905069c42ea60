"""Text helpers for Vietnamese."""

import unicodedata

_SPECIAL = str.maketrans({"đ": "d", "Đ": "d"})


def fold(text: str) -> str:
    """Lowercase ``text`` and strip Vietnamese diacritics, so that
    ``fold("Cấp giấy chứng nhận") == fold("cap giay chung nhan")``."""
    decomposed = unicodedata.normalize("NFD", text.translate(_SPECIAL))
    stripped = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
    return " ".join(stripped.lower().split())
