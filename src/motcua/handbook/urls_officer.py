"""The editors' pages of the handbook (mounted at /can-bo/so-tay/)."""

from django.urls import path

from motcua.handbook.views import officer

urlpatterns = [
    path("", officer.home, name="handbook-officer"),
    path("van-ban/", officer.document_list, name="handbook-officer-documents"),
    path("van-ban/them/", officer.document_edit, name="handbook-officer-document-create"),
    path("van-ban/<int:pk>/sua/", officer.document_edit, name="handbook-officer-document-edit"),
    path("nhiem-vu/", officer.target_list, name="handbook-officer-targets"),
    path("nhiem-vu/them/", officer.target_edit, name="handbook-officer-target-create"),
    path("nhiem-vu/<int:pk>/sua/", officer.target_edit, name="handbook-officer-target-edit"),
    path("nhiem-vu/<int:pk>/tien-do/", officer.target_progress, name="handbook-officer-progress"),
    path("chi-so/", officer.index_list, name="handbook-officer-indices"),
    path("hoi-dap/", officer.question_list, name="handbook-officer-questions"),
    path(
        "hoi-dap/<int:pk>/tra-loi/",
        officer.question_answer_view,
        name="handbook-officer-answer",
    ),
    path(
        "hoi-dap/<int:pk>/khong-dang/",
        officer.question_reject_view,
        name="handbook-officer-reject",
    ),
    path("nhap/", officer.import_view, name="handbook-officer-import"),
]
