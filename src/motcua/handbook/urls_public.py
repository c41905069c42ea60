"""The handbook's public pages (mounted at /so-tay/)."""

from django.urls import path

from motcua.handbook.views import public

urlpatterns = [
    path("", public.home, name="handbook-home"),
    path("van-ban/", public.document_list, name="handbook-documents"),
    path("van-ban/<int:pk>/", public.document_detail, name="handbook-document"),
    path("van-ban/<int:pk>/tep/", public.document_file, name="handbook-document-file"),
    path("nhiem-vu/", public.target_list, name="handbook-targets"),
    path("nhiem-vu/tre-han/", public.target_late, name="handbook-targets-late"),
    path("nhiem-vu/<int:pk>/", public.target_detail, name="handbook-target"),
    path("nhiem-vu/minh-chung/<int:pk>/", public.evidence_file, name="handbook-evidence-file"),
    path("chi-so/", public.index_results, name="handbook-indices"),
    path("chi-so/co-quan/<str:code>/", public.agency_trend, name="handbook-agency-trend"),
    path("hoi-dap/", public.question_list, name="handbook-questions"),
    path("hoi-dap/<int:pk>/", public.question_detail, name="handbook-question"),
    path("hoi-dap/dat-cau-hoi/", public.question_ask_view, name="handbook-ask"),
]
