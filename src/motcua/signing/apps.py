from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class Config(AppConfig):
    name = "motcua.signing"
    verbose_name = _("Chữ ký số")
    label = "signing"
