"""Applicants' pages, no account needed: online submission, lookup, the dossier as the applicant
sees it, supplement upload and evaluation.

Access to a dossier is proven by the lookup (code + last 4 digits of the applicant's phone or ID
number) and remembered in the session for a short while; every page showing a dossier asks for
that proof. The secret is only ever POSTed, never put in a URL.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.contrib import messages
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseBase,
    HttpResponseRedirect,
)
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from motcua.agencies.models import Agency
from motcua.applicants.session import applicant_required, current_applicant
from motcua.datastore.selectors import reusable_by_kind
from motcua.datastore.session import _signed_in_identifier
from motcua.dossiers import services
from motcua.dossiers.access import dossier_access, submission_allowed
from motcua.dossiers.forms_public import (
    EvaluationForm,
    LookupForm,
    SubmissionForm,
    SupplementForm,
    upload_help,
)
from motcua.dossiers.models import Dossier, Evaluation, EvaluationSource
from motcua.dossiers.panels import panels_allow_forms, panels_superseded, public_panels
from motcua.dossiers.selectors import computed_indicators, deadline_text, mask
from motcua.dossiers.workflow import ACTION_LABELS, Action, Outcome, State
from motcua.procedures.models import Level, OnlineLevel, Procedure, ProcedureStatus
from motcua.utils.errors import DomainError
from motcua.utils.ratelimit import client_address
from motcua.utils.uploads import file_download

# How long a successful lookup (or submission) lets this browser see the dossier.
ACCESS_SESSION_KEY = "public_dossier_access"
ACCESS_SECONDS = 30 * 60
ACCESS_MAX_CODES = 20

ALREADY_SUBMITTED = _(
    "Hồ sơ này đã được nộp. Vui lòng tra cứu bằng mã hồ sơ trong tin nhắn hoặc thư điện tử đã nhận."
)

TEMPLATES = "dossiers/public"


# ---- proof of access ------------------------------------------------------------------------


def grant_access(request: HttpRequest, code: str) -> None:
    """Remember that this browser proved access to ``code`` (lookup or its own submission)."""
    now = timezone.now().timestamp()
    granted = {c: t for c, t in request.session.get(ACCESS_SESSION_KEY, {}).items() if t > now}
    granted[code] = now + ACCESS_SECONDS
    newest = sorted(granted.items(), key=lambda item: item[1])[-ACCESS_MAX_CODES:]
    request.session[ACCESS_SESSION_KEY] = dict(newest)


def has_access(request: HttpRequest, code: str) -> bool:
    expires = request.session.get(ACCESS_SESSION_KEY, {}).get(code)
    return expires is not None and expires > timezone.now().timestamp()


def revoke_access(request: HttpRequest, code: str) -> None:
    granted = dict(request.session.get(ACCESS_SESSION_KEY, {}))
    if granted.pop(code, None) is not None:
        request.session[ACCESS_SESSION_KEY] = granted


def _to_lookup(code: str) -> HttpResponseRedirect:
    return redirect(f"{reverse('public-dossier-lookup')}?{urlencode({'ma': code})}")


def _proven_dossier(request: HttpRequest, code: str) -> Dossier | None:
    """The dossier if this browser proved access to it, or it is the signed-in applicant's;
    None otherwise."""
    applicant = current_applicant(request)
    if applicant is not None and not has_access(request, code):
        return (
            Dossier.objects.filter(code=code, applicant_id_number=applicant.identifier)
            .select_related("procedure", "agency", "receiving_agency")
            .first()
        )
    if not has_access(request, code):
        return None
    return get_object_or_404(
        Dossier.objects.select_related("procedure", "agency", "receiving_agency"), code=code
    )


@never_cache
@applicant_required
def applicant_result(request: HttpRequest, code: str) -> HttpResponseBase:
    """The result file of one of the signed-in applicant's dossiers; 404 for anybody else's."""
    applicant = current_applicant(request)
    assert applicant is not None
    dossier = get_object_or_404(Dossier, code=code, applicant_id_number=applicant.identifier)
    if dossier.result_pdf:  # the signed result, the one that has legal value
        return file_download(dossier.result_pdf, f"{dossier.code}-ket-qua-ky-so.pdf")
    return file_download(dossier.result_file)


# ---- signed documents (lookup access) -------------------------------------------------------


@never_cache
def result_signed(request: HttpRequest, code: str) -> HttpResponseBase:
    """The signed result of a dossier this browser proved access to (or the signed-in
    applicant's)."""
    dossier = _proven_dossier(request, code)
    if dossier is None:
        return _to_lookup(code)
    return file_download(dossier.result_pdf, f"{dossier.code}-ket-qua-ky-so.pdf")


@never_cache
def slip_signed(request: HttpRequest, code: str, pk: int) -> HttpResponseBase:
    """A slip of the dossier as the agency sealed it."""
    dossier = _proven_dossier(request, code)
    if dossier is None:
        return _to_lookup(code)
    document = get_object_or_404(dossier.documents.exclude(signed_pdf=""), pk=pk)
    return file_download(document.signed_pdf, f"{dossier.code}-{document.kind}-ky-so.pdf")


@never_cache
def component_pdf(request: HttpRequest, code: str, pk: int) -> HttpResponseBase:
    """The PDF of a scanned component: its certified copy, else its PDF/A."""
    dossier = _proven_dossier(request, code)
    if dossier is None:
        return _to_lookup(code)
    component = get_object_or_404(dossier.components, pk=pk)
    field = component.certified_copy or component.pdfa
    return file_download(field, f"{dossier.code}-{pk}.pdf")


# ---- submission -----------------------------------------------------------------------------


def accepts_online(procedure: Procedure) -> bool:
    """Full or partial online service, with somewhere to send the dossier."""
    if procedure.online_level not in (OnlineLevel.FULL, OnlineLevel.PARTIAL):
        return False
    if procedure.level == Level.PROVINCE:
        return procedure.agency_id is not None
    return Agency.objects.filter(kind=procedure.level, is_active=True).exists()


def _signed_in_initial(request: HttpRequest) -> dict[str, str]:
    """The signed-in applicant's data from their account (the provider's, never typed again)."""
    account = current_applicant(request)
    if account is None:
        return {}
    return {
        "applicant_kind": account.kind,
        "applicant_name": account.full_name,
        "applicant_id_number": account.identifier,
        "applicant_address": account.address,
        "applicant_phone": account.phone,
        "applicant_email": account.email,
    }


@never_cache
def submit(request: HttpRequest, procedure_code: str) -> HttpResponse:
    procedure = get_object_or_404(Procedure.objects.select_related("agency"), code=procedure_code)
    if procedure.status == ProcedureStatus.ABOLISHED:
        raise Http404
    if not accepts_online(procedure):
        return render(request, f"{TEMPLATES}/in_person.html", {"procedure": procedure})
    status = 200
    identifier = _signed_in_identifier(request)
    reusable = (
        reusable_by_kind(
            identifier,
            kinds=procedure.components.values_list("document_kind", flat=True),
            on=timezone.localdate(),
        )
        if identifier
        else None
    )
    if request.method == "POST":
        form = SubmissionForm(request.POST, request.FILES, procedure=procedure, reusable=reusable)
        if form.is_valid():
            try:
                submission_allowed(client=client_address(request))
                dossier = services.dossier_submit_online(
                    procedure=procedure,
                    applicant=form.applicant(),
                    components=form.component_data(),
                    agency=form.cleaned_data.get("agency"),
                    idempotency_key=str(form.cleaned_data["idempotency_key"]),
                    now=timezone.now(),
                    signed_in_identifier=identifier,
                )
            except DomainError as exc:
                status = 429 if exc.status_code == 429 else 200
                form.add_error(None, exc.message)
                for field, errors in (exc.details or {}).items():
                    form.add_error(field if field in form.fields else None, errors)
            else:
                if dossier.replayed:
                    # The same form sent again: this browser already has access if it was the
                    # one that sent it first; a replay never grants it.
                    if has_access(request, dossier.code):
                        return redirect("public-dossier-submitted", code=dossier.code)
                    messages.info(request, ALREADY_SUBMITTED)
                    return redirect("public-dossier-lookup")
                grant_access(request, dossier.code)
                return redirect("public-dossier-submitted", code=dossier.code)
    else:
        form = SubmissionForm(
            procedure=procedure, reusable=reusable, initial=_signed_in_initial(request)
        )
    return render(
        request,
        f"{TEMPLATES}/submit.html",
        {"procedure": procedure, "form": form, "upload_help": upload_help()},
        status=status,
    )


@never_cache
def submitted(request: HttpRequest, code: str) -> HttpResponse:
    dossier = _proven_dossier(request, code)
    if dossier is None:
        return _to_lookup(code)
    return render(
        request,
        f"{TEMPLATES}/submitted.html",
        {"dossier": dossier, "phone": mask(dossier.applicant_phone)},
    )


# ---- lookup ---------------------------------------------------------------------------------


@never_cache
def lookup(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        code = "".join(request.GET.get("ma", "").split())[:64]
        if code and has_access(request, code):
            return redirect("public-dossier-detail", code=code)
        form = LookupForm(initial={"code": code})
        return render(request, f"{TEMPLATES}/lookup.html", {"form": form})
    form = LookupForm(request.POST)
    if form.is_valid():
        try:
            # The same limits as the API: per code (from anyone) and per client address.
            dossier = dossier_access(
                code=form.cleaned_data["code"],
                secret=form.cleaned_data["secret"],
                client=client_address(request),
            )
        except DomainError as exc:
            if exc.status_code == 429:
                context = {"form": form, "blocked": exc.message}
                return render(request, f"{TEMPLATES}/lookup.html", context, status=429)
            form.add_error(None, exc.message)
        else:
            grant_access(request, dossier.code)
            return redirect("public-dossier-detail", code=dossier.code)
    return render(request, f"{TEMPLATES}/lookup.html", {"form": form})


@require_POST
def forget(request: HttpRequest, code: str) -> HttpResponse:
    """End access to the dossier on this browser (a shared or public computer)."""
    revoke_access(request, code)
    messages.info(request, _("Đã thoát khỏi hồ sơ trên trình duyệt này."))
    return redirect("public-dossier-lookup")


# ---- the dossier as the applicant sees it ---------------------------------------------------

STATE_EXPLANATIONS: dict[State, str] = {
    State.SUBMITTED: (
        "Hồ sơ đã được gửi trực tuyến và đang chờ Bộ phận Một cửa kiểm tra. Khi hồ sơ đầy đủ, "
        "bạn sẽ nhận được giấy tiếp nhận và ngày hẹn trả kết quả; thời hạn giải quyết được "
        "tính từ lúc tiếp nhận."
    ),
    State.RECEIVED: (
        "Hồ sơ đã được tiếp nhận và đang được chuyển đến cơ quan có thẩm quyền giải quyết. "
        "Thời hạn giải quyết đang được tính."
    ),
    State.REJECTED: (
        "Hồ sơ không được tiếp nhận. Lý do được ghi dưới đây và trong phiếu từ chối tiếp nhận "
        "gửi cho bạn."
    ),
    State.PROCESSING: "Hồ sơ đang được cơ quan có thẩm quyền xem xét, giải quyết.",
    State.AWAITING_SUPPLEMENT: (
        "Cơ quan giải quyết cần bạn bổ sung, hoàn thiện hồ sơ. Thời hạn giải quyết tạm dừng "
        "cho đến khi bạn nộp đủ giấy tờ bổ sung."
    ),
    State.AWAITING_PAYMENT: (
        "Bạn cần nộp phí, lệ phí hoặc thực hiện nghĩa vụ tài chính để hồ sơ tiếp tục được "
        "giải quyết."
    ),
    State.WITHDRAWN: "Hồ sơ đã được rút theo đề nghị của bạn; việc giải quyết đã kết thúc.",
    State.STOPPED: "Cơ quan giải quyết đã dừng xử lý hồ sơ. Lý do được ghi dưới đây.",
    State.RETURNED: "Kết quả giải quyết đã được trả cho bạn.",
}
RESOLVED_EXPLANATIONS: dict[str, str] = {
    Outcome.APPROVED: (
        "Hồ sơ đã giải quyết xong và đã có kết quả. Vui lòng nhận kết quả tại {desk} (mang "
        "theo giấy tiếp nhận hồ sơ và giấy tờ tùy thân), hoặc theo hình thức bạn đã đăng ký."
    ),
    Outcome.REFUSED: (
        "Cơ quan giải quyết đã từ chối giải quyết hồ sơ, có văn bản nêu rõ lý do (ghi dưới "
        "đây). Vui lòng nhận văn bản trả lời tại {desk}."
    ),
}
# Reasons the applicant is told in writing (refusal at intake, refusal, stop): shown to them.
STATES_WITH_REASON = {State.REJECTED, State.STOPPED}
# Events without a state change that still matter to the applicant.
VISIBLE_ACTIONS = {Action.APOLOGISE, Action.EVALUATE}


def state_explanation(dossier: Dossier) -> str:
    if dossier.state == State.RESOLVED:
        text = RESOLVED_EXPLANATIONS.get(dossier.outcome, STATE_EXPLANATIONS[State.PROCESSING])
        return text.format(desk=dossier.receiving_agency.name)
    return STATE_EXPLANATIONS[State(dossier.state)]


@dataclass(frozen=True)
class TimelineEntry:
    at: object
    state_label: str
    action_label: str


def timeline(dossier: Dossier) -> list[TimelineEntry]:
    """State changes (and apology, evaluation) with their dates: no officers, no notes."""
    entries = []
    for event in dossier.events.order_by("at", "id"):
        if event.from_state == event.to_state and event.action not in VISIBLE_ACTIONS:
            continue
        entries.append(
            TimelineEntry(
                at=event.at,
                state_label=State(event.to_state).label,
                action_label=ACTION_LABELS.get(event.action, ""),
            )
        )
    return entries


def _open_supplement(dossier: Dossier):
    if dossier.state != State.AWAITING_SUPPLEMENT:
        return None
    return dossier.supplements.filter(supplied_at__isnull=True).order_by("-requested_at").first()


def _evaluation(dossier: Dossier) -> Evaluation | None:
    """The applicant's own evaluation (one the desk recorded on their behalf is apart)."""
    return Evaluation.objects.filter(dossier=dossier, source=EvaluationSource.APPLICANT).first()


@never_cache
def detail(request: HttpRequest, code: str) -> HttpResponse:
    dossier = _proven_dossier(request, code)
    if dossier is None:
        return _to_lookup(code)
    now = timezone.now()
    evaluation = _evaluation(dossier)
    show_reason = dossier.state in STATES_WITH_REASON or dossier.outcome == Outcome.REFUSED
    apology = dossier.apologies.order_by("-issued_at").first() if dossier.promised_at else None
    context = {
        "dossier": dossier,
        "state_explanation": state_explanation(dossier),
        "deadline_text": deadline_text(dossier),
        "overdue": dossier.is_overdue(now),
        "timeline": timeline(dossier),
        "supplement": _open_supplement(dossier),
        "awaiting_payment": dossier.state == State.AWAITING_PAYMENT,
        "apology": apology,
        "reason": dossier.result_note if show_reason else "",
        "components": dossier.components.order_by("id"),
        "signed_slips": dossier.documents.exclude(signed_pdf="").order_by("created_at", "id"),
        "phone": mask(dossier.applicant_phone),
        "id_number": mask(dossier.applicant_id_number),
        "evaluation": evaluation,
        "can_evaluate": dossier.state == State.RETURNED and evaluation is None,
        "extra_panels": public_panels(request, dossier),
    }
    context["superseded"] = panels_superseded(context["extra_panels"])
    response = render(request, f"{TEMPLATES}/detail.html", context)
    return panels_allow_forms(response, context["extra_panels"])


# ---- supplement -----------------------------------------------------------------------------


def requested_items(items: str, limit: int = 10) -> list[str]:
    """The requested items as document names, one per line or per ``;``: ``"1. Bản sao CCCD"``
    → ``"Bản sao CCCD"``, to prefill the upload rows."""
    names = []
    for part in re.split(r"[\n;]", items or ""):
        name = re.sub(r"^\s*(?:[-•*+]|\d+[.)])\s*", "", part).strip()
        if name:
            names.append(name[:255])
    return names[:limit]


@never_cache
def supplement(request: HttpRequest, code: str) -> HttpResponse:
    dossier = _proven_dossier(request, code)
    if dossier is None:
        return _to_lookup(code)
    open_request = _open_supplement(dossier)
    if open_request is None:
        messages.info(request, _("Hồ sơ hiện không cần bổ sung."))
        return redirect("public-dossier-detail", code=code)
    names = requested_items(open_request.items)
    if request.method == "POST":
        form = SupplementForm(request.POST, request.FILES, names=names)
        if form.is_valid():
            try:
                services.dossier_record_supplement(
                    actor=services.APPLICANT_ACTOR,
                    dossier=dossier,
                    components=form.component_data(),
                    note=form.cleaned_data["note"],
                    now=timezone.now(),
                )
            except DomainError as exc:
                form.add_error(None, exc.message)
            else:
                messages.success(
                    request,
                    _("Đã nộp hồ sơ bổ sung. Thời hạn giải quyết được tính tiếp từ bây giờ."),
                )
                return redirect("public-dossier-detail", code=code)
    else:
        form = SupplementForm(names=names)
    context = {
        "dossier": dossier,
        "request_": open_request,
        "form": form,
        "upload_help": upload_help(),
        "phone": mask(dossier.applicant_phone),
    }
    return render(request, f"{TEMPLATES}/supplement.html", context)


# ---- evaluation -----------------------------------------------------------------------------


@never_cache
def evaluate(request: HttpRequest, code: str) -> HttpResponse:
    dossier = _proven_dossier(request, code)
    if dossier is None:
        return _to_lookup(code)
    if _evaluation(dossier) is not None:
        messages.info(
            request,
            _("Hồ sơ này đã được đánh giá; mỗi hồ sơ chỉ đánh giá một lần."),
        )
        return redirect("public-dossier-detail", code=code)
    if dossier.state != State.RETURNED:
        messages.info(
            request,
            _("Bạn có thể đánh giá sau khi nhận kết quả."),
        )
        return redirect("public-dossier-detail", code=code)
    if request.method == "POST":
        form = EvaluationForm(request.POST)
        if form.is_valid():
            try:
                services.dossier_evaluate(
                    actor=services.APPLICANT_ACTOR,
                    dossier=dossier,
                    scores=form.scores(),
                    comment=form.cleaned_data["comment"],
                    now=timezone.now(),
                )
            except DomainError as exc:  # e.g. evaluated meanwhile from another tab
                messages.error(request, exc.message)
            else:
                messages.success(request, _("Cảm ơn bạn đã đánh giá."))
            return redirect("public-dossier-detail", code=code)
    else:
        form = EvaluationForm()
    context = {
        "dossier": dossier,
        "form": form,
        "phone": mask(dossier.applicant_phone),
        "computed": computed_indicators(dossier),
    }
    return render(request, f"{TEMPLATES}/evaluate.html", context)
