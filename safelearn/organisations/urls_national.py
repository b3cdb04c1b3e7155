from django.urls import path

from safelearn.organisations import views_national

app_name = "national"
urlpatterns = [
    path("organisations/", views_national.organisations, name="organisations"),
    path("organisations/new/", views_national.organisation_new, name="organisation_new"),
    path("jobs/", views_national.jobs, name="jobs"),
]
