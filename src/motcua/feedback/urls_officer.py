"""Officer pages of feedback handling."""

from django.urls import path

from motcua.feedback.views import officer

urlpatterns = [
    path("", officer.queue, name="officer-feedback-list"),
    path("<str:code>/", officer.detail, name="officer-feedback-detail"),
    path("<str:code>/tep/<int:pk>/", officer.attachment, name="officer-feedback-attachment"),
    path("<str:code>/<str:action>/", officer.act, name="officer-feedback-action"),
]
