"""Officer pages of dossiers: desk, work list, dossier page (mounted at /can-bo/ho-so/)."""

from django.urls import path

from motcua.dossiers.views import officer, officer_desk

urlpatterns = [
    path("", officer.work_list_view, name="officer-dossier-list"),
    # The desk's pages come before "<code>/" so that no dossier code can shadow them.
    path("quay/", officer_desk.desk_queue, name="desk-queue"),
    path("quay/tiep-nhan/", officer_desk.desk_intake, name="desk-intake"),
    path(
        "quay/tiep-nhan/thu-tuc/",
        officer_desk.desk_procedure_suggest,
        name="desk-procedure-suggest",
    ),
    path(
        "quay/tiep-nhan/thanh-phan/",
        officer_desk.desk_intake_checklist,
        name="desk-intake-checklist",
    ),
    path("quay/tiep-nhan/<str:code>/", officer_desk.desk_intake_done, name="desk-intake-done"),
    path("quay/huong-dan-tu-choi/", officer_desk.desk_visits, name="desk-visits"),
    path("quay/huong-dan-tu-choi/<int:pk>/", officer_desk.desk_visit, name="desk-visit"),
    path(
        "quay/huong-dan-tu-choi/<int:pk>/phieu.<str:fmt>",
        officer_desk.desk_visit_slip,
        name="desk-visit-slip",
    ),
    path("quay/tra-ket-qua/", officer_desk.desk_returns, name="desk-returns"),
    path(
        "quay/tra-ket-qua/<str:code>/danh-gia/",
        officer_desk.desk_return_evaluation,
        name="desk-return-evaluation",
    ),
    path("quay/so-theo-doi/", officer_desk.desk_register, name="desk-register"),
    path(
        "tre-han-chua-xin-loi/",
        officer.late_without_apology_view,
        name="officer-late-without-apology",
    ),
    path("<str:code>/", officer.dossier_detail, name="officer-dossier-detail"),
    path(
        "<str:code>/thao-tac/<slug:action>/", officer.dossier_action, name="officer-dossier-action"
    ),
    path(
        "<str:code>/phieu/<int:pk>/<str:fmt>/",
        officer.dossier_document,
        name="officer-dossier-document",
    ),
    path(
        "<str:code>/thanh-phan/<int:pk>/",
        officer.dossier_component,
        name="officer-dossier-component",
    ),
    path(
        "<str:code>/thanh-phan/<int:pk>/<slug:kind>.pdf",
        officer.dossier_component_pdf,
        name="officer-dossier-component-pdf",
    ),
    path("<str:code>/kho-du-lieu/", officer.dossier_store, name="officer-dossier-store"),
    path(
        "<str:code>/kho-du-lieu/<uuid:public_id>/",
        officer.dossier_store_document,
        name="officer-dossier-store-document",
    ),
    path("<str:code>/ket-qua/", officer.dossier_result, name="officer-dossier-result"),
    path(
        "<str:code>/ket-qua-ky-so.pdf",
        officer.dossier_result_signed,
        name="officer-dossier-result-signed",
    ),
    path(
        "<str:code>/phieu-kiem-soat/",
        officer.dossier_control_sheet,
        name="officer-dossier-control-sheet",
    ),
]
