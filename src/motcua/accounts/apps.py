from django.apps import AppConfig


class Config(AppConfig):
    name = "motcua.accounts"
    label = "accounts"

    def ready(self) -> None:
        from motcua.accounts import receivers  # noqa: F401  (connects signal receivers)
