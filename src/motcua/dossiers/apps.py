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
        from motcua.dossiers.signed import signed_documents_lookup
        from motcua.signing.registry import register_document_lookup

        space_section_register(
            "dossiers", "dossiers/applicant/space_dossiers.html", space_context, order=10
        )
        # /xac-thuc/: a dossier's signed documents found by its code and lookup secret.
        register_document_lookup(signed_documents_lookup)
