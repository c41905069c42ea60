from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class Config(AppConfig):
    name = "motcua.payments"
    verbose_name = _("Thanh toán trực tuyến")
    label = "payments"

    def ready(self) -> None:
        from motcua.applicants.session import space_section_register
        from motcua.dossiers.panels import officer_panel_register, public_panel_register
        from motcua.payments import panels, tasks  # noqa: F401  (the jobs are declared)

        public_panel_register("payments", "payments/public_panel.html", panels.public_context)
        officer_panel_register("payments", "payments/officer_panel.html", panels.officer_context)
        space_section_register(
            "payments", "payments/space_payments.html", panels.space_context, order=15
        )
