from django.urls import path

from motcua.procedures import api

urlpatterns = [
    path("procedures/", api.ProcedureListCreate.as_view(), name="api-procedures"),
    path("procedures/<str:code>/", api.ProcedureDetail.as_view(), name="api-procedure"),
    path(
        "procedures/<str:code>/versions/",
        api.ProcedureVersionList.as_view(),
        name="api-procedure-versions",
    ),
    path("decisions/", api.DecisionListCreate.as_view(), name="api-decisions"),
    path("decisions/<int:pk>/", api.DecisionDetail.as_view(), name="api-decision"),
    path("shortenings/", api.ShorteningListCreate.as_view(), name="api-shortenings"),
]
