from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "safelearn.web"
    label = "web"
