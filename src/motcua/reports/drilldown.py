"""The records behind a dashboard figure (drill-down), as rows a person reads or exports.

``figure_records`` names a figure as the dashboards do (``dossiers.resolved.late``,
``digitization.digitized``, ``feedback.in_process``, ``catalog.total``…) and returns the
selector's own queryset for it, so the list always has exactly as many rows as the figure.
The columns of each kind of record are declared once and shared by the page, the CSV and the
XLSX. Lists carry no personal data: dossiers by code and procedure, feedback by code and kind.
"""

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from django.db.models import Model, QuerySet
from django.utils import timezone

from motcua.agencies.models import Agency, AgencyKind
from motcua.dossiers.models import Dossier, Evaluation, EvaluationSource
from motcua.dossiers.workflow import State
from motcua.feedback.models import Feedback, FeedbackKind, FeedbackState
from motcua.feedback.selectors import feedback_records
from motcua.inspections.models import Inspection
from motcua.inspections.selectors import FIGURES as INSPECTION_FIGURES
from motcua.inspections.selectors import inspection_records
from motcua.procedures.models import Decision, DecisionKind, Level, OnlineLevel, Procedure
from motcua.reports.figures import DIRECT_AND_POSTAL, LABELS, title
from motcua.reports.selectors.catalog import catalog_records
from motcua.reports.selectors.digitization import COUNTS, digitization_records
from motcua.reports.selectors.dossiers import BREAKDOWNS, FIGURES, form06_records
from motcua.reports.selectors.evaluations import RECORD_FIGURES, evaluation_records
from motcua.reports.selectors.service_index import COUNT_NAMES, service_index_records
from motcua.utils.formatting import vn_date
from motcua.utils.periods import Period

# Families whose figures are per agency; the catalog families are the province's only.
AGENCY_FAMILIES = ("dossiers", "digitization", "feedback", "evaluations", "service_index")
PROVINCE_FAMILIES = ("catalog", "online_services")


class UnknownFigure(LookupError):
    """A figure name, breakdown or scope the drill-down does not know (the page answers 404)."""


@dataclass(frozen=True)
class Column:
    heading: str
    path: str  # a ``values_list`` path
    show: Callable[[Any], Any] = lambda value: value


def _choice(choices: type) -> Callable[[Any], str]:
    return lambda value: str(choices(value).label) if value not in (None, "") else ""


def _date(value: Any) -> str:
    return vn_date(value) if value else ""


def _local_date(value: Any) -> str:
    return vn_date(timezone.localtime(value)) if value else ""


def _yes_no(value: Any) -> str:
    return "Có" if value else "Không"


DOSSIER_COLUMNS = (
    Column("Mã hồ sơ", "code"),
    Column("Mã thủ tục", "procedure__code"),
    Column("Thủ tục hành chính", "procedure__name"),
    Column("Cơ quan giải quyết", "agency__name"),
    Column("Ngày tiếp nhận", "received_on", _date),
    Column("Hạn giải quyết", "due_on", _date),
    Column("Ngày kết thúc", "ended_on", _date),
    Column("Trạng thái", "state", _choice(State)),
)
FEEDBACK_COLUMNS = (
    Column("Mã PAKN", "code"),
    Column("Loại", "kind", _choice(FeedbackKind)),
    Column("Cơ quan bị phản ánh", "agency__name"),
    Column("Ngày tiếp nhận", "received_on", _date),
    Column("Ngày xử lý xong", "processed_on", _date),
    Column("Ngày đăng tải", "published_on", _date),
    Column("Trạng thái", "state", _choice(FeedbackState)),
)
PROCEDURE_COLUMNS = (
    Column("Mã thủ tục", "code"),
    Column("Tên thủ tục", "name"),
    Column("Cấp thực hiện", "level", _choice(Level)),
    Column("Lĩnh vực", "field"),
    Column("Cơ quan thực hiện", "agency__name"),
    Column("Mức độ trực tuyến", "online_level", _choice(OnlineLevel)),
    Column("Tích hợp Cổng DVCQG", "national_portal", _yes_no),
)
DECISION_COLUMNS = (
    Column("Số, ký hiệu", "number"),
    Column("Ngày ban hành", "date", _date),
    Column("Loại", "kind", _choice(DecisionKind)),
    Column("Trích yếu", "title"),
)
EVALUATION_COLUMNS = (
    Column("Mã hồ sơ", "dossier__code"),
    Column("Thủ tục hành chính", "dossier__procedure__name"),
    Column("Cơ quan giải quyết", "dossier__agency__name"),
    Column("Ngày trả kết quả", "dossier__returned_at", _local_date),
    Column("Người đánh giá", "source", _choice(EvaluationSource)),
    Column("Tổng điểm (/18)", "score"),
)
AGENCY_COLUMNS = (
    Column("Mã định danh", "code"),
    Column("Tên cơ quan, đơn vị", "name"),
    Column("Loại", "kind", _choice(AgencyKind)),
)

INSPECTION_COLUMNS = (
    Column("Cơ quan được kiểm tra", "agency__name"),
    Column("Hình thức", "planned", lambda planned: "Theo kế hoạch" if planned else "Đột xuất"),
    Column("Kế hoạch năm", "plan_year", lambda year: "" if year is None else str(year)),
    Column("Ngày kiểm tra", "inspected_on", _date),
    Column("Kế hoạch, quyết định", "plan_reference"),
)

_BY_MODEL: dict[type[Model], tuple[tuple[Column, ...], tuple[str, ...]]] = {
    Dossier: (DOSSIER_COLUMNS, ("received_on", "code")),
    Feedback: (FEEDBACK_COLUMNS, ("received_on", "code")),
    Procedure: (PROCEDURE_COLUMNS, ("code",)),
    Decision: (DECISION_COLUMNS, ("date", "number")),
    Agency: (AGENCY_COLUMNS, ("code",)),
    Evaluation: (EVALUATION_COLUMNS, ("dossier__returned_at", "pk")),
    # The selector's own order (§8: surprise inspections by date, planned by agency name).
    Inspection: (INSPECTION_COLUMNS, ()),
}


@dataclass(frozen=True)
class Records:
    """The records behind one figure: its name, its columns and its rows (in a stable order)."""

    figure: str
    label: str
    columns: tuple[Column, ...]
    queryset: QuerySet

    @property
    def headings(self) -> list[str]:
        return [column.heading for column in self.columns]

    def raw_rows(self, queryset: QuerySet | None = None) -> QuerySet:
        """The values of the columns, unformatted (dates as dates)."""
        return (queryset if queryset is not None else self.queryset).values_list(
            *(column.path for column in self.columns)
        )

    def shown(self, raw: tuple) -> list[Any]:
        """A raw row as a person reads it (dates dd/mm/yyyy, choices by their labels)."""
        return [column.show(value) for column, value in zip(self.columns, raw, strict=True)]

    def rows(self, *, chunk_size: int = 2000) -> Iterator[list[Any]]:
        for raw in self.raw_rows().iterator(chunk_size=chunk_size):
            yield self.shown(raw)


def family_of(figure: str) -> str:
    return figure.split(".", 1)[0]


def _queryset(
    figure: str, period: Period, agency: Agency | None, by: str | None, key: str | None
) -> QuerySet:
    family, _, name = figure.partition(".")
    if (by is None) != (key is None) or (by is not None and family != "dossiers"):
        raise UnknownFigure(f"Không phân tổ được chỉ tiêu {figure!r} / Cannot break down")
    if by is not None and by not in BREAKDOWNS:
        raise UnknownFigure(f"Không có cách phân tổ {by!r} / Unknown breakdown {by!r}")
    if figure == DIRECT_AND_POSTAL:
        # The form's one column "direct and postal" (§2): the union of the two figures' rows.
        return form06_records(
            "received.new_direct", period, agency=agency, by=by, key=key
        ) | form06_records("received.new_postal", period, agency=agency, by=by, key=key)
    if family == "dossiers" and name in FIGURES:
        return form06_records(name, period, agency=agency, by=by, key=key)
    if family == "digitization" and name in COUNTS:
        return digitization_records(name, period, agency=agency)
    if family == "evaluations" and name in RECORD_FIGURES:
        return evaluation_records(name, period, agency=agency)
    if family == "service_index" and name in COUNT_NAMES:
        return service_index_records(name, period, agency=agency)
    if family == "feedback" and figure in LABELS:
        return feedback_records(name, period, agency=agency)
    if family == "inspections" and name in INSPECTION_FIGURES:
        if agency is not None:
            raise UnknownFigure(f"Chỉ tiêu {figure!r} chỉ có cho toàn tỉnh / Province only")
        return inspection_records(name, period)
    if family in PROVINCE_FAMILIES and figure in LABELS:
        if agency is not None:
            raise UnknownFigure(f"Chỉ tiêu {figure!r} chỉ có cho toàn tỉnh / Province only")
        try:
            return catalog_records(figure, period)
        except KeyError:
            pass
    raise UnknownFigure(f"Không có danh sách cho chỉ tiêu {figure!r} / No records for {figure!r}")


def figure_records(
    figure: str,
    period: Period,
    *,
    agency: Agency | None = None,
    by: str | None = None,
    key: str | None = None,
) -> Records:
    """The records behind ``figure`` for ``period`` and ``agency`` (with the agencies below it;
    ``None``: the whole province), optionally within the row ``key`` of the form 06 breakdown
    ``by``. Raises ``UnknownFigure`` for names the dashboards do not show."""
    queryset = _queryset(figure, period, agency, by, key)
    columns, order = _BY_MODEL[queryset.model]
    return Records(figure, title(figure), columns, queryset.order_by(*order) if order else queryset)
