from django.urls import path

from safelearn.api import views

app_name = "integrations"
urlpatterns = [
    path("api-tokens/", views.token_list, name="token_list"),
    path("api-tokens/new/", views.token_new, name="token_new"),
    path("api-tokens/<uuid:token_id>/revoke/", views.token_revoke, name="token_revoke"),
    path("exports/reports.csv", views.export_csv, name="export_csv"),
    path("exports/reports.xlsx", views.export_xlsx, name="export_xlsx"),
]
