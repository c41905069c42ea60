from django.apps import AppConfig


class Config(AppConfig):
    name = "motcua.dossiers"
    label = "dossiers"

    def ready(self) -> None:
        from motcua.dossiers import receivers  # noqa: F401  (connects signal receivers)
