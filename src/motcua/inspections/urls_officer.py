"""Officer pages of inspections (mounted at /can-bo/kiem-tra/)."""

from django.urls import path

from motcua.inspections import views as v

urlpatterns = [
    path("", v.home, name="inspection-home"),
    path("ke-hoach/<int:year>/", v.plan_view, name="inspection-plan"),
    path("ke-hoach/<int:year>/lap/", v.plan_create, name="inspection-plan-create"),
    path("ke-hoach/<int:year>/them/", v.plan_add, name="inspection-plan-add"),
    path("ke-hoach/<int:year>/quyet-dinh/", v.plan_file, name="inspection-plan-file"),
    path("dot-xuat/them/", v.surprise_create, name="inspection-surprise-create"),
    path("kien-nghi-tre-han/", v.late_view, name="inspection-late"),
    path("co-quan/", v.agencies_view, name="inspection-agencies"),
    path("co-quan/<int:pk>/", v.agency_history, name="inspection-agency"),
    path("<int:pk>/", v.detail, name="inspection-detail"),
    path("<int:pk>/dien-ra/", v.hold, name="inspection-hold"),
    path("<int:pk>/tai-lieu/", v.attach, name="inspection-attach"),
    path("<int:pk>/tai-lieu/<int:attachment>/", v.attachment_file, name="inspection-attachment"),
    path("<int:pk>/quyet-dinh/", v.decision_file, name="inspection-decision-file"),
    path("<int:pk>/kien-nghi/", v.recommend, name="inspection-recommend"),
    path("kien-nghi/<int:pk>/tra-loi/", v.answer, name="inspection-answer"),
    path("kien-nghi/<int:pk>/bao-cao/<int:report>/", v.evidence, name="inspection-evidence"),
    path("don-vi/", v.agency_recommendations, name="inspection-agency-recommendations"),
    path("don-vi/kien-nghi/<int:pk>/", v.agency_report, name="inspection-agency-report"),
    path(
        "don-vi/kien-nghi/<int:pk>/bao-cao/<int:report>/",
        v.agency_evidence,
        name="inspection-agency-evidence",
    ),
]
