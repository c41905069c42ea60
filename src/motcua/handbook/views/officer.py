"""The editors' pages of the handbook (mounted at /can-bo/so-tay/): documents, targets and
their progress, index results, questions to answer or moderate, and imports. Every page asks
for the action ``handbook.manage`` (accounts/roles.py); every change is a service."""

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from motcua.handbook.forms import (
    STATUS_LABELS,
    AgencyIndexForm,
    AnswerForm,
    DocumentForm,
    ImportForm,
    IndexResultForm,
    ProgressForm,
    TargetForm,
)
from motcua.handbook.imports import ImportInvalid, handbook_import
from motcua.handbook.models import (
    AgencyIndexResult,
    Document,
    IndexResult,
    Question,
    QuestionState,
    Target,
)
from motcua.handbook.selectors import (
    document_search,
    latest_progress,
    questions_pending,
    targets_late,
    targets_with_status,
)
from motcua.handbook.services import (
    agency_index_save,
    document_save,
    index_result_save,
    question_answer,
    question_category_ensure,
    question_reject,
    target_progress_report,
    target_save,
)
from motcua.utils.errors import DomainError
from motcua.utils.uploads import check_uploads
from motcua.web.permissions import action_required

MANAGE = "handbook.manage"
PAGE_SIZE = 50


@action_required(MANAGE)
def home(request: HttpRequest) -> HttpResponse:
    context = {
        "documents": Document.objects.count(),
        "targets": Target.objects.count(),
        "late": targets_late(timezone.localdate()).count(),
        "indices": IndexResult.objects.count(),
        "pending": questions_pending().count(),
    }
    return render(request, "handbook/officer/home.html", context)


# --- documents ----------------------------------------------------------------------------


@action_required(MANAGE)
def document_list(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()
    page = Paginator(document_search(query=query), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "handbook/officer/documents.html", {"page": page, "query": query})


@action_required(MANAGE)
@require_http_methods(["GET", "POST"])
def document_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    document = get_object_or_404(Document, pk=pk) if pk else None
    if request.method == "POST":
        form = DocumentForm(request.POST, request.FILES, instance=document)
        if form.is_valid():
            try:
                saved = document_save(document=document, actor=request.user, **form.changes())
            except DomainError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("Đã lưu văn bản %(number)s.") % {"number": saved})
                return redirect("handbook-officer-documents")
    else:
        form = DocumentForm(instance=document)
    return render(request, "handbook/officer/form.html", _form_context(form, document, "documents"))


def _form_context(form, instance, section: str, **extra) -> dict:
    titles = {
        "documents": (_("Thêm văn bản"), _("Sửa văn bản %(name)s")),
        "targets": (_("Thêm chỉ tiêu, nhiệm vụ"), _("Sửa chỉ tiêu, nhiệm vụ %(name)s")),
    }
    new, edit = titles[section]
    return {
        "form": form,
        "title": edit % {"name": instance} if instance else new,
        "back": f"handbook-officer-{section}",
        **extra,
    }


# --- targets ------------------------------------------------------------------------------


@action_required(MANAGE)
def target_list(request: HttpRequest) -> HttpResponse:
    targets = targets_with_status(timezone.localdate()).order_by("-year", "agency__name", "code")
    page = Paginator(targets, PAGE_SIZE).get_page(request.GET.get("page"))
    latest = latest_progress(list(page.object_list))
    for target in page.object_list:
        target.latest_percent = latest.get(target.pk)
    return render(request, "handbook/officer/targets.html", {"page": page, "labels": STATUS_LABELS})


@action_required(MANAGE)
@require_http_methods(["GET", "POST"])
def target_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    target = get_object_or_404(Target, pk=pk) if pk else None
    if request.method == "POST":
        form = TargetForm(request.POST, instance=target)
        if form.is_valid():
            try:
                saved = target_save(target=target, values=form.values(), actor=request.user)
            except DomainError as error:
                form.add_error(None, error.message)
            else:
                messages.success(
                    request, _("Đã lưu chỉ tiêu, nhiệm vụ %(code)s.") % {"code": saved.code}
                )
                return redirect("handbook-officer-targets")
    else:
        form = TargetForm(instance=target)
    return render(request, "handbook/officer/form.html", _form_context(form, target, "targets"))


@action_required(MANAGE)
@require_http_methods(["GET", "POST"])
def target_progress(request: HttpRequest, pk: int) -> HttpResponse:
    target = get_object_or_404(Target.objects.select_related("agency"), pk=pk)
    if request.method == "POST":
        form = ProgressForm(request.POST, request.FILES)
        if form.is_valid():
            data = form.cleaned_data
            try:
                target_progress_report(
                    target=target,
                    reported_on=data["reported_on"],
                    percent=data["percent"],
                    achieved=data["achieved"],
                    note=data["note"],
                    evidence=data["evidence"],
                    actor=request.user,
                )
            except DomainError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("Đã ghi nhận tiến độ."))
                return redirect("handbook-officer-targets")
    else:
        form = ProgressForm(initial={"reported_on": timezone.localdate()})
    return render(
        request,
        "handbook/officer/progress.html",
        {"form": form, "target": target, "progress": target.progress.all()},
    )


# --- indices ------------------------------------------------------------------------------


@action_required(MANAGE)
@require_http_methods(["GET", "POST"])
def index_list(request: HttpRequest) -> HttpResponse:
    form = IndexResultForm(prefix="index")
    agency_form = AgencyIndexForm(prefix="agency")
    if request.method == "POST" and "index-index" in request.POST:
        form = IndexResultForm(request.POST, prefix="index")
        if form.is_valid():
            data = form.cleaned_data
            values = {k: data[k] for k in ("index", "year", "score", "rank", "rank_of", "source")}
            try:
                index_result_save(values=values, components=data["components"], actor=request.user)
            except DomainError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("Đã lưu kết quả chỉ số."))
                return redirect("handbook-officer-indices")
    elif request.method == "POST":
        agency_form = AgencyIndexForm(request.POST, prefix="agency")
        if agency_form.is_valid():
            data = agency_form.cleaned_data
            try:
                agency_index_save(
                    agency=data["agency"],
                    year=data["year"],
                    score=data["score"],
                    actor=request.user,
                )
            except DomainError as error:
                agency_form.add_error(None, error.message)
            else:
                messages.success(request, _("Đã lưu chỉ số CCHC của cơ quan."))
                return redirect("handbook-officer-indices")
    context = {
        "form": form,
        "agency_form": agency_form,
        "results": IndexResult.objects.order_by("index", "-year"),
        "agency_results": AgencyIndexResult.objects.select_related("agency").order_by(
            "-year", "-score"
        )[:100],
    }
    return render(request, "handbook/officer/indices.html", context)


# --- questions ----------------------------------------------------------------------------


@action_required(MANAGE)
def question_list(request: HttpRequest) -> HttpResponse:
    answered = Question.objects.filter(state=QuestionState.PUBLISHED).select_related("category")
    page = Paginator(answered.order_by("-answered_at"), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "handbook/officer/questions.html",
        {"pending": questions_pending(), "page": page},
    )


@action_required(MANAGE)
@require_http_methods(["GET", "POST"])
def question_answer_view(request: HttpRequest, pk: int) -> HttpResponse:
    question = get_object_or_404(Question, pk=pk)
    form = AnswerForm.for_question(question, request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            category = data["category"]
            if data["new_category"].strip():
                category = question_category_ensure(name=data["new_category"], actor=request.user)
            question_answer(
                question=question,
                answer=data["answer"],
                title=data["title"],
                category=category,
                answered_at=timezone.now(),
                actor=request.user,
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Đã trả lời và công khai câu hỏi."))
            return redirect("handbook-officer-questions")
    return render(request, "handbook/officer/answer.html", {"form": form, "question": question})


@action_required(MANAGE)
@require_POST
def question_reject_view(request: HttpRequest, pk: int) -> HttpResponse:
    question_reject(question=get_object_or_404(Question, pk=pk), actor=request.user)
    messages.success(request, _("Đã không đăng câu hỏi."))
    return redirect("handbook-officer-questions")


# --- imports ------------------------------------------------------------------------------


@action_required(MANAGE)
@require_http_methods(["GET", "POST"])
def import_view(request: HttpRequest) -> HttpResponse:
    errors: list[str] = []
    if request.method == "POST":
        form = ImportForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            name = upload.name or ""
            try:
                if name.lower().endswith(".xlsx"):
                    check_uploads([upload], extensions=(".xlsx",))
                elif upload.size > settings.MOTCUA_MAX_UPLOAD_BYTES:
                    raise DomainError(
                        _("Tệp quá lớn (tối đa %(limit)s).")
                        % {"limit": filesizeformat(settings.MOTCUA_MAX_UPLOAD_BYTES)},
                        "File too large.",
                        code="file_too_large",
                    )
                result = handbook_import(
                    kind=form.cleaned_data["kind"],
                    name=name,
                    content=upload.read(),
                    actor=request.user,
                )
            except DomainError as error:
                form.add_error("file", error.message)
            except ImportInvalid as invalid:
                errors = invalid.errors
            else:
                messages.success(
                    request,
                    _("Đã nhập: %(created)s dòng mới, %(updated)s dòng cập nhật.")
                    % {"created": result.created, "updated": result.updated},
                )
                return redirect("handbook-officer-import")
    else:
        form = ImportForm()
    return render(request, "handbook/officer/import.html", {"form": form, "errors": errors})
