"""The public verification page of signed documents."""

from django.urls import path

from motcua.signing import views

urlpatterns = [path("xac-thuc/", views.verify, name="signing-verify")]
