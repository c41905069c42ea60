"""The one-stop desk (Bộ phận Một cửa): online submissions waiting for intake, counter intake
printing slip 01, results to return, and the register (Sổ theo dõi hồ sơ)."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from motcua.agencies.selectors import agency_descendant_ids
from motcua.audit.services import audit_read
from motcua.dossiers import forms_officer as f
from motcua.dossiers.models import CounterVisit, Dossier, VisitOutcome
from motcua.dossiers.selectors import (
    deadline_text,
    dossier_search,
    dossiers_visible_to,
    mask,
    visit_counts,
    visit_filter,
)
from motcua.dossiers.services import counter_visit_record, dossier_receive
from motcua.dossiers.slips import SlipConversionError, register_docx, slip_pdf
from motcua.dossiers.slips.issue import slip_file_name
from motcua.dossiers.store_access import intake_reusable
from motcua.dossiers.views.officer import DOCX, WORK_LIST_PAGE_SIZE, visible_dossier
from motcua.dossiers.workflow import Action, State
from motcua.procedures.selectors import procedure_search
from motcua.utils.errors import DomainError
from motcua.utils.storage import StorageUnavailable
from motcua.utils.uploads import file_download, stored_or_pending_download
from motcua.web.permissions import action_required

SUGGESTIONS = 10


def _desk_dossiers(request: HttpRequest, state: State):
    """Dossiers in ``state`` received by the user's desk or a desk below it."""
    agency = request.user.agency
    if agency is None:
        return Dossier.objects.none()
    return dossiers_visible_to(request.user).filter(
        state=state, receiving_agency_id__in=agency_descendant_ids(agency)
    )


def _rows(page, forms: dict[str, type]) -> None:
    """Attach one small form per action to each row, with ids unique on the page."""
    for dossier in page.object_list:
        dossier.masked_phone = mask(dossier.applicant_phone)
        dossier.forms = {
            name: form_class(prefix=name, auto_id=f"id_{dossier.pk}_%s", dossier=dossier)
            for name, form_class in forms.items()
        }


@action_required("dossier.desk")
def desk_queue(request: HttpRequest) -> HttpResponse:
    dossiers = _desk_dossiers(request, State.SUBMITTED).order_by("submitted_at", "id")
    page = Paginator(dossiers, WORK_LIST_PAGE_SIZE).get_page(request.GET.get("page"))
    _rows(
        page,
        {
            Action.REFUSE_INTAKE.value: f.ReasonForm,
            Action.REQUEST_SUPPLEMENT.value: f.SupplementRequestForm,
        },
    )
    return render(request, "dossiers/officer/desk_queue.html", {"page": page, "tab": "queue"})


@action_required("dossier.desk")
def desk_returns(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "")[:100]
    dossiers = dossier_search(_desk_dossiers(request, State.RESOLVED), query)
    page = Paginator(dossiers.order_by("ended_at", "id"), WORK_LIST_PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    _rows(page, {Action.RETURN_RESULT.value: f.ReturnForm})
    return render(
        request,
        "dossiers/officer/desk_returns.html",
        {"page": page, "tab": "returns", "query": query.strip()},
    )


@action_required("dossier.desk")
@require_GET
def desk_return_evaluation(request: HttpRequest, code: str) -> HttpResponse:
    """htmx: the desk's evaluation fields of one result to return, loaded when its panel opens
    (the returns desk lists many results; each one's 9 indicators are not sent up front)."""
    dossier = get_object_or_404(_desk_dossiers(request, State.RESOLVED), code=code)
    form = f.ReturnForm(
        prefix=Action.RETURN_RESULT.value, auto_id=f"id_{dossier.pk}_%s", dossier=dossier
    )
    return render(request, "dossiers/officer/partials/indicators.html", {"form": form})


# ---- counter intake -----------------------------------------------------------------------


@action_required("dossier.desk")
@require_http_methods(["GET", "POST"])
def desk_intake(request: HttpRequest) -> HttpResponse:
    desk = request.user.agency
    if request.method == "GET":
        procedure = f.resolve_procedure(request.GET.get("procedure", ""))
        form = f.IntakeForm(
            procedure=procedure,
            desk=desk,
            initial={"procedure": procedure.code} if procedure else None,
        )
        return _intake_page(request, form)
    procedure = f.resolve_procedure(request.POST.get("procedure", ""))
    intent = request.POST.get("intent", "receive")
    identifier = "".join(request.POST.get("applicant_id_number", "").split()).upper()
    reusable = intake_reusable(request, procedure=procedure, identifier=identifier)
    form = f.IntakeForm(
        request.POST,
        request.FILES,
        procedure=procedure,
        desk=desk,
        intent=intent,
        reusable=reusable,
    )
    if not form.is_valid() or intent == "store":
        if procedure is not None and (intent == "store" or form.has_error("__all__", "checklist")):
            # Show the procedure's checklist (prefilled) with what was typed so far.
            typed = {
                name: request.POST.get(name)
                for name in f.IntakeForm.base_fields
                if name != "checklist_for"
            }
            form = f.IntakeForm(
                initial={**typed, "procedure": procedure.code},
                procedure=procedure,
                desk=desk,
                reusable=reusable,
            )
            return _intake_page(
                request,
                form,
                checklist_notice=intent != "store",
                store_notice=intent == "store",
                store_found=bool(reusable),
            )
        return _intake_page(request, form, status=400)
    data = form.cleaned_data
    if form.intent != "receive":
        return _record_visit(request, form)
    try:
        dossier = dossier_receive(
            actor=request.user,
            procedure=procedure,
            applicant=form.applicant(),
            components=form.components(),
            now=timezone.now(),
            channel=data["channel"],
            agency=data.get("agency"),
            sets=data["sets"],
            note=data["note"],
        )
    except DomainError as error:
        form.add_error(None, error.message)
        return _intake_page(request, form, status=400)
    return redirect("desk-intake-done", code=dossier.code)


def _record_visit(request: HttpRequest, form: f.IntakeForm) -> HttpResponse:
    """Guidance (form 02) or refusal (form 03) without receiving: a counter visit."""
    data = form.cleaned_data
    try:
        visit = counter_visit_record(
            actor=request.user,
            procedure=form.chosen,
            applicant=form.applicant(),
            outcome=form.intent,
            items=form.missing_items() if form.intent == VisitOutcome.GUIDANCE else "",
            reason=data["visit_reason"],
            agency=data.get("agency"),
            now=timezone.now(),
        )
    except DomainError as error:
        form.add_error(None, error.message)
        return _intake_page(request, form, status=400)
    return redirect("desk-visit", pk=visit.pk)


def _intake_page(
    request: HttpRequest,
    form: f.IntakeForm,
    *,
    checklist_notice: bool = False,
    store_notice: bool = False,
    store_found: bool = False,
    status: int = 200,
) -> HttpResponse:
    return render(
        request,
        "dossiers/officer/intake.html",
        {
            "form": form,
            "procedure": form.chosen,
            "checklist_notice": checklist_notice,
            "store_notice": store_notice,
            "store_found": store_found,
            "tab": "intake",
        },
        status=status,
    )


@action_required("dossier.desk")
@require_GET
def desk_procedure_suggest(request: HttpRequest) -> HttpResponse:
    """htmx: procedures matching what the officer typed (code or words), for the picker."""
    query = request.GET.get("procedure", "").strip()
    procedures = list(procedure_search(query=query, ranked=True)[:SUGGESTIONS]) if query else []
    return render(
        request,
        "dossiers/officer/partials/procedure_suggestions.html",
        {"procedures": procedures, "query": query},
    )


@action_required("dossier.desk")
@require_GET
def desk_intake_checklist(request: HttpRequest) -> HttpResponse:
    """htmx: the chosen procedure's agency choice and component checklist."""
    procedure = f.resolve_procedure(request.GET.get("procedure", ""))
    form = f.IntakeForm(procedure=procedure, desk=request.user.agency)
    return render(
        request,
        "dossiers/officer/partials/intake_procedure.html",
        {"form": form, "procedure": procedure},
    )


@action_required("dossier.desk")
def desk_intake_done(request: HttpRequest, code: str) -> HttpResponse:
    dossier = visible_dossier(request, code)
    receipt = dossier.documents.filter(kind="receipt").order_by("-created_at", "-id").first()
    return render(
        request,
        "dossiers/officer/intake_done.html",
        {
            "dossier": dossier,
            "receipt": receipt,
            "deadline_text": deadline_text(dossier),
            "tab": "intake",
        },
    )


# ---- counter visits (guidance, refusal) ---------------------------------------------------


def _desk_visits(request: HttpRequest):
    agency = request.user.agency
    if agency is None:
        return CounterVisit.objects.none()
    return CounterVisit.objects.filter(desk_id__in=agency_descendant_ids(agency)).select_related(
        "procedure", "officer", "desk"
    )


@action_required("dossier.desk")
@require_GET
def desk_visits(request: HttpRequest) -> HttpResponse:
    """Visits of the desk that ended with guidance or a refusal, newest first, by period."""
    form = f.VisitFilterForm(request.GET or None)
    visits = _desk_visits(request)
    if form.is_bound and form.is_valid():
        visits = visit_filter(visits, **form.cleaned_data)
    page = Paginator(visits, WORK_LIST_PAGE_SIZE).get_page(request.GET.get("page"))
    for visit in page.object_list:
        visit.masked_phone = mask(visit.applicant_phone)
    return render(
        request,
        "dossiers/officer/desk_visits.html",
        {"form": form, "page": page, "tab": "visits", "counts": visit_counts(visits)},
        status=400 if form.is_bound and not form.is_valid() else 200,
    )


@action_required("dossier.desk")
@require_GET
def desk_visit(request: HttpRequest, pk: int) -> HttpResponse:
    visit = get_object_or_404(_desk_visits(request), pk=pk)
    visit.masked_phone = mask(visit.applicant_phone)
    return render(request, "dossiers/officer/desk_visit.html", {"visit": visit, "tab": "visits"})


@action_required("dossier.desk")
@require_GET
def desk_visit_slip(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    visit = get_object_or_404(_desk_visits(request), pk=pk)
    name = slip_file_name(visit, fmt)
    if fmt == "pdf" and visit.signed_pdf:  # sealed by the desk's agency
        response = file_download(visit.signed_pdf, name)
    elif fmt == "pdf":
        try:
            available = slip_pdf(visit) is not None
        except SlipConversionError:
            available = False
        except StorageUnavailable as error:
            messages.error(request, error.message)
            return redirect("desk-visit", pk=visit.pk)
        if not available:
            messages.error(request, str(_("Chưa tạo được bản PDF; vui lòng tải bản DOCX.")))
            return redirect("desk-visit", pk=visit.pk)
        response = file_download(visit.pdf, name)
    elif fmt == "docx":
        response = stored_or_pending_download(visit.docx, visit.content, name)
    else:
        raise Http404
    audit_read(request, action="counter_visit.download", target=visit, file=fmt)
    return response


# ---- register -----------------------------------------------------------------------------


@action_required("dossier.desk")
@require_GET
def desk_register(request: HttpRequest) -> HttpResponse:
    """Sổ theo dõi hồ sơ of the user's desk for a period, as DOCX."""
    if "date_from" not in request.GET:
        today = timezone.localdate()
        form = f.RegisterForm(initial={"date_from": today.replace(day=1), "date_to": today})
        return render(request, "dossiers/officer/register.html", {"form": form, "tab": "register"})
    form = f.RegisterForm(request.GET)
    if not form.is_valid() or request.user.agency is None:
        return render(
            request, "dossiers/officer/register.html", {"form": form, "tab": "register"}, status=400
        )
    start, end = form.cleaned_data["date_from"], form.cleaned_data["date_to"]
    data = register_docx(agency=request.user.agency, date_from=start, date_to=end)
    audit_read(
        request,
        action="register.export",
        target=request.user.agency,
        date_from=start.isoformat(),
        date_to=end.isoformat(),
    )
    response = HttpResponse(data, content_type=DOCX)
    response["Content-Disposition"] = (
        f'attachment; filename="so-theo-doi-{start:%Y%m%d}-{end:%Y%m%d}.docx"'
    )
    return response
