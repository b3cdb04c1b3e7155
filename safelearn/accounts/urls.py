from django.urls import path

from safelearn.accounts import views

app_name = "accounts"
urlpatterns = [
    path("two-factor/set-up/", views.two_factor_setup, name="two_factor_setup"),
    path("two-factor/verify/", views.two_factor_verify, name="two_factor_verify"),
    path("keep-alive/", views.keepalive, name="keepalive"),
    path("my-data/", views.my_data, name="my_data"),
    path("my-data/download/", views.my_data_download, name="my_data_download"),
    path("my-data/erase/", views.my_data_erase, name="my_data_erase"),
]
