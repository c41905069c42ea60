"""Jobs of the reports app."""

from django.utils.translation import gettext_lazy as _

from motcua.jobs.services import job
from motcua.reports.models import EXPORT_LEASE, MAX_ATTEMPTS


@job(queue="exports", max_attempts=MAX_ATTEMPTS, lease=EXPORT_LEASE, label=_("Xuất dữ liệu lớn"))
def export_run(*, export_id: int) -> None:
    """Write a large export (records of a figure, the annual report) for its officer."""
    # Imported here: every process imports the tasks modules at start (jobs/apps.py), and the
    # exports bring the Word and Excel writers with them.
    from motcua.reports.exports import export_job_run

    export_job_run(export_id=export_id)
