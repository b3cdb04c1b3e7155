from django.urls import path

from safelearn.sso import views

app_name = "sso"
urlpatterns = [
    path("", views.choose, name="choose"),
    path("start/<uuid:provider_id>/", views.StartView.as_view(), name="start"),
    path("callback/", views.CallbackView.as_view(), name="callback"),
]
