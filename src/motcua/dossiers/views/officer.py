"""Officers' dossier pages: the work list, the dossier page with the actions allowed now, the
one view every action form posts to, and scoped downloads (slips, components, results).

Every dossier is looked up through ``dossiers_visible_to``: another agency's dossier is a 404.
Every change goes through ``dossiers.services``; a refusal (``DomainError``) is shown to the
officer and changes nothing.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Prefetch, prefetch_related_objects
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from motcua.accounts.roles import Role
from motcua.audit.services import audit_read
from motcua.datastore.selectors import document_of, documents_of
from motcua.dossiers import forms_officer as f
from motcua.dossiers import services as s
from motcua.dossiers.api import document_response
from motcua.dossiers.authz import allowed_actions_for
from motcua.dossiers.models import Dossier, DossierDocument, DossierStep, Evaluation
from motcua.dossiers.panels import officer_panels
from motcua.dossiers.selectors import (
    deadline_text,
    dossiers_in_order,
    dossiers_visible_to,
    late_without_apology,
    mask,
    personal_numbers,
    work_list,
)
from motcua.dossiers.slips import TIMING_LABELS, SlipConversionError, control_sheet_docx
from motcua.dossiers.store_access import handling_allows_store, store_read_audited
from motcua.dossiers.workflow import ACTION_LABELS, OPEN_STATES, Action, State
from motcua.utils.errors import DomainError
from motcua.utils.pagination import CappedPaginator
from motcua.utils.uploads import file_download
from motcua.web.permissions import action_required
from motcua.web.views.public import render_fragment_or_page

WORK_LIST_PAGE_SIZE = 50
DUE_SOON = dt.timedelta(hours=24)
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def visible_dossier(request: HttpRequest, code: str) -> Dossier:
    """The dossier ``code`` if the user may see it, else 404 (never 403: that would reveal
    that it exists)."""
    return get_object_or_404(dossiers_visible_to(request.user), code=code)


def open_steps_prefetch() -> Prefetch:
    return Prefetch(
        "steps",
        queryset=DossierStep.objects.filter(finished_at__isnull=True)
        .select_related("agency", "assignee")
        .order_by("order"),
        to_attr="open_steps",
    )


def urgency(dossier: Dossier, now: dt.datetime) -> str:
    """``overdue`` past the due date, ``due-soon`` within 24 hours; paused dossiers (waiting
    for a supplement) and ended ones are neither."""
    if dossier.is_overdue(now):
        return "overdue"
    if (
        dossier.due_at
        and dossier.state in OPEN_STATES
        and dossier.state != State.AWAITING_SUPPLEMENT
        and dossier.due_at - now <= DUE_SOON
    ):
        return "due-soon"
    return ""


# ---- work list ----------------------------------------------------------------------------


@action_required("dossier.work")
def work_list_view(request: HttpRequest) -> HttpResponse:
    form = f.WorkListFilterForm(request.GET)
    now = timezone.now()
    # Sort and count narrow rows (ids), then load the page's 50 dossiers with what they show:
    # with 100,000 visible dossiers, sorting whole joined rows is what makes a list slow.
    # The count stops at 10.000 ("more than 10.000").
    rows = work_list(request.user, now=now, **form.filters())
    page = CappedPaginator(rows, WORK_LIST_PAGE_SIZE).get_page(request.GET.get("page"))
    page.object_list = dossiers_in_order(page.object_list)
    prefetch_related_objects(page.object_list, open_steps_prefetch())
    for dossier in page.object_list:
        dossier.urgency = urgency(dossier, now)
        dossier.current_step = dossier.open_steps[0] if dossier.open_steps else None
        dossier.masked_phone = mask(dossier.applicant_phone)
    return render_fragment_or_page(
        request,
        "dossiers/officer/work_list.html",
        "dossiers/officer/partials/work_list_table.html",
        {"form": form, "page": page, "now": now},
    )


@action_required("dossier.view_all")
def late_without_apology_view(request: HttpRequest) -> HttpResponse:
    """The controller's list of late dossiers without an apology (form 04)."""
    now = timezone.now()
    dossiers = late_without_apology(request.user, now=now).select_related("procedure", "agency")
    page = Paginator(dossiers, WORK_LIST_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "dossiers/officer/late_without_apology.html",
        {"page": page, "now": now},
    )


# ---- the dossier page ---------------------------------------------------------------------


def _run_return(user, dossier: Dossier, form: f.ReturnForm, now: dt.datetime) -> Dossier:
    # Returning and the evaluation recorded with it happen together or not at all.
    with transaction.atomic():
        dossier = s.dossier_return_result(actor=user, dossier=dossier, now=now, **form.kwargs())
        if (scores := form.scores()) is not None:
            dossier = s.dossier_evaluate(
                actor=user,
                dossier=dossier,
                scores=scores,
                now=now,
                comment=form.cleaned_data["comment"],
            )
    return dossier


def _service(function: Callable) -> Callable:
    return lambda user, dossier, form, now: function(
        actor=user, dossier=dossier, now=now, **form.kwargs()
    )


# action → (form, what it does). One table, so the page and the POST view agree.
ACTIONS: dict[Action, tuple[type[f.ActionForm], Callable]] = {
    Action.ACCEPT: (f.EmptyForm, _service(s.dossier_accept)),
    Action.REFUSE_INTAKE: (f.ReasonForm, _service(s.dossier_refuse_intake)),
    Action.TRANSFER: (f.EmptyForm, _service(s.dossier_transfer)),
    Action.ASSIGN: (f.AssignForm, _service(s.dossier_assign)),
    Action.FORWARD: (f.NoteForm, _service(s.dossier_forward)),
    Action.REQUEST_SUPPLEMENT: (f.SupplementRequestForm, _service(s.dossier_request_supplement)),
    Action.RECORD_SUPPLEMENT: (f.SupplementForm, _service(s.dossier_record_supplement)),
    Action.REQUEST_PAYMENT: (f.PaymentRequestForm, _service(s.dossier_request_payment)),
    Action.RECORD_PAYMENT: (f.PaymentForm, _service(s.dossier_record_payment)),
    Action.APPROVE: (f.ApproveForm, _service(s.dossier_approve)),
    Action.REFUSE: (f.ReasonForm, _service(s.dossier_refuse)),
    Action.STOP: (f.ReasonForm, _service(s.dossier_stop)),
    Action.WITHDRAW: (f.ReasonForm, _service(s.dossier_withdraw)),
    Action.APOLOGISE: (f.ApologyForm, _service(s.dossier_apologise)),
    Action.RETURN_RESULT: (f.ReturnForm, _run_return),
    Action.EVALUATE: (f.EvaluationForm, _service(s.dossier_evaluate)),
}
# Actions that end processing or cannot be undone ask for a confirmation in the browser.
DANGEROUS = frozenset(
    {Action.REFUSE_INTAKE, Action.REFUSE, Action.STOP, Action.WITHDRAW, Action.APPROVE}
)


def available_actions(user, dossier: Dossier) -> list[Action]:
    """The actions ``user`` may take on ``dossier`` now that have a form on this page: the
    authorisation module's answer, so no button is shown that would fail."""
    return [action for action in allowed_actions_for(user, dossier) if action in ACTIONS]


@dataclass
class ActionPanel:
    action: Action
    label: str
    form: f.ActionForm
    dangerous: bool
    multipart: bool


def _panels(actions: Iterable[Action], dossier: Dossier, bound: dict) -> list[ActionPanel]:
    panels = []
    for action in actions:
        form_class, _run = ACTIONS[action]
        form = bound.get(action) or form_class(prefix=action.value, dossier=dossier)
        panels.append(
            ActionPanel(
                action, ACTION_LABELS[action], form, action in DANGEROUS, form.is_multipart()
            )
        )
    return panels


EVENT_LABELS = {"recompute_deadline": "Tính lại hạn giải quyết (lịch làm việc thay đổi)"}


def _event_label(action: str) -> str:
    try:
        return ACTION_LABELS[Action(action)]
    except ValueError:
        return EVENT_LABELS.get(action, action)


def _step_timing(step: DossierStep) -> str:
    if step.finished_at is None:
        return "Đang xử lý" if step.started_at else "Chưa đến bước"
    if step.started_at is None:
        return "Không thực hiện"
    return TIMING_LABELS.get(step.timing, "")


def _handover_step(dossier: Dossier) -> DossierStep | None:
    """The desk's transfer as a step "0" (its own budget, from receipt to transfer), from the
    transfer's history entry; None for dossiers transferred before it was recorded."""
    event = dossier.events.filter(action=Action.TRANSFER).order_by("-at", "-id").first()
    if event is None or "transfer_due_at" not in event.data:
        return None
    return DossierStep(
        order=0,
        name=_("Bộ phận Một cửa chuyển hồ sơ"),
        agency=dossier.receiving_agency,
        role=Role.INTAKE_OFFICER,
        started_at=dossier.received_at,
        due_at=dt.datetime.fromisoformat(event.data["transfer_due_at"]),
        finished_at=event.at,
        budget_hours=Decimal(event.data["transfer_budget_hours"]),
    )


def _detail_response(
    request: HttpRequest, dossier: Dossier, *, bound: dict | None = None, status: int = 200
) -> HttpResponse:
    user = request.user
    dossier = (
        dossiers_visible_to(user)
        .prefetch_related("components", "documents", "supplements", "apologies")
        .get(pk=dossier.pk)
    )
    steps = list(dossier.steps.select_related("agency", "assignee").order_by("order"))
    step = next((x for x in steps if x.finished_at is None), None)
    if steps and (handover := _handover_step(dossier)) is not None:
        steps.insert(0, handover)
    for one in steps:
        one.timing_label = _step_timing(one)
    events = list(dossier.events.select_related("actor").order_by("at", "id"))
    for event in events:
        event.label = _event_label(event.action)
    # The applicant's own evaluation and the desk's on their behalf, each shown apart.
    evaluations = list(Evaluation.objects.filter(dossier=dossier).order_by("source"))
    actions = available_actions(user, dossier)
    bound = bound or {}
    # A refused action whose form is not offered now still says why it was refused.
    refused = [
        (ACTION_LABELS[action], form.errors)
        for action, form in bound.items()
        if action not in actions
    ]
    now = timezone.now()
    context = {
        "dossier": dossier,
        "urgency": urgency(dossier, now),
        "deadline_text": deadline_text(dossier),
        **personal_numbers(user, dossier),
        "steps": steps,
        "current_step": step,
        "events": events,
        "evaluations": evaluations,
        "panels": _panels(actions, dossier, bound),
        "refused": refused,
        "open_request": next((r for r in dossier.supplements.all() if r.supplied_at is None), None),
        "store_allowed": handling_allows_store(dossier),
        "extra_panels": officer_panels(request, dossier),
    }
    return render(request, "dossiers/officer/detail.html", context, status=status)


@action_required("dossier.work")
def dossier_detail(request: HttpRequest, code: str) -> HttpResponse:
    dossier = visible_dossier(request, code)
    audit_read(request, action="dossier.read", target=dossier)
    return _detail_response(request, dossier)


def _safe_next(request: HttpRequest) -> str:
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return ""


def _errors_text(form) -> str:
    return " ".join(str(e) for errors in form.errors.values() for e in errors)


@action_required("dossier.work")
@require_POST
def dossier_action(request: HttpRequest, code: str, action: str) -> HttpResponse:
    """Every action form of the dossier page (and of the desk lists) posts here."""
    try:
        chosen = Action(action)
    except ValueError:
        raise Http404 from None
    if chosen not in ACTIONS:
        raise Http404
    dossier = visible_dossier(request, code)
    form_class, run = ACTIONS[chosen]
    form = form_class(request.POST, request.FILES, prefix=chosen.value, dossier=dossier)
    back = _safe_next(request)
    if form.is_valid():
        try:
            run(request.user, dossier, form, timezone.now())
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request, f"Đã thực hiện «{ACTION_LABELS[chosen]}» cho hồ sơ {dossier.code}."
            )
            if back:
                return redirect(back)
            if not dossiers_visible_to(request.user).filter(pk=dossier.pk).exists():
                return redirect("officer-dossier-list")  # handed over to another agency
            return redirect("officer-dossier-detail", code=dossier.code)
    if back:
        messages.error(
            request,
            f"Chưa thực hiện «{ACTION_LABELS[chosen]}» ({dossier.code}): {_errors_text(form)}",
        )
        return redirect(back)
    return _detail_response(request, dossier, bound={chosen: form}, status=400)


# ---- downloads (always through the visible dossier, never a media path) --------------------


@action_required("dossier.work")
def dossier_document(request: HttpRequest, code: str, pk: int, fmt: str) -> HttpResponse:
    dossier = visible_dossier(request, code)
    document = get_object_or_404(DossierDocument, dossier=dossier, pk=pk)
    try:
        response = document_response(document, fmt)
    except (DomainError, SlipConversionError) as error:
        detail = (
            error.message
            if isinstance(error, DomainError)
            else _("Chưa tạo được bản PDF; vui lòng tải bản DOCX.")
        )
        messages.error(request, str(detail))
        return redirect("officer-dossier-detail", code=dossier.code)
    audit_read(request, action="dossier.download", target=dossier, file=f"document:{pk}.{fmt}")
    return response


def _file(field, filename: str) -> HttpResponseBase:
    return file_download(field, filename)


@action_required("dossier.work")
def dossier_component(request: HttpRequest, code: str, pk: int) -> HttpResponseBase:
    dossier = visible_dossier(request, code)
    component = get_object_or_404(dossier.components, pk=pk)
    name = component.original_name or component.file.name.rsplit("/", 1)[-1]
    response = _file(component.file, name.rsplit("/", 1)[-1])
    extra = (
        {"stored_document": str(component.stored_document.public_id)}
        if component.stored_document_id
        else {}
    )
    audit_read(request, action="dossier.download", target=dossier, file=f"component:{pk}", **extra)
    return response


_COMPONENT_PDFS = {"pdfa": ("pdfa", "pdfa"), "chung-thuc": ("certified_copy", "chung-thuc")}


@action_required("dossier.work")
def dossier_component_pdf(request: HttpRequest, code: str, pk: int, kind: str) -> HttpResponseBase:
    """The PDF/A of a scanned component (``pdfa``) or its certified copy (``chung-thuc``)."""
    if kind not in _COMPONENT_PDFS:
        raise Http404
    field, suffix = _COMPONENT_PDFS[kind]
    dossier = visible_dossier(request, code)
    component = get_object_or_404(dossier.components, pk=pk)
    response = _file(getattr(component, field), f"{dossier.code}-{pk}-{suffix}.pdf")
    audit_read(request, action="dossier.download", target=dossier, file=f"component:{pk}:{field}")
    return response


def _store_dossier(request: HttpRequest, code: str) -> Dossier:
    """A dossier the officer sees and is handling: it opens its applicant's store."""
    dossier = visible_dossier(request, code)
    if not handling_allows_store(dossier):
        raise PermissionDenied
    return dossier


@action_required("dossier.work")
def dossier_store(request: HttpRequest, code: str) -> HttpResponse:
    """The electronic data store of the dossier's applicant, while the dossier is handled."""
    dossier = _store_dossier(request, code)
    today = timezone.localdate()
    documents = list(documents_of(dossier.applicant_id_number))
    for document in documents:
        document.expired = not document.valid_on(today)
        document.download_url = reverse(
            "officer-dossier-store-document", args=[dossier.code, document.public_id]
        )
    store_read_audited(
        request, identifier=dossier.applicant_id_number, at="dossier", dossier=dossier.code
    )
    return render(
        request,
        "dossiers/officer/store.html",
        {"dossier": dossier, "documents": documents},
    )


@action_required("dossier.work")
def dossier_store_document(
    request: HttpRequest, code: str, public_id: uuid.UUID
) -> HttpResponseBase:
    dossier = _store_dossier(request, code)
    document = document_of(dossier.applicant_id_number, public_id)
    if document is None:
        raise Http404
    response = _file(document.file, document.original_name or document.file.name.rsplit("/", 1)[-1])
    store_read_audited(
        request,
        identifier=dossier.applicant_id_number,
        at="dossier",
        dossier=dossier.code,
        file=str(document.public_id),
    )
    return response


@action_required("dossier.work")
def dossier_result(request: HttpRequest, code: str) -> HttpResponseBase:
    dossier = visible_dossier(request, code)
    extension = dossier.result_file.name.rsplit(".", 1)[-1] if dossier.result_file else ""
    response = _file(dossier.result_file, f"{dossier.code}-ket-qua.{extension}")
    audit_read(request, action="dossier.download", target=dossier, file="result")
    return response


@action_required("dossier.work")
def dossier_result_signed(request: HttpRequest, code: str) -> HttpResponseBase:
    """The result as issued: the PDF signed by the approver and sealed by the agency."""
    dossier = visible_dossier(request, code)
    response = _file(dossier.result_pdf, f"{dossier.code}-ket-qua-ky-so.pdf")
    audit_read(request, action="dossier.download", target=dossier, file="result_pdf")
    return response


@action_required("dossier.work")
def dossier_control_sheet(request: HttpRequest, code: str) -> HttpResponse:
    dossier = visible_dossier(request, code)
    response = HttpResponse(control_sheet_docx(dossier), content_type=DOCX)
    response["Content-Disposition"] = f'attachment; filename="{dossier.code}-phieu-kiem-soat.docx"'
    audit_read(request, action="dossier.download", target=dossier, file="control_sheet")
    return response
