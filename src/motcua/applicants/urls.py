"""The applicant's account: sign-in, sign-out and their space (``/tai-khoan/``)."""

from django.urls import path

from motcua.applicants import views

urlpatterns = [
    path("", views.space, name="applicant-space"),
    path("dang-nhap/", views.sign_in, name="applicant-sign-in"),
    path("dang-nhap/xong/", views.sign_in_callback, name="applicant-sign-in-callback"),
    path("dang-xuat/", views.sign_out, name="applicant-sign-out"),
]
