from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class Config(AppConfig):
    name = "motcua.notifications"
    verbose_name = _("Thông báo")
    label = "notifications"
