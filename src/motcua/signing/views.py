"""/xac-thuc/: anyone uploads a signed PDF (or, when an app registered it, gives a dossier code
and its lookup secret) and sees who signed it, when, and whether it is still as signed."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from motcua.signing.forms import LookupForm, UploadForm
from motcua.signing.registry import document_lookup
from motcua.signing.services import VerificationReport, pdf_verify
from motcua.utils import ratelimit
from motcua.utils.errors import DomainError
from motcua.utils.uploads import check_upload

T = "signing/verify.html"


def _allowed(request: HttpRequest) -> None:
    """Count a verification from the client's address; 429 beyond ``verify_address``."""
    client = ratelimit.client_address(request)
    if ratelimit.hit_over("verify_address", client):
        ratelimit.undo("verify_address", client)
        minutes = max(2 * ratelimit.rate("verify_address").seconds // 60, 1)
        raise DomainError(
            f"Đã kiểm tra quá nhiều tệp từ địa chỉ này. Vui lòng thử lại sau {minutes} phút.",
            f"Too many verifications from this address: please try again in {minutes} minutes.",
            code="throttled",
            status_code=429,
        )


def _verified(pdf: bytes) -> tuple[VerificationReport | None, str]:
    try:
        return pdf_verify(pdf=pdf), ""
    except DomainError as exc:
        return None, exc.message


@never_cache
def verify(request: HttpRequest) -> HttpResponse:
    lookup = document_lookup()
    upload_form, lookup_form = UploadForm(), LookupForm() if lookup else None
    context: dict = {}
    status = 200
    if request.method == "POST":
        mode = request.POST.get("mode", "upload")
        form = (
            LookupForm(request.POST)
            if mode == "lookup" and lookup
            else UploadForm(request.POST, request.FILES)
        )
        if isinstance(form, LookupForm):
            lookup_form = form
        else:
            upload_form = form
        if not form.is_valid():
            status = 400
        else:
            try:
                _allowed(request)
                if isinstance(form, LookupForm):
                    assert lookup is not None
                    documents = lookup(
                        form.cleaned_data["code"],
                        form.cleaned_data["secret"],
                        client=ratelimit.client_address(request),
                    )
                    context["documents"] = [
                        (title, filename, *_verified(pdf)) for title, filename, pdf in documents
                    ]
                else:
                    upload = form.cleaned_data["file"]
                    check_upload(upload, extensions=(".pdf",))
                    report = pdf_verify(pdf=upload.read())
                    context["documents"] = [("", upload.name, report, "")]
            except DomainError as exc:
                status = exc.status_code if exc.status_code in (400, 413, 415, 429) else 200
                form.add_error(None, exc.message)
    context.update(
        upload_form=upload_form,
        lookup_form=lookup_form,
        upload_help=_("Tệp PDF, tối đa %(size)s.")
        % {"size": filesizeformat(settings.MOTCUA_MAX_UPLOAD_BYTES)},
    )
    return render(request, T, context, status=status)
