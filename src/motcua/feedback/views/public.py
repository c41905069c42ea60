"""Public feedback pages, no account needed: the form, the published answers (list, search,
one page each) and the sender's lookup (code + secret), from which they add information when
asked and rate the answer.

Access to one's own item is proven by the code and the secret, remembered in the session for a
short while (like the dossier lookup); the secret is only ever POSTed, never put in a URL. An
applicant signed in (``applicants.session``) needs no secret for the items they sent signed in
(``Feedback.sender_identifier``), and gets a 404 for anybody else's they have not proven.
"""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from motcua.applicants.session import current_applicant
from motcua.feedback import services
from motcua.feedback.access import feedback_access, submission_allowed
from motcua.feedback.forms import FeedbackForm, InfoReplyForm, LookupForm, RatingForm, upload_help
from motcua.feedback.models import Feedback, FeedbackState
from motcua.feedback.selectors import published_feedback
from motcua.utils.errors import DomainError
from motcua.utils.ratelimit import client_address

T = "feedback/public"
ACCESS_KEY = "public_feedback_access"
SENT_KEY = "public_feedback_sent"
ACCESS_SECONDS = 30 * 60
PAGE_SIZE = 20


def _grant(request: HttpRequest, code: str) -> None:
    now = timezone.now().timestamp()
    granted = {c: t for c, t in request.session.get(ACCESS_KEY, {}).items() if t > now}
    granted[code] = now + ACCESS_SECONDS
    request.session[ACCESS_KEY] = dict(sorted(granted.items(), key=lambda i: i[1])[-20:])


def _has_access(request: HttpRequest, code: str) -> bool:
    expires = request.session.get(ACCESS_KEY, {}).get(code)
    return expires is not None and expires > timezone.now().timestamp()


def _signed_in_identifier(request: HttpRequest) -> str:
    account = current_applicant(request)
    return account.identifier if account is not None else ""


def _signed_in_initial(request: HttpRequest) -> dict[str, str]:
    """The signed-in applicant's contact from their account (the provider's, not typed again),
    as the online dossier submission prefills it."""
    account = current_applicant(request)
    if account is None:
        return {}
    return {
        "submitter_name": account.full_name,
        "submitter_phone": account.phone,
        "submitter_email": account.email,
    }


def _errors_to_form(form, exc: DomainError) -> None:
    form.add_error(None, exc.message)
    for field, errors in (exc.details or {}).items():
        form.add_error(field if field in form.fields else None, errors)


def honeypot_refusal() -> DomainError:
    return DomainError(
        "Không gửi được phản ánh. Vui lòng tải lại trang và thử lại.",
        "The feedback could not be sent. Please reload the page and try again.",
        code="rejected",
        status_code=400,
    )


# ---- the published answers ------------------------------------------------------------------


def published_list(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "")[:200]
    items = published_feedback(query, procedure=request.GET.get("thu-tuc", "")[:64])
    page = Paginator(items, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, f"{T}/list.html", {"page": page, "query": query})


def published_detail(request: HttpRequest, code: str) -> HttpResponse:
    item = get_object_or_404(published_feedback().select_related("procedure"), code=code)
    return render(request, f"{T}/published.html", {"item": item})


# ---- sending --------------------------------------------------------------------------------


@never_cache
def send(request: HttpRequest) -> HttpResponse:
    status = 200
    if request.method == "POST":
        form = FeedbackForm(request.POST, request.FILES)
        if form.is_valid():
            data = form.cleaned_data
            try:
                if data["website"]:
                    raise honeypot_refusal()
                submission_allowed(client=client_address(request))
                sent = services.feedback_submit(
                    subject=data["subject"],
                    content=data["content"],
                    kind=data["kind"],
                    agency=data["agency"],
                    procedure=data["procedure"],
                    contact=services.Contact(
                        name=data["submitter_name"],
                        phone=data["submitter_phone"],
                        email=data["submitter_email"],
                        address=data["submitter_address"],
                    ),
                    attachments=data["attachments"],
                    sender_identifier=_signed_in_identifier(request),
                )
            except DomainError as exc:
                status = exc.status_code if exc.status_code in (400, 413, 429) else 200
                _errors_to_form(form, exc)
            else:
                _grant(request, sent.feedback.code)
                # Shown once, on the next page; only its hash is kept.
                request.session[SENT_KEY] = {"code": sent.feedback.code, "secret": sent.secret}
                return redirect("public-feedback-sent", code=sent.feedback.code)
        else:
            status = 400
    else:
        initial = {"procedure": request.GET.get("thu-tuc", "")[:64], **_signed_in_initial(request)}
        form = FeedbackForm(initial=initial)
    return render(
        request, f"{T}/send.html", {"form": form, "upload_help": upload_help()}, status=status
    )


@never_cache
def sent(request: HttpRequest, code: str) -> HttpResponse:
    shown = request.session.pop(SENT_KEY, None)
    if not shown or shown.get("code") != code:
        return redirect(f"{reverse('public-feedback-lookup')}?{urlencode({'ma': code})}")
    return render(request, f"{T}/sent.html", {"code": code, "secret": shown["secret"]})


# ---- the sender's lookup --------------------------------------------------------------------


@never_cache
def lookup(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        code = "".join(request.GET.get("ma", "").split())[:64]
        if code and _has_access(request, code):
            return redirect("public-feedback-mine", code=code)
        return render(request, f"{T}/lookup.html", {"form": LookupForm(initial={"code": code})})
    form = LookupForm(request.POST)
    status = 400
    if form.is_valid():
        try:
            item = feedback_access(
                code=form.cleaned_data["code"],
                secret=form.cleaned_data["secret"],
                client=client_address(request),
            )
        except DomainError as exc:
            status = exc.status_code
            form.add_error(None, exc.message)
        else:
            _grant(request, item.code)
            return redirect("public-feedback-mine", code=item.code)
    return render(request, f"{T}/lookup.html", {"form": form}, status=status)


def _mine(request: HttpRequest, code: str) -> Feedback:
    """The item if this browser proved access to it, or the signed-in applicant sent it; 404
    otherwise (whether or not the code exists)."""
    items = Feedback.objects.select_related("agency", "procedure", "duplicate_of")
    if not _has_access(request, code):
        identifier = _signed_in_identifier(request)
        if not identifier:
            raise Http404
        items = items.filter(sender_identifier=identifier)
    return get_object_or_404(items, code=code, imported=False)


@never_cache
def mine(request: HttpRequest, code: str) -> HttpResponse:
    if not _has_access(request, code) and not _signed_in_identifier(request):
        return redirect(f"{reverse('public-feedback-lookup')}?{urlencode({'ma': code})}")
    item = _mine(request, code)
    return render(request, f"{T}/mine.html", _mine_context(item))


def _mine_context(item: Feedback, **forms) -> dict:
    answered = item.state in (FeedbackState.PROCESSED, FeedbackState.CLOSED)
    return {
        "item": item,
        "answered": answered,
        "reply_form": forms.get("reply_form")
        or (InfoReplyForm() if item.state == FeedbackState.AWAITING_INFO else None),
        "rating_form": forms.get("rating_form")
        or (RatingForm() if item.published_at and not item.satisfaction else None),
    }


@require_POST
def reply(request: HttpRequest, code: str) -> HttpResponse:
    item = _mine(request, code)
    form = InfoReplyForm(request.POST)
    if form.is_valid():
        try:
            services.feedback_provide_info(feedback=item, reply=form.cleaned_data["reply"])
        except DomainError as exc:
            _errors_to_form(form, exc)
        else:
            return redirect("public-feedback-mine", code=code)
    return render(request, f"{T}/mine.html", _mine_context(item, reply_form=form), status=400)


@require_POST
def rate(request: HttpRequest, code: str) -> HttpResponse:
    item = _mine(request, code)
    form = RatingForm(request.POST)
    if form.is_valid():
        try:
            services.feedback_rate(feedback=item, satisfied=form.cleaned_data["satisfied"])
        except DomainError as exc:
            _errors_to_form(form, exc)
        else:
            return redirect("public-feedback-mine", code=code)
    return render(request, f"{T}/mine.html", _mine_context(item, rating_form=form), status=400)
