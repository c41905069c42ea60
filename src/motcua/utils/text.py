"""Text helpers for Vietnamese."""

import unicodedata
from collections.abc import Callable, Iterable
from typing import TypeVar

T = TypeVar("T")

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


# The Vietnamese alphabet (with the Latin letters it lacks in their usual places): ă, â after a,
# đ after d, ê after e, ô, ơ after o, ư after u are letters of their own, not accents.
_ALPHABET = {letter: i for i, letter in enumerate("aăâbcdđeêfghijklmnoôơpqrstuưvwxyz")}
# Marks that make another letter (breve, circumflex, horn) and the five tone marks, in the
# dictionary order of tones: ngang, huyền, hỏi, ngã, sắc, nặng.
_LETTER_MARKS = {
    ("a", "\u0306"): "ă",
    ("a", "\u0302"): "â",
    ("e", "\u0302"): "ê",
    ("o", "\u0302"): "ô",
    ("o", "\u031b"): "ơ",
    ("u", "\u031b"): "ư",
}
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}


def vn_sort_key(text: str) -> tuple:
    """Sort key of Vietnamese collation: letters in the Vietnamese alphabet ("Đất đai" after
    "Dược", before "Giáo dục"), then tones (a, à, ả, ã, á, ạ), then case. Code point order puts
    every word starting with Đ or an accented capital after Z."""
    letters: list[tuple[int, int]] = []
    tones: list[int] = []
    base = ""
    for char in unicodedata.normalize("NFD", text.casefold()):
        if unicodedata.combining(char):
            if char in _TONES:
                tones[-1] = _TONES[char]
            else:
                base = _LETTER_MARKS.get((base, char), base)
                letters[-1] = (2, _ALPHABET.get(base, ord(base)))
            continue
        base = char
        if char in _ALPHABET:
            letters.append((2, _ALPHABET[char]))
        elif char.isdigit():
            letters.append((1, ord(char)))
        else:
            letters.append((0, ord(char)))
        tones.append(0)
    return (tuple(letters), tuple(tones), text)


def vn_sorted(items: Iterable[T], key: Callable[[T], str] = str) -> list[T]:
    """``items`` in Vietnamese collation of ``key(item)``."""
    return sorted(items, key=lambda item: vn_sort_key(key(item)))
