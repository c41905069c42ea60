"""Cell parsers and formatters of the province data package (interchange.md, general rules).

Pure functions: each parser takes the text of one cell (already stripped; never empty: the
caller handles empty cells) and returns the typed value or raises ``CellError`` with a
bilingual message. Formatters do the reverse for the exporter, so that export → import is
lossless.
"""

import datetime as dt
import re
import unicodedata
from collections.abc import Collection
from contextlib import suppress
from decimal import Decimal, InvalidOperation
from zoneinfo import ZoneInfo

# An instant without an offset is local time (interchange.md).
LOCAL_TZ = ZoneInfo("Asia/Ho_Chi_Minh")

# Real UTC offsets range from -12:00 to +14:00; anything beyond is a typo, not a zone.
_MAX_OFFSET = dt.timedelta(hours=14)

_TRUE = frozenset({"1", "true", "có"})
_FALSE = frozenset({"0", "false", "không"})
# What exports write, recognised before any normalisation.
_COMMON_TRUE, _COMMON_FALSE = frozenset({"1"}), frozenset({"0"})

_DATE_RE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_INSTANT_RE = re.compile(
    r"(?P<date>\d{4}-\d{2}-\d{2})[T ]"
    r"(?P<hour>\d{2}):(?P<minute>\d{2})(?::(?P<second>\d{2})(?:[.,](?P<fraction>\d{1,6}))?)?"
    r"(?P<offset>Z|z|(?P<sign>[+-])(?P<off_h>\d{2}):?(?P<off_m>\d{2}))?"
)
# 2024-03-05T08:15:00+07:00 or 2024-03-05T01:15:00Z
# (offsets up to ±14:00, the real range, so no further check is needed).
_COMMON_INSTANT_RE = re.compile(
    r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:[+-](?:(?:0\d|1[0-3]):[0-5]\d|14:00)|Z)"
)
_INT_RE = re.compile(r"\d+")
_DECIMAL_RE = re.compile(r"\d+(?:\.\d+)?")


class CellError(ValueError):
    """A cell's text is not a valid value; ``message`` is bilingual (Vietnamese / English)."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def parse_text(text: str, *, max_length: int | None = None) -> str:
    if "\x00" in text:
        raise CellError("chứa ký tự NUL / contains a NUL character")
    if max_length is not None and len(text) > max_length:
        raise CellError(
            f"dài {len(text)} ký tự, tối đa {max_length} / "
            f"{len(text)} characters long, at most {max_length}"
        )
    return text


def parse_choice(text: str, *, choices: Collection[str]) -> str:
    value = text.lower()
    if value not in choices:
        listed = ", ".join(choices)
        raise CellError(
            f'giá trị không hợp lệ "{text}" (phải là {listed}) / '
            f'invalid value "{text}" (expected {listed})'
        )
    return value


def parse_bool(text: str) -> bool:
    if text in _COMMON_TRUE:
        return True
    if text in _COMMON_FALSE:
        return False
    # NFC so that a decomposed "có" (as some editors save it) is still recognised.
    value = unicodedata.normalize("NFC", text).lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise CellError(
        f'giá trị đúng/sai không hợp lệ "{text}" (phải là 0/1, true/false, có/không) / '
        f'invalid boolean "{text}" (expected 0/1, true/false, có/không)'
    )


def parse_date(text: str) -> dt.date:
    match = _DATE_RE.fullmatch(text)
    if not match:
        raise CellError(
            f'ngày không đúng định dạng YYYY-MM-DD "{text}" / '
            f'invalid date format "{text}" (expected YYYY-MM-DD)'
        )
    try:
        return dt.date(*(int(part) for part in match.groups()))
    except ValueError:
        raise CellError(f'ngày không tồn tại "{text}" / no such date "{text}"') from None


def parse_instant(text: str, *, default_tz: dt.tzinfo = LOCAL_TZ) -> dt.datetime:
    """ISO 8601 date and time with an offset (``Z`` or ``±HH:MM``); without one, ``default_tz``."""
    # The form every export writes goes through the C parser: dossier history has millions of
    # instants. Anything else (and every error) takes the full path below.
    if _COMMON_INSTANT_RE.fullmatch(text):
        with suppress(ValueError):  # e.g. 30 February: the full path says what is wrong
            return dt.datetime.fromisoformat(text)
    match = _INSTANT_RE.fullmatch(text)
    invalid = (
        f'thời điểm không hợp lệ "{text}" (ví dụ 2024-03-05T08:15:00+07:00) / '
        f'invalid instant "{text}" (e.g. 2024-03-05T08:15:00+07:00)'
    )
    if not match:
        raise CellError(invalid)
    try:
        date = parse_date(match["date"])
    except CellError as error:
        raise CellError(invalid) from error
    fraction = (match["fraction"] or "").ljust(6, "0")
    try:
        time = dt.time(
            int(match["hour"]), int(match["minute"]), int(match["second"] or 0), int(fraction or 0)
        )
    except ValueError:
        raise CellError(invalid) from None
    if match["offset"] is None:
        tzinfo: dt.tzinfo = default_tz
    elif match["offset"] in ("Z", "z"):
        tzinfo = dt.UTC
    else:
        hours, minutes = int(match["off_h"]), int(match["off_m"])
        offset = dt.timedelta(hours=hours, minutes=minutes)
        if minutes >= 60 or offset > _MAX_OFFSET:
            raise CellError(f'độ lệch múi giờ không hợp lệ "{text}" / invalid UTC offset "{text}"')
        tzinfo = dt.timezone(-offset if match["sign"] == "-" else offset)
    return dt.datetime.combine(date, time, tzinfo=tzinfo)


def parse_int(text: str, *, max_value: int = 2**63 - 1) -> int:
    """A non-negative integer written with digits only (no sign, no thousands separator)."""
    if not _INT_RE.fullmatch(text):
        raise CellError(
            f'số nguyên không âm không hợp lệ "{text}" (chỉ gồm chữ số, không dấu phân cách) / '
            f'invalid non-negative integer "{text}" (digits only, no separators)'
        )
    value = int(text)
    if value > max_value:
        raise CellError(
            f'số quá lớn "{text}" (tối đa {max_value}) / number too large "{text}" '
            f"(at most {max_value})"
        )
    return value


def parse_money(text: str) -> int:
    """Money is integer VND (interchange.md)."""
    return parse_int(text)


def parse_days(text: str, *, max_digits: int = 6, decimal_places: int = 1) -> Decimal:
    """A non-negative number of days with a dot as decimal mark, e.g. ``15`` or ``0.5``."""
    invalid = (
        f'số ngày không hợp lệ "{text}" (ví dụ 15 hoặc 0.5) / '
        f'invalid number of days "{text}" (e.g. 15 or 0.5)'
    )
    if not _DECIMAL_RE.fullmatch(text):
        raise CellError(invalid)
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise CellError(invalid) from None
    quantum = Decimal(1).scaleb(-decimal_places)
    if value != value.quantize(quantum):
        raise CellError(
            f'số ngày "{text}" có quá {decimal_places} chữ số thập phân / '
            f'"{text}" has more than {decimal_places} decimal places'
        )
    if value >= Decimal(10) ** (max_digits - decimal_places):
        raise CellError(f'số ngày quá lớn "{text}" / number of days too large "{text}"')
    # As the database gives it back ("0.50" → 0.5, "15" → 15.0), so comparisons are exact.
    return value.quantize(quantum)


def format_bool(value: bool) -> str:
    return "1" if value else "0"


def format_date(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


def format_instant(value: dt.datetime | None) -> str:
    """Local time with its offset, e.g. ``2024-03-05T08:15:00+07:00``."""
    return value.astimezone(LOCAL_TZ).isoformat() if value else ""


def format_decimal(value: Decimal | None) -> str:
    """``Decimal("15.0")`` → ``"15"``, ``Decimal("0.5")`` → ``"0.5"``, never an exponent."""
    if value is None:
        return ""
    return f"{value.normalize():f}"
