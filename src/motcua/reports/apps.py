from django.apps import AppConfig


class Config(AppConfig):
    name = "motcua.reports"
    label = "reports"
