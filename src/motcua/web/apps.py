from django.apps import AppConfig


class Config(AppConfig):
    name = "motcua.web"
    label = "web"
