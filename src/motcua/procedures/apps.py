from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class Config(AppConfig):
    name = "motcua.procedures"
    verbose_name = _("Thủ tục hành chính")
    label = "procedures"
