"""The applicant's electronic data store page (/tai-khoan/kho-du-lieu/) and the download of
its files: only the signed-in applicant's own documents, never by a guessable URL (the
document's random id, behind the sign-in)."""

from __future__ import annotations

import uuid

from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from motcua.datastore.selectors import document_of
from motcua.datastore.session import _signed_in_identifier
from motcua.datastore.space import documents_shown
from motcua.utils.uploads import file_download


@never_cache
@require_GET
def store(request: HttpRequest) -> HttpResponse:
    identifier = _signed_in_identifier(request)
    if identifier is None:
        return render(request, "datastore/signed_out.html", status=403)
    return render(request, "datastore/store.html", {"documents": documents_shown(identifier)})


@never_cache
@require_GET
def document(request: HttpRequest, public_id: uuid.UUID) -> HttpResponseBase:
    identifier = _signed_in_identifier(request)
    found = document_of(identifier, public_id) if identifier else None
    if found is None:
        raise Http404
    name = found.original_name or (found.file.name or "").rsplit("/", 1)[-1]
    return file_download(found.file, name.rsplit("/", 1)[-1])
