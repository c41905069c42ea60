from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class Config(AppConfig):
    name = "motcua.handbook"
    verbose_name = _("Sổ tay điện tử cải cách hành chính")
    label = "handbook"
