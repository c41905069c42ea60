from django.urls import path

from motcua.dossiers import api

urlpatterns = [
    path("", api.DossierListCreate.as_view(), name="api-dossiers"),
    path("<str:code>/", api.DossierDetail.as_view(), name="api-dossier"),
    path(
        "<str:code>/documents/<int:pk>.<str:fmt>",
        api.DossierDocumentFile.as_view(),
        name="api-dossier-document",
    ),
    *[
        path(f"<str:code>/{name}/", view.as_view(), name=f"api-dossier-{name}")
        for name, view in api.ACTIONS.items()
    ],
]

public_urlpatterns = [
    path("", api.PublicSubmit.as_view(), name="api-public-submit"),
    path("<str:code>/lookup/", api.PublicLookup.as_view(), name="api-public-lookup"),
    path("<str:code>/supplement/", api.PublicSupplement.as_view(), name="api-public-supplement"),
    path("<str:code>/evaluation/", api.PublicEvaluation.as_view(), name="api-public-evaluation"),
]
