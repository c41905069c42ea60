"""Signal receivers of the dossiers app."""

from django.dispatch import receiver

from motcua.calendar.signals import calendar_changed


@receiver(calendar_changed)
def _recompute_deadlines(sender, dates=(), **kwargs) -> None:
    from motcua.dossiers.services import dossier_recompute_deadlines

    dossier_recompute_deadlines(changed=frozenset(dates))
