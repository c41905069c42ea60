"""Public feedback pages (phản ánh, kiến nghị)."""

from django.urls import path

from motcua.feedback.views import public

urlpatterns = [
    path("", public.published_list, name="public-feedback-list"),
    path("gui/", public.send, name="public-feedback-send"),
    path("da-gui/<str:code>/", public.sent, name="public-feedback-sent"),
    path("tra-cuu/", public.lookup, name="public-feedback-lookup"),
    path("tra-cuu/<str:code>/", public.mine, name="public-feedback-mine"),
    path("tra-cuu/<str:code>/bo-sung/", public.reply, name="public-feedback-reply"),
    path("tra-cuu/<str:code>/danh-gia/", public.rate, name="public-feedback-rate"),
    path("<str:code>/", public.published_detail, name="public-feedback-detail"),
]
