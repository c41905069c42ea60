"""Jobs of the reports app."""

from django.utils.translation import gettext_lazy as _

from motcua.jobs.services import job
from motcua.reports.exports import EXPORT_LEASE, MAX_ATTEMPTS, export_job_run


@job(queue="exports", max_attempts=MAX_ATTEMPTS, lease=EXPORT_LEASE, label=_("Xuất dữ liệu lớn"))
def export_run(*, export_id: int) -> None:
    """Write a large export (records of a figure, the annual report) for its officer."""
    export_job_run(export_id=export_id)
