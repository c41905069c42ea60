"""Officer pages of feedback handling: the queue (by state and deadline, overdue first) and
the item's page with a form for each action the officer may take now (``authz``)."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from motcua.agencies.models import Agency
from motcua.audit.services import audit_read
from motcua.feedback import forms as f
from motcua.feedback import services as s
from motcua.feedback.authz import allowed_actions_for, visible_feedback
from motcua.feedback.models import Feedback
from motcua.feedback.selectors import (
    current_deadline,
    feedback_queue,
    is_overdue,
    masked_contact,
    masked_subject,
)
from motcua.feedback.workflow import ACTION_LABELS, Action
from motcua.utils.errors import DomainError
from motcua.utils.uploads import file_download
from motcua.web.permissions import action_required

T = "feedback/officer"
PAGE_SIZE = 50

# action → (form, service call). One table, so the page and the POST view agree.
ACTIONS: dict[Action, tuple[type[f.ActionForm], Callable]] = {
    Action.CLASSIFY: (f.ClassifyForm, s.feedback_classify),
    Action.CLOSE: (f.CloseForm, s.feedback_close),
    Action.MERGE: (f.MergeForm, s.feedback_merge),
    Action.REQUEST_INFO: (f.RequestInfoForm, s.feedback_request_info),
    Action.ASSIGN: (f.AssignForm, s.feedback_assign),
    Action.DRAFT: (f.DraftForm, s.feedback_draft),
    Action.APPROVE: (f.ApproveForm, s.feedback_approve),
    Action.RETURN: (f.ReturnForm, s.feedback_return),
    Action.PUBLISH: (f.PublishForm, s.feedback_publish_answer),
}
DANGEROUS = {Action.CLOSE, Action.MERGE, Action.PUBLISH, Action.APPROVE}


def visible_item(request: HttpRequest, code: str) -> Feedback:
    """The item if the user may see it, else 404 (never 403: that would reveal it exists)."""
    items = visible_feedback(request.user)
    return get_object_or_404(items.select_related("agency", "procedure", "duplicate_of"), code=code)


@action_required("feedback.work")
def queue(request: HttpRequest) -> HttpResponse:
    # The agencies of the items the user sees (one small query; PAKN is hundreds a year).
    agencies = Agency.objects.filter(
        pk__in=visible_feedback(request.user).filter(agency__isnull=False).values("agency")
    ).order_by("name")
    form = f.QueueFilterForm(request.GET, agencies=agencies)
    now = timezone.now()
    items = feedback_queue(visible_feedback(request.user), now=now, **form.filters())
    page = Paginator(items, PAGE_SIZE).get_page(request.GET.get("page"))
    for item in page.object_list:
        item.contact_masked = masked_contact(item)
        item.subject_masked = masked_subject(item)
        item.overdue = item.due is not None and item.due < now
    return render(request, f"{T}/queue.html", {"form": form, "page": page, "now": now})


def _initial(action: Action, item: Feedback) -> dict:
    if action == Action.PUBLISH:
        return {
            "public_subject": item.public_subject,
            "public_content": item.public_content,
            "public_answer": item.public_answer,
        }
    if action == Action.DRAFT:
        return {"answer": item.answer}
    if action == Action.CLASSIFY:
        return {"kind": item.kind}
    return {}


def _form(action: Action, item: Feedback, data=None) -> f.ActionForm:
    form_class = ACTIONS[action][0]
    kwargs = {"initial_agency": item.agency} if form_class is f.AssignForm else {}
    return form_class(data, initial=_initial(action, item), prefix=action.value, **kwargs)


def _page(request, item: Feedback, bound: dict | None = None, status: int = 200):
    now = timezone.now()
    panels = []
    for action in allowed_actions_for(request.user, item):
        form = (bound or {}).get(action) or _form(action, item)
        panels.append(
            {
                "action": action.value,
                "label": ACTION_LABELS[action],
                "form": form,
                "dangerous": action in DANGEROUS,
            }
        )
    # The full contact is shown here only, to those handling the item: every read is logged.
    audit_read(request, action="feedback.read_contact", target=item)
    context = {
        "item": item,
        "panels": panels,
        "due": current_deadline(item),
        "overdue": is_overdue(item, now),
        "attachments": list(item.attachments.all()),
        "duplicates": list(item.duplicates.values_list("code", flat=True)),
    }
    return render(request, f"{T}/detail.html", context, status=status)


@action_required("feedback.work")
def detail(request: HttpRequest, code: str) -> HttpResponse:
    return _page(request, visible_item(request, code))


@require_POST
@action_required("feedback.work")
def act(request: HttpRequest, code: str, action: str) -> HttpResponse:
    item = visible_item(request, code)
    try:
        chosen = Action(action)
    except ValueError:
        return _page(request, item, status=404)
    if chosen not in ACTIONS:
        return _page(request, item, status=404)
    form = _form(chosen, item, request.POST)
    if form.is_valid():
        try:
            ACTIONS[chosen][1](actor=request.user, feedback=item, **form.kwargs())
        except DomainError as exc:
            form.add_error(None, exc.message)
            for field, errors in (exc.details or {}).items():
                form.add_error(field if field in form.fields else None, errors)
            return _page(request, item, {chosen: form}, status=exc.status_code)
        messages.success(request, _("Đã thực hiện: %(label)s.") % {"label": ACTION_LABELS[chosen]})
        return redirect("officer-feedback-detail", code=item.code)
    return _page(request, item, {chosen: form}, status=400)


@action_required("feedback.work")
def attachment(request: HttpRequest, code: str, pk: int) -> HttpResponseBase:
    item = visible_item(request, code)
    row = get_object_or_404(item.attachments, pk=pk)
    audit_read(request, action="feedback.download", target=item, file=row.name)
    return file_download(row.file, row.name)
