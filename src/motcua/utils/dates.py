"""The range of dates the application accepts as input.

A date typed into a form, an API field or a command option is refused with a clear message
when it lies before 1 January 2000 or more than ten years after today: "9999-12-31" is a
typing error or a probe, and such dates overflowed computations further on (time zones,
working-day arithmetic).
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.utils import timezone

EARLIEST = dt.date(2000, 1, 1)
HORIZON_YEARS = 10


def latest(today: dt.date | None = None) -> dt.date:
    today = today or timezone.localdate()
    try:
        return today.replace(year=today.year + HORIZON_YEARS)
    except ValueError:  # 29 February
        return today.replace(year=today.year + HORIZON_YEARS, day=28)


def out_of_range_message(today: dt.date | None = None) -> str:
    last = latest(today)
    return (
        f"Ngày phải từ {EARLIEST:%d/%m/%Y} đến {last:%d/%m/%Y}. / "
        f"The date must be between {EARLIEST:%Y-%m-%d} and {last:%Y-%m-%d}."
    )


def date_in_range(value: dt.date | dt.datetime, *, today: dt.date | None = None) -> bool:
    last = latest(today)
    if not EARLIEST.year <= value.year <= last.year:
        return False  # before any time zone conversion, which overflows near year 9999
    if isinstance(value, dt.datetime):
        value = timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return EARLIEST <= value <= last


def validate_date_in_range(value: dt.date | dt.datetime | None) -> None:
    """Validator for form and serializer fields (Django's ValidationError: DRF maps it too)."""
    if value is not None and not date_in_range(value):
        raise ValidationError(out_of_range_message(), code="date_out_of_range")
