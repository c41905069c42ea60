from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class Config(AppConfig):
    name = "motcua.agencies"
    verbose_name = _("Cơ quan, đơn vị")
    label = "agencies"
