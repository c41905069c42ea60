from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from motcua.web.views import health, officer, public

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path("", public.catalog, name="catalog"),
    path("thu-tuc/<str:code>/", public.procedure_detail, name="procedure-detail"),
    path(
        "thu-tuc/<str:code>/mau/<int:pk>/",
        public.component_form_file,
        name="component-form-file",
    ),
    path("quyet-dinh/<int:pk>/tep/", public.decision_file, name="decision-file"),
    path(
        "dang-nhap/",
        auth_views.LoginView.as_view(redirect_authenticated_user=True),
        name="login",
    ),
    path("dang-xuat/", auth_views.LogoutView.as_view(), name="logout"),
    # An imported officer sets a password through the link e-mailed to them (users.csv) or
    # printed by ``motcua user reset-link``.
    path(
        "dat-mat-khau/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            template_name="registration/set_password.html",
            success_url=reverse_lazy("password-set-done"),
        ),
        name="password-reset-confirm",
    ),
    path(
        "dat-mat-khau/xong/",
        auth_views.PasswordResetCompleteView.as_view(
            template_name="registration/set_password_done.html"
        ),
        name="password-set-done",
    ),
    path("can-bo/", officer.officer_home, name="officer-home"),
    path("can-bo/danh-muc/thu-tuc/", officer.procedure_list, name="officer-procedure-list"),
    path(
        "can-bo/danh-muc/thu-tuc/them/",
        officer.procedure_create,
        name="officer-procedure-create",
    ),
    path(
        "can-bo/danh-muc/thu-tuc/<str:code>/sua/",
        officer.procedure_edit,
        name="officer-procedure-edit",
    ),
    path(
        "can-bo/danh-muc/thu-tuc/<str:code>/lich-su/",
        officer.procedure_history_view,
        name="officer-procedure-history",
    ),
    path(
        "can-bo/danh-muc/thu-tuc/<str:code>/bai-bo/",
        officer.procedure_abolish,
        name="officer-procedure-abolish",
    ),
    path("can-bo/danh-muc/quyet-dinh/", officer.decision_list, name="officer-decision-list"),
    path(
        "can-bo/danh-muc/quyet-dinh/them/",
        officer.decision_create,
        name="officer-decision-create",
    ),
    path(
        "can-bo/danh-muc/quyet-dinh/<int:pk>/sua/",
        officer.decision_edit,
        name="officer-decision-edit",
    ),
    path(
        "can-bo/danh-muc/rut-ngan/",
        officer.shortening_list_view,
        name="officer-shortening-list",
    ),
]
