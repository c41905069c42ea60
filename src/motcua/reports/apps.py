from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class Config(AppConfig):
    name = "motcua.reports"
    verbose_name = _("Báo cáo")
    label = "reports"

    def ready(self) -> None:
        from motcua.jobs.services import periodic_register
        from motcua.reports.exports import export_jobs_run_due

        periodic_register(label="exports", run=export_jobs_run_due)
