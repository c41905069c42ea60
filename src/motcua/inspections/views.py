"""Pages of inspections (mounted at /can-bo/kiem-tra/).

The provincial office (``inspection.manage``): the plan of a year and its progress by quarter,
surprise inspections, the late recommendations, each agency's history, the inspection's page
with only the actions ``authz.allowed`` gives. The inspected agency (``inspection.respond``):
its recommendations and the report on each. Every change goes through ``services``; a refusal
(``DomainError``) is shown on the form and changes nothing. Files go out only through
``file_download`` after the reader is authorised.
"""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from motcua.agencies.selectors import agencies_visible_to
from motcua.inspections import forms as f
from motcua.inspections import services as s
from motcua.inspections.authz import allowed, recommendations_visible_to
from motcua.inspections.models import (
    Inspection,
    InspectionAttachment,
    InspectionPlan,
    Recommendation,
    RecommendationReport,
    RecommendationState,
)
from motcua.inspections.rules import inspection_closed, recommendation_late
from motcua.inspections.selectors import (
    agency_inspections,
    inspections_of_plan,
    late_recommendations,
    plan_progress,
    recommendation_counts,
    surprise_inspections_of_year,
)
from motcua.utils.errors import DomainError
from motcua.utils.uploads import file_download
from motcua.web.permissions import action_required

MANAGE = "inspection.manage"
RESPOND = "inspection.respond"


def _mark(recommendation: Recommendation, today: dt.date) -> Recommendation:
    recommendation.late = recommendation_late(
        state=recommendation.state,
        due_on=recommendation.due_on,
        completed_on=recommendation.completed_on,
        today=today,
    )
    recommendation.days_overdue = (
        (today - recommendation.due_on).days
        if recommendation.state == RecommendationState.OPEN and recommendation.late
        else 0
    )
    return recommendation


def _summarise(inspection: Inspection, today: dt.date) -> Inspection:
    inspection.counts = recommendation_counts(inspection, today=today)
    inspection.closed = inspection_closed(
        held=inspection.inspected_on is not None,
        states=[r.state for r in inspection.recommendations.all()],
    )
    return inspection


# ---- the plan of a year -----------------------------------------------------------------------


@action_required(MANAGE)
def home(request: HttpRequest) -> HttpResponse:
    return redirect("inspection-plan", year=timezone.localdate().year)


@action_required(MANAGE)
def plan_view(request: HttpRequest, year: int) -> HttpResponse:
    today = timezone.localdate()
    plan = InspectionPlan.objects.filter(year=year).first()
    inspections = [_summarise(i, today) for i in inspections_of_plan(plan)] if plan else []
    surprise = [_summarise(i, today) for i in surprise_inspections_of_year(year)]
    progress = plan_progress(plan, today=today) if plan else []
    planned = sum(p.planned for p in progress)
    done = sum(p.done for p in progress)
    return render(
        request,
        "inspections/plan.html",
        {
            "year": year,
            "plan": plan,
            "inspections": inspections,
            "surprise": surprise,
            "progress": progress,
            "planned": planned,
            "done": done,
            "rate": done / planned * 100 if planned else None,
            "years": sorted(
                {year, today.year, *InspectionPlan.objects.values_list("year", flat=True)},
                reverse=True,
            ),
        },
    )


@action_required(MANAGE)
@require_http_methods(["GET", "POST"])
def plan_create(request: HttpRequest, year: int) -> HttpResponse:
    form = f.PlanForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            s.inspection_plan_create(
                year=year, today=timezone.localdate(), actor=request.user, **form.cleaned_data
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Đã lưu kế hoạch kiểm tra năm %(year)s.") % {"year": year})
            return redirect("inspection-plan", year=year)
    return render(request, "inspections/form.html", _form_page(form, year, "plan"))


@action_required(MANAGE)
@require_http_methods(["GET", "POST"])
def plan_add(request: HttpRequest, year: int) -> HttpResponse:
    plan = get_object_or_404(InspectionPlan, year=year)
    form = f.PlanAddForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            inspection = s.inspection_plan_add(
                plan=plan,
                agency=form.cleaned_data["agency"],
                quarter=form.cleaned_data["quarter"],
                team=form.team(),
                actor=request.user,
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request,
                _("Đã thêm %(agency)s vào kế hoạch.") % {"agency": inspection.agency.name},
            )
            if "again" in request.POST:
                return redirect("inspection-plan-add", year=year)
            return redirect("inspection-plan", year=year)
    return render(request, "inspections/form.html", _form_page(form, year, "add"))


@action_required(MANAGE)
@require_http_methods(["GET", "POST"])
def surprise_create(request: HttpRequest) -> HttpResponse:
    form = f.SurpriseForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            inspection = s.inspection_surprise_record(
                agency=data["agency"],
                inspected_on=data["inspected_on"],
                decision_number=data["decision_number"],
                decision_date=data["decision_date"],
                decision_file=data["decision_file"],
                team=form.team(),
                findings=data["findings"],
                today=timezone.localdate(),
                actor=request.user,
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Đã ghi nhận cuộc kiểm tra đột xuất."))
            return redirect("inspection-detail", pk=inspection.pk)
    year = timezone.localdate().year
    return render(request, "inspections/form.html", _form_page(form, year, "surprise"))


def _form_page(form, year: int, kind: str) -> dict:
    titles = {
        "plan": _("Kế hoạch kiểm tra năm %(year)s") % {"year": year},
        "add": _("Thêm cơ quan vào kế hoạch năm %(year)s") % {"year": year},
        "surprise": _("Ghi nhận kiểm tra đột xuất"),
    }
    return {"form": form, "year": year, "kind": kind, "title": titles[kind]}


@action_required(MANAGE)
def plan_file(request: HttpRequest, year: int) -> HttpResponseBase:
    plan = get_object_or_404(InspectionPlan, year=year)
    return file_download(plan.decision_file)


# ---- lists of the office ----------------------------------------------------------------------


@action_required(MANAGE)
def late_view(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    rows = [
        _mark(r, today) for r in late_recommendations(Recommendation.objects.all(), today=today)
    ]
    return render(request, "inspections/late.html", {"rows": rows, "today": today})


@action_required(MANAGE)
def agencies_view(request: HttpRequest) -> HttpResponse:
    agencies = (
        agencies_visible_to(request.user)
        .annotate(held=Count("inspections", filter=Q(inspections__inspected_on__isnull=False)))
        .filter(inspections__isnull=False)
        .distinct()
        .order_by("name")
    )
    return render(request, "inspections/agencies.html", {"agencies": agencies})


@action_required(MANAGE)
def agency_history(request: HttpRequest, pk: int) -> HttpResponse:
    agency = get_object_or_404(agencies_visible_to(request.user), pk=pk)
    today = timezone.localdate()
    inspections = [_summarise(i, today) for i in agency_inspections(agency)]
    return render(
        request, "inspections/agency.html", {"agency": agency, "inspections": inspections}
    )


# ---- the inspection's page --------------------------------------------------------------------


def _detail(
    request: HttpRequest, inspection: Inspection, status: int = 200, **bound
) -> HttpResponse:
    today = timezone.localdate()
    inspection = (
        Inspection.objects.select_related("agency", "plan")
        .prefetch_related("members", "attachments", "recommendations__owner")
        .get(pk=inspection.pk)
    )
    acts = allowed(request.user, inspection)
    recommendations = []
    for recommendation in inspection.recommendations.all():
        _mark(recommendation, today)
        recommendation.acts = allowed(request.user, recommendation)
        recommendation.last_report = recommendation.reports.order_by("-reported_at", "-pk").first()
        recommendations.append(recommendation)
    context = {
        "inspection": _summarise(inspection, today),
        "acts": acts,
        "recommendations": recommendations,
        "hold_form": bound.get("hold_form")
        or f.HoldForm(initial={"inspected_on": today if "hold" in acts else None}),
        "attach_form": bound.get("attach_form") or f.AttachForm(),
        "recommendation_form": bound.get("recommendation_form")
        or f.RecommendationForm(inspection=inspection),
        "answer_form": f.AnswerForm(),
    }
    return render(request, "inspections/detail.html", context, status=status)


@action_required(MANAGE)
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _detail(request, get_object_or_404(Inspection, pk=pk))


def _act_on_inspection(
    request: HttpRequest,
    pk: int,
    form_class,
    form_key: str,
    service,
    done: str,
    *,
    dated: bool = False,
    bound_to_inspection: bool = False,
) -> HttpResponse:
    """One of the inspection page's forms posted: ``service`` called with the form's data (and
    today's date when ``dated``), or the page again with the form's errors, nothing changed."""
    inspection = get_object_or_404(Inspection, pk=pk)
    kwargs = {"inspection": inspection} if bound_to_inspection else {}
    form = form_class(request.POST, request.FILES, **kwargs)
    if form.is_valid():
        extra = {"today": timezone.localdate()} if dated else {}
        try:
            service(inspection=inspection, actor=request.user, **extra, **form.cleaned_data)
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, done)
            return redirect("inspection-detail", pk=pk)
    return _detail(request, inspection, status=400, **{form_key: form})


@action_required(MANAGE)
@require_POST
def hold(request: HttpRequest, pk: int) -> HttpResponse:
    return _act_on_inspection(
        request,
        pk,
        f.HoldForm,
        "hold_form",
        s.inspection_hold,
        _("Đã ghi nhận cuộc kiểm tra đã diễn ra."),
        dated=True,
    )


@action_required(MANAGE)
@require_POST
def attach(request: HttpRequest, pk: int) -> HttpResponse:
    return _act_on_inspection(
        request, pk, f.AttachForm, "attach_form", s.inspection_attach, _("Đã đính kèm tài liệu.")
    )


@action_required(MANAGE)
@require_POST
def recommend(request: HttpRequest, pk: int) -> HttpResponse:
    return _act_on_inspection(
        request,
        pk,
        f.RecommendationForm,
        "recommendation_form",
        s.recommendation_add,
        _("Đã thêm kiến nghị."),
        dated=True,
        bound_to_inspection=True,
    )


@action_required(MANAGE)
@require_POST
def answer(request: HttpRequest, pk: int) -> HttpResponse:
    recommendation = get_object_or_404(Recommendation, pk=pk)
    form = f.AnswerForm(request.POST)
    form.is_valid()
    text = form.cleaned_data.get("answer", "")
    try:
        if request.POST.get("decision") == "accept":
            s.recommendation_accept(
                recommendation=recommendation, answer=text, now=timezone.now(), actor=request.user
            )
            messages.success(request, _("Đã xác nhận kiến nghị đã thực hiện."))
        else:
            s.recommendation_reopen(
                recommendation=recommendation, reason=text, now=timezone.now(), actor=request.user
            )
            messages.success(request, _("Đã yêu cầu đơn vị thực hiện lại kiến nghị."))
    except DomainError as error:
        messages.error(request, error.message)
    return redirect("inspection-detail", pk=recommendation.inspection_id)


@action_required(MANAGE)
def attachment_file(request: HttpRequest, pk: int, attachment: int) -> HttpResponseBase:
    found = get_object_or_404(InspectionAttachment, pk=attachment, inspection_id=pk)
    return file_download(found.file)


@action_required(MANAGE)
def decision_file(request: HttpRequest, pk: int) -> HttpResponseBase:
    return file_download(get_object_or_404(Inspection, pk=pk).decision_file)


# ---- the inspected agency ---------------------------------------------------------------------


@action_required(RESPOND)
def agency_recommendations(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    rows = [
        _mark(r, today)
        for r in recommendations_visible_to(request.user)
        .select_related("inspection__agency", "owner")
        .order_by("state", "due_on", "pk")
    ]
    for row in rows:
        row.acts = allowed(request.user, row)
    return render(request, "inspections/agency_recommendations.html", {"rows": rows})


@action_required(RESPOND)
@require_http_methods(["GET", "POST"])
def agency_report(request: HttpRequest, pk: int) -> HttpResponse:
    recommendation = get_object_or_404(
        recommendations_visible_to(request.user).select_related("inspection__agency", "owner"),
        pk=pk,
    )
    today = timezone.localdate()
    form = f.ReportForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                s.recommendation_report(
                    recommendation=recommendation,
                    text=form.cleaned_data["text"],
                    done_on=form.cleaned_data["done_on"],
                    evidence=form.cleaned_data["evidence"],
                    today=today,
                    actor=request.user,
                )
            except DomainError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("Đã gửi báo cáo thực hiện kiến nghị."))
                return redirect("inspection-agency-recommendations")
    _mark(recommendation, today)
    return render(
        request,
        "inspections/agency_report.html",
        {
            "recommendation": recommendation,
            "form": form,
            "acts": allowed(request.user, recommendation),
            "reports": recommendation.reports.all(),
        },
        status=status,
    )


@action_required(RESPOND)
def agency_evidence(request: HttpRequest, pk: int, report: int) -> HttpResponseBase:
    return _evidence(request, pk, report)


@action_required(MANAGE)
def evidence(request: HttpRequest, pk: int, report: int) -> HttpResponseBase:
    return _evidence(request, pk, report)


def _evidence(request: HttpRequest, pk: int, report: int) -> HttpResponseBase:
    if not recommendations_visible_to(request.user).filter(pk=pk).exists():
        raise Http404
    found = get_object_or_404(RecommendationReport, pk=report, recommendation_id=pk)
    return file_download(found.evidence)
