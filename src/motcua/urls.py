from csp.decorators import csp_update
from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

# Swagger UI's page and script come from this site (the script from the view itself, not
# inline); its stylesheet sets inline styles, allowed on this one page only.
api_docs = csp_update({"style-src": ["'unsafe-inline'"]})(
    SpectacularSwaggerSplitView.as_view(url_name="api-schema")
)

urlpatterns = [
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/docs/", api_docs, name="api-docs"),
    path("api/public/", include("motcua.api_public_urls")),
    path("api/dossiers/", include("motcua.dossiers.api_urls")),
    path("api/feedback/", include("motcua.feedback.api_urls")),
    path("api/", include("motcua.procedures.api_urls")),
    path("can-bo/ho-so/", include("motcua.dossiers.urls_officer")),
    path("can-bo/bao-cao/", include("motcua.reports.urls_officer")),
    path("can-bo/kiem-tra/", include("motcua.inspections.urls_officer")),
    path("can-bo/phan-anh/", include("motcua.feedback.urls_officer")),
    path("tai-khoan/", include("motcua.applicants.urls")),
    path("phan-anh-kien-nghi/", include("motcua.feedback.urls_public")),
    path("thong-ke/", include("motcua.reports.urls_public")),
    path("so-tay/", include("motcua.handbook.urls_public")),
    path("can-bo/so-tay/", include("motcua.handbook.urls_officer")),
    path("tai-khoan/", include("motcua.datastore.urls")),
    path("", include("motcua.signing.urls")),
    path("", include("motcua.dossiers.urls_public")),
    path("", include("motcua.web.urls")),
]

handler400 = "motcua.utils.api.bad_request"
handler403 = "motcua.utils.api.permission_denied"
handler404 = "motcua.utils.api.page_not_found"
handler500 = "motcua.utils.api.server_error"
