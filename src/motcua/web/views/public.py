"""Pages anyone can read without an account: the procedure catalog."""

from django.core.paginator import Paginator
from django.db.models.fields.files import FieldFile
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, render
from django.utils.cache import patch_vary_headers

from motcua.procedures.models import Decision, Procedure, ProcedureComponent, ProcedureStatus
from motcua.procedures.selectors import procedure_search
from motcua.utils.uploads import file_download
from motcua.web.forms import CatalogFilterForm

PAGE_SIZE = 25


def is_htmx_fragment(request: HttpRequest) -> bool:
    """An htmx request that swaps a fragment in. History restores need the full page."""
    return (
        request.headers.get("HX-Request") == "true"
        and request.headers.get("HX-History-Restore-Request") != "true"
    )


def render_fragment_or_page(
    request: HttpRequest, page_template: str, fragment_template: str, context: dict
) -> HttpResponse:
    template = fragment_template if is_htmx_fragment(request) else page_template
    response = render(request, template, context)
    patch_vary_headers(response, ["HX-Request"])
    return response


def catalog(request: HttpRequest) -> HttpResponse:
    form = CatalogFilterForm(request.GET)
    procedures = procedure_search(**form.filters())
    page = Paginator(procedures, PAGE_SIZE).get_page(request.GET.get("page"))
    return render_fragment_or_page(
        request,
        "web/catalog.html",
        "web/partials/catalog_results.html",
        {"form": form, "page": page},
    )


def procedure_detail(request: HttpRequest, code: str) -> HttpResponse:
    procedure = get_object_or_404(
        Procedure.objects.select_related("agency", "decision").prefetch_related("components"),
        code=code,
    )
    return render(
        request,
        "web/procedure_detail.html",
        {"procedure": procedure, "abolished": procedure.status == ProcedureStatus.ABOLISHED},
    )


def decision_file(request: HttpRequest, pk: int) -> HttpResponseBase:
    """The attached text of a decision. Publication decisions are public documents."""
    return _file_response(get_object_or_404(Decision, pk=pk).file)


def _file_response(file: FieldFile) -> HttpResponseBase:
    return file_download(file)


def component_form_file(request: HttpRequest, code: str, pk: int) -> HttpResponseBase:
    """The blank form (mẫu đơn, tờ khai) of a component, for applicants to fill in."""
    component = get_object_or_404(ProcedureComponent, pk=pk, procedure__code=code)
    return _file_response(component.form_file)
