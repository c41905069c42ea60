"""Officers' payment pages (mounted at /can-bo/thanh-toan/)."""

from django.urls import path

from motcua.payments import views

urlpatterns = [
    path("<str:code>/hoan-tien/", views.refund, name="officer-payment-refund"),
    path(
        "<str:code>/bien-lai/<str:number>/",
        views.receipt_officer,
        name="officer-payment-receipt",
    ),
]
