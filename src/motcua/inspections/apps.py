from django.apps import AppConfig


class Config(AppConfig):
    name = "motcua.inspections"
    label = "inspections"

    def ready(self) -> None:
        from motcua.inspections.interchange import InspectionsHandler
        from motcua.interchange.handlers import handler_register

        handler_register(InspectionsHandler)
