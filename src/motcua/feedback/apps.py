from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class Config(AppConfig):
    name = "motcua.feedback"
    verbose_name = _("Phản ánh, kiến nghị")
    label = "feedback"

    def ready(self) -> None:
        from motcua.applicants.session import space_section_register
        from motcua.feedback.interchange import FeedbackHandler
        from motcua.feedback.space import space_context
        from motcua.interchange.handlers import handler_register

        handler_register(FeedbackHandler)
        space_section_register(
            "feedback", "feedback/applicant/space_feedback.html", space_context, order=30
        )
