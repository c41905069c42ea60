"""The public statistics page (mounted at /thong-ke/)."""

from django.urls import path

from motcua.reports.views import public

urlpatterns = [
    path("", public.statistics_view, name="public-statistics"),
]
