"""Reads of the working-time calendar."""

from django.db.models import Count, Max

from motcua.agencies.models import Agency
from motcua.calendar.models import CalendarException
from motcua.calendar.rules import OfficeHours, WorkCalendar

# (fingerprint of the exception table, calendar built from it). Process-local; the fingerprint
# (row count, latest change) makes every process see changes committed by another one.
_cached: tuple[tuple[int, object], WorkCalendar] | None = None


def work_calendar() -> WorkCalendar:
    """The calendar with the administrator exceptions currently stored.

    Costs one small aggregate query when nothing changed; build it once per batch of deadline
    computations rather than once per dossier.
    """
    global _cached
    stamp = CalendarException.objects.aggregate(rows=Count("id"), latest=Max("updated_at"))
    fingerprint = (stamp["rows"], stamp["latest"])
    cached = _cached
    if cached is not None and cached[0] == fingerprint:
        return cached[1]
    rows = CalendarException.objects.values_list("date", "kind", "note")
    calendar = WorkCalendar.build(exceptions={day: (kind, note) for day, kind, note in rows})
    _cached = (fingerprint, calendar)
    return calendar


def invalidate_work_calendar() -> None:
    """Forget the cached calendar (the services call this after a change commits)."""
    global _cached
    _cached = None


def office_hours_for(agency: Agency | None) -> OfficeHours:
    """The office hours of ``agency``; the default hours when there is none."""
    return OfficeHours() if agency is None else OfficeHours.of(agency)
