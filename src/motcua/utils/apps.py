from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _create_cache_table(sender, using="default", **kwargs) -> None:
    """The database cache (rate limits) needs its table: every ``migrate`` makes sure it exists,
    so ``make demo``, the tests and an upgrade get it without a separate command."""
    from django.core.management import call_command

    call_command("createcachetable", database=using, verbosity=0)


class Config(AppConfig):
    name = "motcua.utils"
    label = "utils"

    def ready(self) -> None:
        # Sent once per app that has models (this one has none): the command is idempotent.
        post_migrate.connect(_create_cache_table, dispatch_uid="motcua-cache-table")
