from django.apps import AppConfig


class Config(AppConfig):
    name = "motcua.agencies"
    label = "agencies"
