from django.apps import AppConfig


class Config(AppConfig):
    name = "motcua.accounts"
    label = "accounts"
