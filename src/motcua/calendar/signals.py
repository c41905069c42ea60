"""Signals of the working-time calendar."""

from django.dispatch import Signal

# Sent in the change's transaction whenever administrator exceptions change, with ``dates`` (the
# changed dates). Receivers queue work that must happen exactly when the change commits (the
# dossiers queue the recomputation of open dossiers' deadlines as a job, which reads the new
# calendar with ``motcua.calendar.selectors.work_calendar()``); they never do slow work here.
calendar_changed = Signal()
