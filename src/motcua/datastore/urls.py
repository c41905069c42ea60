"""The applicant's electronic data store, under their space (/tai-khoan/)."""

from django.urls import path

from motcua.datastore import views

urlpatterns = [
    path("kho-du-lieu/", views.store, name="datastore-store"),
    path("kho-du-lieu/<uuid:public_id>/", views.document, name="datastore-document"),
]
