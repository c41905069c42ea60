from django.apps import AppConfig


class Config(AppConfig):
    name = "motcua.interchange"
    label = "interchange"
