from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class Config(AppConfig):
    name = "motcua.dossiers"
    verbose_name = _("Hồ sơ")
    label = "dossiers"

    def ready(self) -> None:
        from motcua.applicants.session import space_section_register
        from motcua.dossiers import receivers  # noqa: F401  (connects signal receivers)
        from motcua.dossiers.applicant_space import space_context

        space_section_register(
            "dossiers", "dossiers/applicant/space_dossiers.html", space_context, order=10
        )
