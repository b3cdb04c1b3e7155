from django.urls import path

from safelearn.casereviews import views

app_name = "casereviews"
urlpatterns = [
    path("", views.library, name="library"),
    path("search/", views.search, name="search"),
    path("new/", views.review_new, name="review_new"),
    path("recurrence/", views.recurrence, name="recurrence"),
    path("recurrence.csv", views.recurrence_csv, name="recurrence_csv"),
    path("recurrence/refresh/", views.recurrence_refresh, name="recurrence_refresh"),
    path("recommendations/", views.recommendations, name="recommendations"),
    path("assignments/<uuid:assignment_id>/", views.assignment_update, name="assignment_update"),
    path("for-report/<uuid:report_id>/", views.for_report, name="for_report"),
    path("findings/<uuid:finding_id>/", views.finding_detail, name="finding_detail"),
    path("recommendations/<uuid:recommendation_id>/assign/", views.recommendation_assign, name="recommendation_assign"),
    path("<uuid:review_id>/", views.review_detail, name="review_detail"),
    path("<uuid:review_id>/add/", views.review_add_items, name="review_add_items"),
]
