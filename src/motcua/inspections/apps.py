from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class Config(AppConfig):
    name = "motcua.inspections"
    verbose_name = _("Kiểm tra")
    label = "inspections"

    def ready(self) -> None:
        from motcua.inspections.interchange import InspectionsHandler
        from motcua.interchange.handlers import handler_register

        handler_register(InspectionsHandler)
