from django.apps import AppConfig


class Config(AppConfig):
    name = "motcua.notifications"
    label = "notifications"
