from django.urls import path

from safelearn.queries import views

app_name = "queries"

urlpatterns = [
    path("", views.query_list, name="list"),
    path("new/", views.builder, name="builder"),
    path("new/save/", views.save, name="save"),
    path("new/export.<str:file_format>", views.export_unsaved, name="export_unsaved"),
    path("<uuid:query_id>/", views.detail, name="detail"),
    path("<uuid:query_id>/edit/", views.edit, name="edit"),
    path("<uuid:query_id>/delete/", views.delete, name="delete"),
    path("<uuid:query_id>/pin/", views.pin, name="pin"),
    path("<uuid:query_id>/monthly-email/", views.schedule, name="schedule"),
    path("<uuid:query_id>/export.<str:file_format>", views.export, name="export"),
]
