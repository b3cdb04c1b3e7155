from django.urls import path

from safelearn.privacy import views

app_name = "privacy"
urlpatterns = [
    path("", views.redaction_queue, name="queue"),
    path("reports/<uuid:report_id>/", views.redaction_review, name="review"),
    path("reports/<uuid:report_id>/add/", views.redaction_add, name="add"),
    path("reports/<uuid:report_id>/remove/", views.redaction_remove, name="remove"),
    path("reports/<uuid:report_id>/generalise/", views.redaction_generalise, name="generalise"),
    path("reports/<uuid:report_id>/approve/", views.redaction_approve, name="approve"),
]
