from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _install_rollups(sender, using="default", **kwargs) -> None:
    """The form 06 rollup's triggers: every ``migrate`` makes sure they are there (a migration
    that rebuilds the dossier table on SQLite drops them), recounting when it creates them."""
    from motcua.reports.rollups import rollup_install

    rollup_install(using)


class Config(AppConfig):
    name = "motcua.reports"
    verbose_name = _("Báo cáo")
    label = "reports"

    def ready(self) -> None:
        from motcua.dossiers.changes import bulk_write_hook_register
        from motcua.reports.rollups import rollup_suspended

        post_migrate.connect(_install_rollups, sender=self, dispatch_uid="motcua-rollups")
        # A bulk load of dossiers (the history import) suspends the rollup's triggers and
        # recounts it afterwards.
        bulk_write_hook_register(rollup_suspended)
