from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class Config(AppConfig):
    name = "motcua.dossiers"
    verbose_name = _("Hồ sơ")
    label = "dossiers"

    def ready(self) -> None:
        from motcua.dossiers import receivers  # noqa: F401  (connects signal receivers)
