"""Signal receivers of the dossiers app."""

from django.dispatch import receiver

from motcua.calendar.signals import calendar_changed


@receiver(calendar_changed)
def _recompute_deadlines(sender, dates=(), **kwargs) -> None:
    """A job, queued with the calendar's change: recomputing every open dossier may take
    minutes at province scale, far too long for the request that changed the calendar."""
    from motcua.dossiers.tasks import deadlines_recompute

    deadlines_recompute.enqueue(dates=sorted(day.isoformat() for day in dates))
