from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class Config(AppConfig):
    name = "motcua.feedback"
    verbose_name = _("Phản ánh, kiến nghị")
    label = "feedback"

    def ready(self) -> None:
        from motcua.feedback.interchange import FeedbackHandler
        from motcua.interchange.handlers import handler_register

        handler_register(FeedbackHandler)
