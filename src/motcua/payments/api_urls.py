"""Under /api/public/payments/: the gateway's server-to-server notification, and the start of
a payment by an application."""

from django.urls import path

from motcua.payments import views
from motcua.payments.api import PublicPaymentStart

public_urlpatterns = [
    path("notify/", views.notify, name="payment-notify"),
    path("<str:code>/", PublicPaymentStart.as_view(), name="api-public-payment-start"),
]
