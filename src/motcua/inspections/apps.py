from django.apps import AppConfig


class Config(AppConfig):
    name = "motcua.inspections"
    label = "inspections"
