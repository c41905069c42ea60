from django.apps import AppConfig


class Config(AppConfig):
    name = "motcua.calendar"
    label = "calendar"
