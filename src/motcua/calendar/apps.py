from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class Config(AppConfig):
    name = "motcua.calendar"
    verbose_name = _("Lịch làm việc")
    label = "calendar"
