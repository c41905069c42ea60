"""Public pages of dossiers: online submission, lookup, supplement, evaluation."""

from django.urls import path

from motcua.dossiers.views import public

urlpatterns = [
    path("nop-ho-so/da-nop/<str:code>/", public.submitted, name="public-dossier-submitted"),
    path("nop-ho-so/<str:procedure_code>/", public.submit, name="public-dossier-submit"),
    path("tra-cuu/", public.lookup, name="public-dossier-lookup"),
    path("tra-cuu/<str:code>/", public.detail, name="public-dossier-detail"),
    path("tra-cuu/<str:code>/bo-sung/", public.supplement, name="public-dossier-supplement"),
    path("tra-cuu/<str:code>/danh-gia/", public.evaluate, name="public-dossier-evaluate"),
    path("tra-cuu/<str:code>/thoat/", public.forget, name="public-dossier-forget"),
    path("tra-cuu/<str:code>/ket-qua.pdf", public.result_signed, name="public-dossier-result"),
    path("tra-cuu/<str:code>/phieu/<int:pk>.pdf", public.slip_signed, name="public-dossier-slip"),
    path(
        "tra-cuu/<str:code>/thanh-phan/<int:pk>.pdf",
        public.component_pdf,
        name="public-dossier-component",
    ),
    path(
        "tai-khoan/ho-so/<str:code>/ket-qua/",
        public.applicant_result,
        name="applicant-dossier-result",
    ),
]
