from django.apps import AppConfig


class Config(AppConfig):
    name = "motcua.audit"
    label = "audit"
