"""The handbook's public pages (mounted at /so-tay/, no account): documents, targets, index
results and questions with their answers. Only what is published is shown: questions before
their answer are not, nor who asked beyond the name they gave."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, QueryDict
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from motcua.agencies.models import Agency, AgencyKind
from motcua.handbook.forms import (
    STATUS_LABELS,
    AskForm,
    DocumentFilterForm,
    QuestionSearchForm,
    TargetFilterForm,
)
from motcua.handbook.models import (
    Document,
    IndexKind,
    Question,
    QuestionCategory,
    QuestionState,
    Target,
    TargetProgress,
)
from motcua.handbook.rules import LATE, target_status
from motcua.handbook.selectors import (
    agency_index_ranking,
    agency_index_trend,
    agency_index_years,
    document_issuers,
    document_search,
    document_years,
    index_series,
    latest_progress,
    question_search,
    target_agencies,
    target_phases,
    target_search,
    target_years,
    targets_late,
)
from motcua.handbook.services import question_ask
from motcua.utils import ratelimit
from motcua.utils.charts import Series, bar_chart, line_chart
from motcua.utils.errors import DomainError
from motcua.utils.uploads import file_download

PAGE_SIZE = 20
# The scale of each index: PAPI's aggregate runs from 10 to 80, the others to 100 (SIPAS in %).
INDEX_MAXIMUM = {IndexKind.PAR: 100, IndexKind.SIPAS: 100, IndexKind.PAPI: 80, IndexKind.PCI: 100}
INDEX_UNIT = {
    IndexKind.PAR: "/100",
    IndexKind.SIPAS: "%",
    IndexKind.PAPI: "/80",
    IndexKind.PCI: "/100",
}


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    context = {
        "documents": Document.objects.count(),
        "latest_documents": Document.objects.order_by("-issued_on", "number")[:3],
        "targets": Target.objects.count(),
        "late": targets_late(today).count(),
        "series": [s for s in index_series() if s.latest is not None],
        "questions": question_search().count(),
    }
    return render(request, "handbook/home.html", context)


# --- documents ----------------------------------------------------------------------------


@require_GET
def document_list(request: HttpRequest) -> HttpResponse:
    form = DocumentFilterForm(request.GET, years=document_years(), issuers=document_issuers())
    documents = document_search(**form.filters())
    page = Paginator(documents, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "handbook/documents.html", {"form": form, "page": page})


@require_GET
def document_detail(request: HttpRequest, pk: int) -> HttpResponse:
    document = get_object_or_404(Document, pk=pk)
    return render(request, "handbook/document_detail.html", {"document": document})


@require_GET
def document_file(request: HttpRequest, pk: int) -> HttpResponseBase:
    """The text of a directive document: public, as the documents are."""
    return file_download(get_object_or_404(Document, pk=pk).file)


# --- targets ------------------------------------------------------------------------------


def _with_progress(targets: list[Target]) -> list[Target]:
    latest = latest_progress(targets)
    for target in targets:
        target.latest_percent = latest.get(target.pk)  # type: ignore[attr-defined]
    return targets


@require_GET
def target_list(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    years = target_years()
    data = request.GET
    if not data and years:
        # The first visit shows the latest year; "Tất cả" in the form shows every year.
        data = QueryDict(mutable=True)
        data["year"] = str(years[0])
    form = TargetFilterForm(data, agencies=target_agencies(), years=years, phases=target_phases())
    targets = _with_progress(list(target_search(today=today, **form.filters())))
    groups: dict[Agency, list[Target]] = {}
    for target in targets:
        groups.setdefault(target.agency, []).append(target)
    context = {
        "form": form,
        "groups": list(groups.items()),
        "count": len(targets),
        "today": today,
        "labels": STATUS_LABELS,
        "late_count": targets_late(today).count(),
    }
    return render(request, "handbook/targets.html", context)


@require_GET
def target_late(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    targets = _with_progress(list(targets_late(today)))
    for target in targets:
        target.days_late = (today - target.deadline).days  # type: ignore[attr-defined]
    return render(request, "handbook/targets_late.html", {"targets": targets, "today": today})


@require_GET
def target_detail(request: HttpRequest, pk: int) -> HttpResponse:
    today = timezone.localdate()
    target = get_object_or_404(Target.objects.select_related("agency"), pk=pk)
    status = target_status(deadline=target.deadline, done_on=target.done_on, today=today)
    context = {
        "target": target,
        "status": status,
        "status_label": STATUS_LABELS[status],
        "is_late": status == LATE,
        "progress": target.progress.all(),
        "today": today,
    }
    return render(request, "handbook/target_detail.html", context)


@require_GET
def evidence_file(request: HttpRequest, pk: int) -> HttpResponseBase:
    """The evidence of a progress report: published with the report."""
    return file_download(get_object_or_404(TargetProgress, pk=pk).evidence)


# --- indices ------------------------------------------------------------------------------


@require_GET
def index_results(request: HttpRequest) -> HttpResponse:
    series = index_series()
    for one in series:
        kind = IndexKind(one.index)
        one.unit = INDEX_UNIT[kind]  # type: ignore[attr-defined]
        one.chart = (  # type: ignore[attr-defined]
            line_chart(
                title=_("%(index)s của tỉnh qua các năm") % {"index": one.label},
                categories=[str(r.year) for r in one.results],
                series=[Series(one.label, [float(r.score) for r in one.results])],
                maximum=INDEX_MAXIMUM[kind],
                percent=kind == IndexKind.SIPAS,
            )
            if one.results
            else None
        )
    years = agency_index_years()
    year = years[0] if years else None
    if request.GET.get("nam", "").isdigit() and int(request.GET["nam"]) in years:
        year = int(request.GET["nam"])
    ranking = agency_index_ranking(year) if year else {}
    groups = []
    for kind in (AgencyKind.DEPARTMENT, AgencyKind.DISTRICT):
        rows = ranking.get(kind.value, [])
        chart = None
        if rows:
            chart = bar_chart(
                title=_("Chỉ số CCHC năm %(year)s: %(group)s")
                % {"year": year, "group": kind.label},
                categories=[str(r.rank) for r in rows],
                series=[Series(_("Điểm"), [float(r.score) for r in rows])],
            )
        groups.append({"kind": kind.value, "label": kind.label, "rows": rows, "chart": chart})
    context = {"series": series, "years": years, "year": year, "groups": groups}
    return render(request, "handbook/indices.html", context)


@require_GET
def agency_trend(request: HttpRequest, code: str) -> HttpResponse:
    agency = get_object_or_404(Agency, code=code)
    trend = agency_index_trend(agency)
    chart = None
    if trend:
        chart = line_chart(
            title=_("Chỉ số CCHC của %(agency)s qua các năm") % {"agency": agency.name},
            categories=[str(year) for year, *_rest in trend],
            series=[Series(_("Điểm"), [float(score) for _y, score, *_r in trend])],
            percent=False,
        )
    return render(
        request, "handbook/agency_trend.html", {"agency": agency, "trend": trend, "chart": chart}
    )


# --- questions ----------------------------------------------------------------------------


@require_GET
def question_list(request: HttpRequest) -> HttpResponse:
    form = QuestionSearchForm(request.GET)
    query, category = "", None
    if form.is_valid():
        query, category = form.cleaned_data["q"], form.cleaned_data["category"] or None
    questions = question_search(query=query, category_id=category)
    page = Paginator(questions, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "form": form,
        "page": page,
        "query": query,
        "categories": QuestionCategory.objects.all(),
    }
    return render(request, "handbook/questions.html", context)


@require_GET
def question_detail(request: HttpRequest, pk: int) -> HttpResponse:
    question = get_object_or_404(
        Question.objects.select_related("category"), pk=pk, state=QuestionState.PUBLISHED
    )
    return render(request, "handbook/question_detail.html", {"question": question})


@require_http_methods(["GET", "POST"])
def question_ask_view(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        return render(request, "handbook/ask.html", {"form": AskForm()})
    form = AskForm(request.POST)
    client = ratelimit.client_address(request)
    if ratelimit.hit_over("question_address", client):
        ratelimit.undo("question_address", client)
        form.add_error(
            None, _("Bạn đã gửi nhiều câu hỏi trong thời gian ngắn. Vui lòng thử lại sau.")
        )
        return render(request, "handbook/ask.html", {"form": form}, status=429)
    if form.is_valid():
        data = form.cleaned_data
        if data["website"]:
            # A robot: thank it as a person, keep nothing.
            messages.success(request, _("Đã gửi câu hỏi. Câu trả lời sẽ được đăng tại đây."))
            return redirect("handbook-questions")
        try:
            question_ask(
                title=data["title"],
                body=data["body"],
                asker_name=data["asker_name"],
                asker_email=data["asker_email"],
                category=data["category"],
                asked_at=timezone.now(),
                actor_label=f"public:{client}",
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request,
                _(
                    "Đã gửi câu hỏi. Câu hỏi và câu trả lời sẽ được đăng công khai sau khi "
                    "Ban biên tập trả lời."
                ),
            )
            return redirect("handbook-questions")
    return render(request, "handbook/ask.html", {"form": form})
