"""Signals of the working-time calendar."""

from django.dispatch import Signal

# Sent after commit whenever administrator exceptions change, with ``dates`` (the changed dates).
# Receivers recompute the deadlines of open dossiers (closed ones never change), using
# ``motcua.calendar.selectors.work_calendar()`` for the new calendar.
calendar_changed = Signal()
