"""Numbers, percentages, money and dates the way Vietnamese official documents write them:
660.557; 86,15%; 14/12/2024."""

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal


def round_half_up(value: float | Decimal, places: int = 0) -> Decimal:
    """Round half up (0,5 → 1), as the official reports do (Python's round() is half-even)."""
    quantum = Decimal(1).scaleb(-places)
    return Decimal(str(value)).quantize(quantum, rounding=ROUND_HALF_UP)


def vn_number(value: int | float | Decimal, places: int = 0) -> str:
    """``660557`` → ``"660.557"``; ``86.15, places=2`` → ``"86,15"``."""
    rounded = round_half_up(value, places)
    sign = "-" if rounded < 0 else ""
    integer, _, fraction = f"{abs(rounded):.{places}f}".partition(".")
    groups = []
    while integer:
        groups.insert(0, integer[-3:])
        integer = integer[:-3]
    text = ".".join(groups) or "0"
    return f"{sign}{text},{fraction}" if fraction else f"{sign}{text}"


def vn_percent(value: float | Decimal, places: int = 2) -> str:
    """``86.15`` → ``"86,15%"``."""
    return f"{vn_number(value, places)}%"


def vn_date(value: dt.date | dt.datetime) -> str:
    """``date(2024, 12, 14)`` → ``"14/12/2024"``."""
    return f"{value.day:02d}/{value.month:02d}/{value.year}"


def vn_datetime(value: dt.datetime) -> str:
    """Local wall time as ``"08:15 05/03/2024"``."""
    from django.utils import timezone

    local = timezone.localtime(value) if timezone.is_aware(value) else value
    return f"{local:%H:%M} {vn_date(local)}"
