"""Services of the working-time calendar: administrator exceptions."""

import datetime as dt

from django.db import transaction

from motcua.calendar.models import CalendarException, ExceptionKind
from motcua.calendar.selectors import invalidate_work_calendar
from motcua.calendar.signals import calendar_changed
from motcua.utils.errors import DomainError

_NOTE_LENGTH: int = CalendarException._meta.get_field("note").max_length or 0


def _announce(day: dt.date) -> None:
    """Tell the apps in the change's transaction (the dossiers queue the recomputation of
    deadlines as a job, so it exists exactly when the change does); forget the cached
    calendar once it commits."""
    calendar_changed.send(sender=CalendarException, dates=(day,))
    transaction.on_commit(invalidate_work_calendar)


def calendar_exception_set(*, date: dt.date, kind: str, note: str = "") -> CalendarException:
    """Declare ``date`` a day off or a (make-up) working day, overriding the public-holiday
    calendar. Setting what is already stored changes nothing and announces nothing."""
    if kind not in ExceptionKind.values:
        raise DomainError(
            "Loại ngày ngoại lệ không hợp lệ.",
            f"Invalid exception kind {kind!r}.",
            code="invalid_calendar_exception",
            status_code=400,
        )
    note = note.strip()
    if len(note) > _NOTE_LENGTH:
        raise DomainError(
            f"Lý do dài quá {_NOTE_LENGTH} ký tự.",
            f"The note exceeds {_NOTE_LENGTH} characters.",
            code="invalid_calendar_exception",
            status_code=400,
        )
    with transaction.atomic():
        exception, created = CalendarException.objects.select_for_update().get_or_create(
            date=date, defaults={"kind": kind, "note": note}
        )
        if not created:
            if (exception.kind, exception.note) == (kind, note):
                return exception
            exception.kind = kind
            exception.note = note
            exception.save(update_fields=["kind", "note", "updated_at"])
        _announce(date)
        return exception


def calendar_exception_delete(*, date: dt.date) -> bool:
    """Remove the exception on ``date`` (the public-holiday calendar applies again). Returns
    whether there was one."""
    with transaction.atomic():
        deleted, _by_model = CalendarException.objects.filter(date=date).delete()
        if deleted:
            _announce(date)
        return bool(deleted)
