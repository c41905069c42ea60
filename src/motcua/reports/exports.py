"""Exports of the dashboards: the records behind a figure (CSV, XLSX) and the annual report
(DOCX, XLSX), written directly when small and by a job of the queue (``ExportJob`` keeps its
progress and file for the officer who asked) when large.

The job ``export_run`` (``tasks.py``) is queued with the request; the queue gives it to one
worker at a time, with a lease long enough for the largest export, and runs it again if its
worker was killed.
"""

import csv
import datetime as dt
import logging
import tempfile
from collections.abc import Callable, Iterator
from typing import IO, Any

from django.conf import settings
from django.core.files import File
from django.db import models, transaction
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from motcua.agencies.models import Agency
from motcua.reports.annual import annual_content, annual_figures
from motcua.reports.annual_docx import write_annual_docx
from motcua.reports.annual_xlsx import write_annual_xlsx
from motcua.reports.drilldown import Records, figure_records
from motcua.reports.models import (
    ExportFormat,
    ExportJob,
    ExportKind,
    ExportStatus,
)
from motcua.utils.errors import DomainError
from motcua.utils.periods import Period, parse_date
from motcua.utils.replica import replica_reads
from motcua.utils.storage import file_save

logger = logging.getLogger(__name__)

# Lists longer than this go to the worker (settings may lower it, e.g. for a small server).
INLINE_MAX_ROWS = 20_000
RECORD_FORMATS = (ExportFormat.CSV, ExportFormat.XLSX)
ANNUAL_FORMATS = (ExportFormat.DOCX, ExportFormat.XLSX)
CONTENT_TYPES = {
    ExportFormat.CSV: "text/csv; charset=utf-8",
    ExportFormat.XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ExportFormat.DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}
_DATE_FORMAT = "DD/MM/YYYY"

Progress = Callable[[int], None]  # percent done, 0–100


def inline_max_rows() -> int:
    return getattr(settings, "MOTCUA_EXPORT_INLINE_MAX_ROWS", INLINE_MAX_ROWS)


# --- writers -------------------------------------------------------------------------------


def _percent_of(total: int, progress: Progress | None) -> Callable[[int], None]:
    """Report every whole percent of ``total`` rows written, keeping 100 for the finished
    file."""
    last = [-1]

    def done(count: int) -> None:
        percent = min(99, count * 100 // total) if total else 99
        if progress is not None and percent != last[0]:
            last[0] = percent
            progress(percent)

    return done


class _Echo:
    """A file-like whose ``write`` returns the line, for streaming CSV."""

    def write(self, value: str) -> str:
        return value


def records_csv_lines(records: Records) -> Iterator[str]:
    """The list as CSV lines, headings first; UTF-8 with a byte order mark so that Excel reads
    Vietnamese correctly; dates dd/mm/yyyy."""
    writer = csv.writer(_Echo())
    yield "\ufeff" + writer.writerow(records.headings)
    for row in records.rows():
        yield writer.writerow(row)


def write_records_csv(
    out: IO[bytes], records: Records, *, total: int, progress: Progress | None = None
) -> None:
    done = _percent_of(total, progress)
    for count, line in enumerate(records_csv_lines(records)):
        out.write(line.encode("utf-8"))
        if count % 1000 == 0:
            done(count)


def write_records_xlsx(
    out: IO[bytes] | str,
    records: Records,
    *,
    total: int,
    subtitle: str,
    progress: Progress | None = None,
) -> None:
    """The list as a worksheet (streamed, so that memory stays flat for long lists): the
    figure's name and period above the table; dates as real dates shown dd/mm/yyyy."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Danh sách")
    bold = Font(bold=True)
    heading = WriteOnlyCell(sheet, value=records.label)
    heading.font = Font(bold=True, size=13)
    sheet.append([heading])
    sheet.append([subtitle])
    sheet.append([f"Tổng số: {total}"])
    sheet.append([])
    cells = []
    for text in records.headings:
        cell = WriteOnlyCell(sheet, value=text)
        cell.font = bold
        cells.append(cell)
    sheet.append(cells)
    done = _percent_of(total, progress)
    for count, raw in enumerate(records.raw_rows().iterator(chunk_size=2000), 1):
        sheet.append(_xlsx_row(sheet, records, raw))
        if count % 1000 == 0:
            done(count)
    book.save(out)


def _xlsx_row(sheet, records: Records, raw: tuple) -> list[Any]:
    row: list[Any] = []
    for value, shown in zip(raw, records.shown(raw), strict=True):
        if isinstance(value, dt.date):
            cell = WriteOnlyCell(sheet, value=value)
            cell.number_format = _DATE_FORMAT
            row.append(cell)
        else:
            row.append(shown)
    return row


def records_subtitle(records_period: Period, agency: Agency | None) -> str:
    where = agency.name if agency is not None else "Toàn tỉnh"
    return f"{where}. {records_period.label}"


def records_filename(figure: str, period: Period, fmt: str) -> str:
    return f"{figure}_{period.start.isoformat()}_{period.end.isoformat()}.{fmt}"


def annual_filename(year: int, fmt: str) -> str:
    return f"bao-cao-nam-{year}.{fmt}"


# --- jobs ----------------------------------------------------------------------------------


def records_params(
    figure: str, period: Period, *, agency: Agency | None, by: str | None, key: str | None
) -> dict[str, Any]:
    return {
        "figure": figure,
        "from": period.start.isoformat(),
        "to": period.end.isoformat(),
        "agency": agency.code if agency is not None else None,
        "by": by,
        "key": key,
    }


def export_job_request(
    *, user, kind: str, fmt: str, params: dict[str, Any], title: str
) -> ExportJob:
    """Queue an export for ``user`` (who alone may download it); the worker runs it."""
    allowed = RECORD_FORMATS if kind == ExportKind.RECORDS else ANNUAL_FORMATS
    if kind not in ExportKind.values or fmt not in allowed:
        raise DomainError(
            f"Không xuất được {kind}/{fmt}",
            f"Cannot export {kind} as {fmt}",
            code="bad_export",
            status_code=400,
        )
    from motcua.reports.tasks import export_run

    with transaction.atomic():
        export = ExportJob.objects.create(
            kind=kind, fmt=fmt, params=params, title=title[:500], requested_by=user
        )
        export_run.enqueue(export_id=export.pk, key=f"export:{export.pk}")
    return export


def export_job_run(*, export_id: int) -> bool:
    """Write a waiting export (the job ``export_run``); a repeat after a killed worker writes
    it again from the start. False if it had finished already."""
    now = timezone.now()
    claimed = ExportJob.objects.filter(
        pk=export_id, status__in=[ExportStatus.PENDING, ExportStatus.RUNNING]
    ).update(
        status=ExportStatus.RUNNING,
        started_at=now,
        progress=0,
        attempts=models.F("attempts") + 1,
    )
    if not claimed:
        return False
    _run(ExportJob.objects.get(pk=export_id))
    return True


def _run(job: ExportJob) -> None:
    def progress(percent: int) -> None:
        ExportJob.objects.filter(pk=job.pk).update(progress=percent)

    try:
        with tempfile.TemporaryFile() as out:
            with replica_reads():
                filename = _write(job, out, progress)
            out.seek(0)
            file_save(job.file, f"export-{job.pk}.{job.fmt}", File(out))
    except Exception as error:  # noqa: BLE001 - any failure is the job's, shown to its owner
        logger.exception("export job %s failed", job.pk)
        job.status = ExportStatus.FAILED
        job.error = str(error)[:2000] or error.__class__.__name__
    else:
        job.status = ExportStatus.DONE
        job.progress = 100
        job.filename = filename
    job.finished_at = timezone.now()
    job.save(update_fields=["status", "progress", "file", "filename", "error", "finished_at"])


def _write(job: ExportJob, out: IO[bytes], progress: Progress) -> str:
    params = job.params
    if job.kind == ExportKind.ANNUAL:
        year = int(params["year"])
        progress(5)
        figures = annual_figures(year)
        progress(60)
        content = annual_content(year, figures)
        progress(85)
        if job.fmt == ExportFormat.DOCX:
            write_annual_docx(out, content)
        else:
            write_annual_xlsx(out, content)
        return annual_filename(year, job.fmt)
    period = Period(parse_date(params["from"]), parse_date(params["to"]))
    agency = Agency.objects.get(code=params["agency"]) if params.get("agency") else None
    records = figure_records(
        params["figure"], period, agency=agency, by=params.get("by"), key=params.get("key")
    )
    total = records.queryset.count()
    if job.fmt == ExportFormat.CSV:
        write_records_csv(out, records, total=total, progress=progress)
    else:
        write_records_xlsx(
            out,
            records,
            total=total,
            subtitle=records_subtitle(period, agency),
            progress=progress,
        )
    return records_filename(params["figure"], period, job.fmt)
