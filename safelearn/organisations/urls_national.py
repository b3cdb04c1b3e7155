from django.urls import path

from safelearn.organisations.views import national

app_name = "national"
urlpatterns = [
    path("organisations/", national.organisations, name="organisations"),
    path("organisations/new/", national.organisation_new, name="organisation_new"),
    path("jobs/", national.jobs, name="jobs"),
]
