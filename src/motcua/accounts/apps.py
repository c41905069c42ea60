from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class Config(AppConfig):
    name = "motcua.accounts"
    verbose_name = _("Tài khoản")
    label = "accounts"

    def ready(self) -> None:
        from motcua.accounts import receivers  # noqa: F401  (connects signal receivers)
