from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class Config(AppConfig):
    name = "motcua.applicants"
    verbose_name = _("Tài khoản người nộp")
    label = "applicants"
