from django.urls import path

from safelearn.review import views

app_name = "review"
urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("reports/<uuid:report_id>/", views.report_detail, name="report_detail"),
    path("reports/<uuid:report_id>/transition/", views.report_transition, name="report_transition"),
]
