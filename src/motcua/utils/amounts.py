"""Amounts of money in Vietnamese words, as a receipt writes them under the figure ("Bằng chữ:
Ba trăm năm mươi nghìn đồng"). Pure: no database, no locale."""

from __future__ import annotations

DIGITS = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"]
GROUPS = ["", "nghìn", "triệu", "tỷ"]


def _triple(n: int, *, leading: bool) -> list[str]:
    """Words of 0 < n < 1000 inside a number: "không trăm" and "lẻ" when it is not the
    number's first group ("một triệu không trăm lẻ năm nghìn")."""
    hundreds, tens, units = n // 100, n // 10 % 10, n % 10
    words: list[str] = []
    if hundreds or not leading:
        words += [DIGITS[hundreds], "trăm"]
    if tens == 0:
        if units and words:
            words.append("lẻ")
    elif tens == 1:
        words.append("mười")
    else:
        words += [DIGITS[tens], "mươi"]
    if units:
        if units == 1 and tens > 1:
            words.append("mốt")
        elif units == 5 and tens > 0:
            words.append("lăm")
        elif units == 4 and tens > 1:
            words.append("tư")
        else:
            words.append(DIGITS[units])
    return words


def words_of(n: int) -> str:
    """``n`` (0 ≤ n) in words: 350000 → "ba trăm năm mươi nghìn"; beyond a thousand billion
    the billions repeat ("một nghìn tỷ")."""
    if n < 0:
        raise ValueError("a negative amount has no words here")
    if n == 0:
        return DIGITS[0]
    billions, rest = divmod(n, 1_000_000_000)
    parts: list[str] = []
    if billions:
        parts += [words_of(billions), "tỷ"]
    groups = [rest // 1_000_000, rest // 1000 % 1000, rest % 1000]
    for index, group in enumerate(groups):
        if group:
            parts += _triple(group, leading=not parts)
            name = GROUPS[2 - index]
            if name:
                parts.append(name)
    return " ".join(parts)


def vnd_in_words(amount: int) -> str:
    """ "Ba trăm năm mươi nghìn đồng": capitalised, with the currency."""
    text = f"{words_of(amount)} đồng"
    return text[0].upper() + text[1:]
