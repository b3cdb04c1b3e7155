from django.urls import path

from safelearn.casework import views

app_name = "casework"

urlpatterns = [
    path("reports/<uuid:report_id>/", views.report_casework, name="report"),
    path("reports/<uuid:report_id>/files/", views.attachment_add, name="attachment_add"),
    path("reports/<uuid:report_id>/additions/", views.amendment_add, name="amendment_add"),
    path("reports/<uuid:report_id>/links/", views.link_add, name="link_add"),
    path("reports/<uuid:report_id>/links/<uuid:link_id>/remove/", views.link_remove, name="link_remove"),
    path("reports/<uuid:report_id>/linked/", views.linked_reports, name="linked"),
    path("files/<uuid:attachment_id>/", views.attachment_download, name="attachment_download"),
    path("additions/<uuid:copy_id>/redact/", views.amendment_redact, name="amendment_redact"),
    path("additions/<uuid:copy_id>/approve/", views.amendment_approve, name="amendment_approve"),
    path("my-reports/<uuid:report_id>/", views.my_report, name="my_report"),
    path("check/add/", views.check_add, name="check_add"),
]
