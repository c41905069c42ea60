"""The gateway's server-to-server notification (under /api/public/payments/)."""

from django.urls import path

from motcua.payments import views

public_urlpatterns = [
    path("notify/", views.notify, name="payment-notify"),
]
