"""The officers' dashboards (mounted at /can-bo/bao-cao/): the figures of a period for the
province or an agency, their definitions, the records behind each figure, the monthly trend,
breakdowns, and exports (direct when small, through the worker when large).

Who sees what: the whole province needs ``report.view`` and sight of every agency (the
controller, administrators); an agency's dashboard needs ``report.agency`` and that agency among
``agencies_visible_to`` (an officer sees their agency and the agencies below it). An agency
outside one's sight answers 404, as if it did not exist.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    QueryDict,
    StreamingHttpResponse,
)
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from motcua.accounts.roles import can
from motcua.agencies.models import Agency, ProvinceUnit
from motcua.agencies.selectors import (
    agencies_visible_to,
    province_unit_root,
    province_units_for_reports,
)
from motcua.audit.services import audit_event, audit_read, audit_request_data
from motcua.dossiers.models import Dossier
from motcua.feedback.models import Feedback
from motcua.inspections.models import Inspection
from motcua.procedures.models import Level, Procedure
from motcua.reports import dashboard as board
from motcua.reports.drilldown import (
    AGENCY_FAMILIES,
    Records,
    UnknownFigure,
    family_of,
    figure_records,
)
from motcua.reports.exports import (
    CONTENT_TYPES,
    annual_filename,
    export_job_request,
    inline_max_rows,
    records_csv_lines,
    records_filename,
    records_params,
    records_subtitle,
    write_records_xlsx,
)
from motcua.reports.figures import DEFINITIONS, DIRECT_AND_POSTAL, definition_text
from motcua.reports.forms import PeriodForm
from motcua.reports.models import ExportFormat, ExportJob, ExportKind, ExportStatus
from motcua.reports.selectors.dossiers import (
    NO_FIELD_LABEL,
    form06,
    form06_breakdown,
    latest_received_on,
)
from motcua.reports.xlsx import GROUP_HEADINGS, form06_workbook
from motcua.utils.charts import Series, bar_chart, line_chart
from motcua.utils.periods import Period
from motcua.utils.replica import on_replica
from motcua.utils.uploads import file_download
from motcua.web.permissions import DENIED, action_required

PAGE_SIZE = 50
DASHBOARD_BREAKDOWNS = {
    "agency": gettext_lazy("Theo đơn vị"),
    "level": gettext_lazy("Theo cấp"),
    "field": gettext_lazy("Theo lĩnh vực"),
}
# The columns of the breakdown table, as form 06 lays them out (direct and postal together).
BREAKDOWN_COLUMNS = (
    ("dossiers.received.total", gettext_lazy("Tổng số đã tiếp nhận")),
    ("dossiers.received.carried_over", gettext_lazy("Kỳ trước chuyển qua")),
    ("dossiers.received.new_online", gettext_lazy("Mới tiếp nhận trực tuyến")),
    (DIRECT_AND_POSTAL, gettext_lazy("Mới tiếp nhận trực tiếp và bưu chính")),
    ("dossiers.resolved.total", gettext_lazy("Đã giải quyết")),
    ("dossiers.resolved.early", gettext_lazy("Trước hạn")),
    ("dossiers.resolved.on_time", gettext_lazy("Đúng hạn")),
    ("dossiers.resolved.late", gettext_lazy("Quá hạn")),
    ("dossiers.in_process.total", gettext_lazy("Đang giải quyết")),
    ("dossiers.in_process.within_deadline", gettext_lazy("Trong hạn")),
    ("dossiers.in_process.overdue", gettext_lazy("Quá hạn")),
)

# The breakdowns' headings as the pages show them (form 06 itself prints GROUP_HEADINGS).
SHOWN_GROUP_HEADINGS = {
    "field": gettext_lazy("Lĩnh vực"),
    "agency": gettext_lazy("Đơn vị"),
    "level": gettext_lazy("Cấp giải quyết"),
    "procedure": gettext_lazy("Thủ tục hành chính"),
}


# --- scope: who, which agency, which period ------------------------------------------------


def sees_whole_province(user) -> bool:
    """The province-wide dashboard: ``report.view`` and no agency hidden from the user."""
    if not can(user, "report.view"):
        return False
    hidden = Agency.objects.exclude(pk__in=agencies_visible_to(user).values("pk"))
    return not hidden.exists()


@dataclass(frozen=True)
class Scope:
    period: Period
    form: PeriodForm
    agency: Agency | None
    province: bool  # may the user see the whole province
    agencies: QuerySet[Agency]  # the agencies the user may pick
    # A merged instance (docs/merged-province.md): the province chosen, whose figures are its
    # People's Committee's with everything below it (``agency``), and those one may choose.
    unit: ProvinceUnit | None = None
    units: tuple[ProvinceUnit, ...] = ()

    def params(self, **extra: str | None) -> dict[str, str]:
        params = dict(self.form.query())
        if self.unit is not None:
            params["province"] = self.unit.code
        elif self.agency is not None:
            params["agency"] = self.agency.code
        params.update({name: value for name, value in extra.items() if value is not None})
        return params

    @property
    def query(self) -> str:
        return urlencode(self.params())

    @property
    def period_query(self) -> str:
        """The period alone, for links to another agency's figures (within this scope)."""
        return urlencode(dict(self.form.query()))

    @property
    def where(self) -> str:
        """The unit's name as exports (official documents) print it: always Vietnamese."""
        if self.unit is not None:
            return f"Tỉnh {self.unit.name} (trước sáp nhập)"
        return self.agency.name if self.agency is not None else "Toàn tỉnh"

    @property
    def where_shown(self) -> str:
        """The unit's name as the pages show it, in the reader's language."""
        if self.unit is not None:
            return gettext("Tỉnh %(name)s (trước sáp nhập)") % {"name": self.unit.name}
        return self.agency.name if self.agency is not None else gettext("Toàn tỉnh")


def resolve_scope(user, params: QueryDict) -> Scope:
    """The period and agency that ``params`` (the query, or an export form) ask for, checked
    against what ``user`` may see."""
    province = sees_whole_province(user)
    visible = agencies_visible_to(user).order_by("code")
    form = PeriodForm(
        params, default=board.default_period(timezone.localdate(), latest_received_on())
    )
    code = params.get("agency") or None
    units = tuple(province_units_for_reports()) if province else ()
    unit_code = params.get("province") or None
    if code is None and unit_code is not None:
        # One province of a merged instance: its People's Committee with everything below.
        unit = next((u for u in units if u.code == unit_code), None)
        root = province_unit_root(unit) if unit is not None else None
        if unit is None or root is None:
            raise Http404("Không có tỉnh này / No such province")
        return Scope(form.chosen(), form, root, province, visible, unit, units)
    if code is not None:
        agency = visible.filter(code=code).first()
        if agency is None:
            raise Http404("Không có cơ quan này / No such agency")
    elif province:
        agency = None
    elif user.agency_id is not None and visible.filter(pk=user.agency_id).exists():
        agency = user.agency
    else:
        raise PermissionDenied(DENIED)
    return Scope(form.chosen(), form, agency, province, visible, None, units)


# --- the dashboard --------------------------------------------------------------------------


def _trend_charts(points: list[board.MonthPoint]) -> dict[str, object]:
    months = [gettext("T%(month)s") % {"month": point.month} for point in points]
    counts = bar_chart(
        title=gettext("Hồ sơ mới tiếp nhận và đã giải quyết theo tháng"),
        categories=months,
        series=[
            Series(gettext("Mới tiếp nhận"), [p.new for p in points]),
            Series(gettext("Đã giải quyết"), [p.resolved for p in points]),
        ],
    )
    rates = line_chart(
        title=gettext("Tỷ lệ đúng hạn và tỷ lệ trực tuyến theo tháng"),
        categories=months,
        series=[
            Series(gettext("Tỷ lệ trước hạn và đúng hạn"), [p.on_time_rate for p in points]),
            Series(gettext("Tỷ lệ tiếp nhận trực tuyến"), [p.online_share for p in points]),
        ],
    )
    return {"counts": counts, "rates": rates}


def _breakdown_table(breakdown: board.Breakdown) -> dict[str, object]:
    def cells(figures: dict[str, dict[str, int]]) -> list[tuple[str, int]]:
        values = []
        for key, _heading in BREAKDOWN_COLUMNS:
            if key == DIRECT_AND_POSTAL:
                value = figures["received"]["new_direct"] + figures["received"]["new_postal"]
            else:
                group, name = key.removeprefix("dossiers.").split(".")
                value = figures[group][name]
            values.append((key, value))
        return values

    return {
        "by": breakdown.by,
        "heading": SHOWN_GROUP_HEADINGS[breakdown.by],
        "columns": BREAKDOWN_COLUMNS,
        "rows": [(row.key, row.label, cells(row.figures)) for row in breakdown.rows],
        "total": cells(breakdown.total),
    }


@action_required("report.agency")
@require_GET
@on_replica
def dashboard_view(request: HttpRequest) -> HttpResponse:
    scope = resolve_scope(request.user, request.GET)
    by = request.GET.get("by") or "agency"
    if by not in DASHBOARD_BREAKDOWNS:
        by = "agency"
    today = timezone.localdate()
    year = board.reporting_year(scope.period.end)
    trend = board.monthly_trend(year, agency=scope.agency, today=today)
    jobs = ExportJob.objects.filter(requested_by=request.user)[:5]
    context = {
        "scope": scope,
        "board": board.dashboard(scope.period, agency=scope.agency),
        "trend": trend,
        "trend_year": year,
        "charts": _trend_charts(trend),
        "breakdown": _breakdown_table(board.breakdown(scope.period, by, agency=scope.agency)),
        "breakdowns": DASHBOARD_BREAKDOWNS,
        "jobs": jobs,
        "annual_year": year,
    }
    return render(request, "reports/dashboard.html", context)


# --- drill-down -----------------------------------------------------------------------------


def _records(params: QueryDict, scope: Scope) -> tuple[Records, str | None, str | None]:
    figure = params.get("figure", "")
    by = params.get("by") or None
    key = params.get("key")
    if family_of(figure) not in AGENCY_FAMILIES and not (scope.province and scope.agency is None):
        raise Http404("Chỉ tiêu này chỉ có cho toàn tỉnh / Province-wide figure")
    try:
        return figure_records(figure, scope.period, agency=scope.agency, by=by, key=key), by, key
    except UnknownFigure as error:
        raise Http404(str(error)) from None


def _group_label(by: str | None, key: str | None) -> str:
    """The breakdown row a list is limited to, named as the breakdown table names it (read
    from the row's own record, not by recomputing the breakdown)."""
    if by is None or key is None:
        return ""
    if by == "agency":
        name = Agency.objects.filter(code=key).values_list("name", flat=True).first()
    elif by == "level":
        name = str(Level(key).label) if key in Level.values else key
    elif by == "procedure":
        name = Procedure.objects.filter(code=key).values_list("name", flat=True).first()
    else:
        name = key or NO_FIELD_LABEL
    return f"{SHOWN_GROUP_HEADINGS[by]}: {name or key}"


class LinkedRow(list):
    """A row as shown, with the page of its record when the reader may open it (``link``)."""

    link = ""


def _linked_rows(request: HttpRequest, records, page) -> list[LinkedRow]:
    rows = [LinkedRow(records.shown(raw)) for raw in page.object_list]
    if records.queryset.model is Inspection and can(request.user, "inspection.manage"):
        # The same queryset and page: the same records in the same order.
        ids = Paginator(records.queryset.values_list("pk", flat=True), PAGE_SIZE).get_page(
            page.number
        )
        for row, pk in zip(rows, ids.object_list, strict=True):
            row.link = reverse("inspection-detail", args=[pk])
    return rows


@action_required("report.agency")
@require_GET
@on_replica
def drilldown_view(request: HttpRequest) -> HttpResponse:
    scope = resolve_scope(request.user, request.GET)
    records, by, key = _records(request.GET, scope)
    page = Paginator(records.raw_rows(), PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "scope": scope,
        "records": records,
        # The list's own name stays Vietnamese for its exports; the page shows it translated.
        "label": gettext(records.label),
        "definition": definition_text(records.figure) if records.figure in DEFINITIONS else "",
        "group": _group_label(by, key),
        "page": page,
        "rows": _linked_rows(request, records, page),
        "link_dossiers": records.queryset.model is Dossier and can(request.user, "dossier.work"),
        "link_feedback": records.queryset.model is Feedback and can(request.user, "feedback.work"),
        "export_params": scope.params(figure=records.figure, by=by, key=key),
        "inline_max_rows": inline_max_rows(),
    }
    return render(request, "reports/drilldown.html", context)


@action_required("report.agency")
@require_POST
@on_replica
def drilldown_export(request: HttpRequest) -> HttpResponse:
    """The list as CSV or XLSX: written now when it is short, else queued for the worker."""
    scope = resolve_scope(request.user, request.POST)
    records, by, key = _records(request.POST, scope)
    fmt = request.POST.get("format", ExportFormat.CSV)
    if fmt not in (ExportFormat.CSV, ExportFormat.XLSX):
        raise Http404("Định dạng không hỗ trợ / Unsupported format")
    total = records.queryset.count()
    if total > inline_max_rows():
        job = export_job_request(
            user=request.user,
            kind=ExportKind.RECORDS,
            fmt=fmt,
            params=records_params(
                records.figure, scope.period, agency=scope.agency, by=by, key=key
            ),
            title=f"{records.label}. {records_subtitle(scope.period, scope.agency)}",
        )
        return redirect("reports-job", pk=job.pk)
    filename = records_filename(records.figure, scope.period, fmt)
    audit_event(
        action="records.export",
        target_type="reports.records",
        target_id=records.figure,
        actor=request.user,
        data={
            **audit_request_data(request),
            "params": records_params(
                records.figure, scope.period, agency=scope.agency, by=by, key=key
            ),
            "rows": total,
            "format": fmt,
        },
    )
    if fmt == ExportFormat.CSV:
        response = StreamingHttpResponse(
            records_csv_lines(records), content_type=CONTENT_TYPES[fmt]
        )
    else:
        response = HttpResponse(content_type=CONTENT_TYPES[fmt])
        write_records_xlsx(
            response, records, total=total, subtitle=records_subtitle(scope.period, scope.agency)
        )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


# --- form 06 and the annual report ------------------------------------------------------------


@action_required("report.agency")
@require_GET
@on_replica
def form06_export(request: HttpRequest) -> HttpResponse:
    """Form 06 (XLSX) of the period for the scope, by agency, level, field or procedure."""
    scope = resolve_scope(request.user, request.GET)
    by = request.GET.get("by") or "field"
    if by not in GROUP_HEADINGS:
        raise Http404("Không có cách phân tổ này / Unknown breakdown")
    rows = form06_breakdown(scope.period, by, agency=scope.agency)
    total = form06(scope.period, agency=scope.agency)
    book = form06_workbook(scope.period, rows, total, by=by, unit_name=scope.where)
    response = HttpResponse(content_type=CONTENT_TYPES[ExportFormat.XLSX])
    book.save(response)
    name = f"bieu-06_{scope.period.start.isoformat()}_{scope.period.end.isoformat()}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@action_required("report.view")
@require_POST
@on_replica
def annual_export(request: HttpRequest) -> HttpResponse:
    """The annual report (statistics.md §9) of a year, written by the worker."""
    if not sees_whole_province(request.user):
        raise PermissionDenied(DENIED)
    fmt = request.POST.get("format", ExportFormat.DOCX)
    try:
        year = int(request.POST.get("year", ""))
        Period.for_year(year)
    except ValueError:
        raise Http404("Năm không hợp lệ / Invalid year") from None
    if fmt not in (ExportFormat.DOCX, ExportFormat.XLSX):
        raise Http404("Định dạng không hỗ trợ / Unsupported format")
    job = export_job_request(
        user=request.user,
        kind=ExportKind.ANNUAL,
        fmt=fmt,
        params={"year": year},
        title=f"Báo cáo năm {year} ({annual_filename(year, fmt)})",
    )
    return redirect("reports-job", pk=job.pk)


# --- export jobs ------------------------------------------------------------------------------


def _own_job(request: HttpRequest, pk: int) -> ExportJob:
    # Someone else's job does not exist for this user.
    return get_object_or_404(ExportJob, pk=pk, requested_by=request.user)


@action_required("report.agency")
@require_GET
def job_view(request: HttpRequest, pk: int) -> HttpResponse:
    return render(request, "reports/job.html", {"job": _own_job(request, pk)})


@action_required("report.agency")
@require_GET
def job_status(request: HttpRequest, pk: int) -> HttpResponse:
    """The progress fragment the job page polls (htmx, every 2 s while unfinished)."""
    return render(request, "reports/partials/job_status.html", {"job": _own_job(request, pk)})


@action_required("report.agency")
@require_GET
def job_download(request: HttpRequest, pk: int) -> HttpResponseBase:
    job = _own_job(request, pk)
    if job.status != ExportStatus.DONE or not job.file:
        raise Http404("Tệp chưa sẵn sàng / The file is not ready")
    audit_read(request, action="export.download", target=job, params=job.params)
    return file_download(job.file, job.filename, CONTENT_TYPES.get(job.fmt))
