"""Public payment pages (mounted at the site's root, before the dossiers' pages)."""

from django.urls import path

from motcua.payments import views

urlpatterns = [
    path("tra-cuu/<str:code>/thanh-toan/", views.start, name="payment-start"),
    path(
        "tra-cuu/<str:code>/bien-lai/<str:number>/",
        views.receipt_public,
        name="payment-receipt",
    ),
    path("thanh-toan/ket-qua/", views.returned, name="payment-return"),
]
