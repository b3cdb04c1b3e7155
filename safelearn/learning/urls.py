from django.urls import path

from safelearn.learning import views

app_name = "learning"

urlpatterns = [
    path("reports/<uuid:report_id>/", views.report_learning, name="report"),
    path(
        "reports/<uuid:report_id>/suggestions/<uuid:suggestion_id>/", views.suggestion_decide, name="suggestion_decide"
    ),
    path("search/", views.search, name="search"),
    path("signals/", views.signal_list, name="signals"),
    path("signals/<uuid:signal_id>/", views.signal_detail, name="signal_detail"),
    path("signals/<uuid:signal_id>/decide/", views.signal_decide, name="signal_decide"),
    path("models/", views.model_list, name="models"),
]
