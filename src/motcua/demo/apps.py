from django.apps import AppConfig


class Config(AppConfig):
    name = "motcua.demo"
    label = "demo"
