from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class Config(AppConfig):
    name = "motcua.datastore"
    verbose_name = _("Kho dữ liệu điện tử")
    label = "datastore"
