from django.apps import AppConfig


class Config(AppConfig):
    name = "motcua.feedback"
    label = "feedback"
