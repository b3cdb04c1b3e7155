from django.apps import AppConfig


class AnalyticsConfig(AppConfig):
    name = "safelearn.analytics"
    label = "analytics"
    verbose_name = "National learning and analytics"
    default_auto_field = "django.db.models.BigAutoField"
