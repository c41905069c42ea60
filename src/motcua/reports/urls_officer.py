"""Officer pages of the reports (mounted at /can-bo/bao-cao/)."""

from django.urls import path

from motcua.reports.views import officer, service_index

urlpatterns = [
    path("", officer.dashboard_view, name="reports-dashboard"),
    path("chi-so-phuc-vu/", service_index.service_index_view, name="reports-service-index"),
    path("chi-tiet/", officer.drilldown_view, name="reports-drilldown"),
    path("chi-tiet/xuat/", officer.drilldown_export, name="reports-drilldown-export"),
    path("bieu-06/", officer.form06_export, name="reports-form06"),
    path("bao-cao-nam/", officer.annual_export, name="reports-annual"),
    path("tai-ve/<int:pk>/", officer.job_view, name="reports-job"),
    path("tai-ve/<int:pk>/trang-thai/", officer.job_status, name="reports-job-status"),
    path("tai-ve/<int:pk>/tep/", officer.job_download, name="reports-job-download"),
]
