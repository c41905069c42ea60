from django.urls import include, path

from motcua.agencies.api import PublicAgencyList
from motcua.dossiers.api_urls import public_urlpatterns as public_dossier_urls
from motcua.feedback.api_urls import public_urlpatterns as public_feedback_urls
from motcua.payments.api_urls import public_urlpatterns as public_payment_urls
from motcua.procedures.api import PublicProcedureDetail, PublicProcedureList

urlpatterns = [
    path("procedures/", PublicProcedureList.as_view(), name="api-public-procedures"),
    path(
        "procedures/<str:code>/",
        PublicProcedureDetail.as_view(),
        name="api-public-procedure",
    ),
    path("agencies/", PublicAgencyList.as_view(), name="api-public-agencies"),
    path("dossiers/", include(public_dossier_urls)),
    path("feedback/", include(public_feedback_urls)),
    path("payments/", include(public_payment_urls)),
]
