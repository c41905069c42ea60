from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class Config(AppConfig):
    name = "motcua.portal"
    verbose_name = _("Đồng bộ Cổng Dịch vụ công quốc gia")
    label = "portal"

    def ready(self) -> None:
        # Every change of a dossier schedules its synchronisation, in the change's transaction.
        from motcua.dossiers.changes import change_hook_register
        from motcua.portal.services import portal_sync_schedule

        change_hook_register(portal_sync_schedule)
