from django.urls import path

from safelearn.reporting import views

app_name = "reporting"
urlpatterns = [
    path("report/", views.report_new, name="report_new"),
    path("report/sent/", views.submitted, name="submitted"),
    path("my-reports/", views.my_reports, name="my_reports"),
    path("my-reports/<uuid:report_id>/", views.my_report_detail, name="my_report_detail"),
]
