from django.apps import AppConfig


class Config(AppConfig):
    name = "motcua.utils"
    label = "utils"
