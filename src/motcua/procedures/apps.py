from django.apps import AppConfig


class Config(AppConfig):
    name = "motcua.procedures"
    label = "procedures"
