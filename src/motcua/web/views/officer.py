"""Officer pages: the officer's home and catalog management (procedures, decisions,
shortenings). Permissions are the actions of accounts/roles.py."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from motcua.agencies.models import Province
from motcua.procedures.models import Decision, Procedure, ProcedureStatus
from motcua.procedures.selectors import (
    procedure_history,
    procedure_search,
    shortening_list,
    shortening_total_saving,
)
from motcua.procedures.services import decision_save, procedure_save
from motcua.utils.errors import DomainError
from motcua.web.forms import (
    ComponentFormSet,
    DecisionForm,
    OfficerCatalogFilterForm,
    ProcedureForm,
    component_initial,
)
from motcua.web.history import describe_history
from motcua.web.permissions import action_required
from motcua.web.views.public import PAGE_SIZE, render_fragment_or_page

COMPONENTS_PREFIX = "components"


@login_required
def officer_home(request: HttpRequest) -> HttpResponse:
    return render(request, "web/officer/home.html")


@action_required("catalog.manage")
def procedure_list(request: HttpRequest) -> HttpResponse:
    form = OfficerCatalogFilterForm(request.GET)
    procedures = procedure_search(**form.filters(), include_abolished=True)
    if status := form.cleaned_data.get("status"):
        procedures = procedures.filter(status=status)
    page = Paginator(procedures, PAGE_SIZE).get_page(request.GET.get("page"))
    return render_fragment_or_page(
        request,
        "web/officer/procedure_list.html",
        "web/officer/partials/procedure_results.html",
        {"form": form, "page": page},
    )


@action_required("catalog.manage")
@require_http_methods(["GET", "POST"])
def procedure_create(request: HttpRequest) -> HttpResponse:
    return _procedure_form(request, procedure=None)


@action_required("catalog.manage")
@require_http_methods(["GET", "POST"])
def procedure_edit(request: HttpRequest, code: str) -> HttpResponse:
    procedure = get_object_or_404(Procedure.objects.prefetch_related("components"), code=code)
    return _procedure_form(request, procedure=procedure)


def _procedure_form(request: HttpRequest, *, procedure: Procedure | None) -> HttpResponse:
    initial = component_initial(procedure) if procedure else []
    if request.method == "POST":
        form = ProcedureForm(request.POST, instance=procedure)
        formset = ComponentFormSet(request.POST, initial=initial, prefix=COMPONENTS_PREFIX)
        if form.is_valid() and formset.is_valid():
            code = procedure.code if procedure else form.cleaned_data["code"]
            try:
                saved, changed = procedure_save(
                    code=code,
                    values=form.values(),
                    components=formset.components(),
                    valid_from=form.valid_from_instant(),
                    actor=request.user,
                )
            except ValidationError as error:
                for message in error.messages:
                    form.add_error(None, message)
            else:
                if changed:
                    messages.success(
                        request,
                        _("Đã lưu thủ tục %(code)s, phiên bản %(version)s.")
                        % {"code": saved.code, "version": saved.version},
                    )
                else:
                    messages.info(request, _("Không có thay đổi nào để lưu."))
                return redirect("officer-procedure-history", code=saved.code)
    else:
        form = ProcedureForm(instance=procedure)
        formset = ComponentFormSet(initial=initial, prefix=COMPONENTS_PREFIX)
    return render(
        request,
        "web/officer/procedure_form.html",
        {"form": form, "formset": formset, "procedure": procedure},
    )


@action_required("catalog.manage")
def procedure_history_view(request: HttpRequest, code: str) -> HttpResponse:
    procedure = get_object_or_404(Procedure, code=code)
    entries = describe_history(procedure_history(procedure=procedure))
    return render(
        request,
        "web/officer/procedure_history.html",
        {"procedure": procedure, "entries": entries},
    )


@action_required("catalog.manage")
@require_http_methods(["GET", "POST"])
def procedure_abolish(request: HttpRequest, code: str) -> HttpResponse:
    procedure = get_object_or_404(Procedure, code=code)
    if procedure.status == ProcedureStatus.ABOLISHED:
        messages.info(request, _("Thủ tục %(code)s đã bị bãi bỏ trước đó.") % {"code": code})
        return redirect("officer-procedure-list")
    if request.method == "POST":
        saved, _changed = procedure_save(
            code=code, values={"status": ProcedureStatus.ABOLISHED}, actor=request.user
        )
        messages.success(
            request,
            _("Đã bãi bỏ thủ tục %(code)s (phiên bản %(version)s).")
            % {"code": code, "version": saved.version},
        )
        return redirect("officer-procedure-list")
    return render(request, "web/officer/procedure_abolish.html", {"procedure": procedure})


@action_required("decision.manage")
def decision_list(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()
    decisions = Decision.objects.annotate(procedure_count=Count("procedures")).order_by(
        "-date", "number"
    )
    if query:
        decisions = decisions.filter(Q(number__icontains=query) | Q(title__icontains=query))
    page = Paginator(decisions, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "web/officer/decision_list.html", {"page": page, "query": query})


@action_required("decision.manage")
@require_http_methods(["GET", "POST"])
def decision_create(request: HttpRequest) -> HttpResponse:
    return _decision_form(request, decision=None)


@action_required("decision.manage")
@require_http_methods(["GET", "POST"])
def decision_edit(request: HttpRequest, pk: int) -> HttpResponse:
    return _decision_form(request, decision=get_object_or_404(Decision, pk=pk))


def _decision_form(request: HttpRequest, *, decision: Decision | None) -> HttpResponse:
    if request.method == "POST":
        form = DecisionForm(request.POST, request.FILES, instance=decision)
        if form.is_valid():
            try:
                saved = decision_save(actor=request.user, decision=decision, **form.changes())
            except DomainError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("Đã lưu quyết định %(number)s.") % {"number": saved})
                return redirect("officer-decision-list")
    else:
        form = DecisionForm(instance=decision)
    return render(request, "web/officer/decision_form.html", {"form": form, "decision": decision})


@action_required("shortening.manage")
def shortening_list_view(request: HttpRequest) -> HttpResponse:
    province = Province.objects.filter(pk=1).first()
    hourly_cost = province.hourly_cost_vnd if province else 0
    shortenings = list(shortening_list(hourly_cost_vnd=hourly_cost))
    total = shortening_total_saving(hourly_cost_vnd=hourly_cost)
    procedures = len({s.procedure_id for s in shortenings})
    return render(
        request,
        "web/officer/shortening_list.html",
        {
            "shortenings": shortenings,
            "hourly_cost": hourly_cost,
            "total": total,
            "average": total / procedures if procedures else 0,
            "procedure_count": procedures,
        },
    )
