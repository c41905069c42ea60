from django.apps import AppConfig


class Config(AppConfig):
    name = "motcua.feedback"
    label = "feedback"

    def ready(self) -> None:
        from motcua.feedback.interchange import FeedbackHandler
        from motcua.interchange.handlers import handler_register

        handler_register(FeedbackHandler)
