from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    name = "safelearn.privacy"
    label = "privacy"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from safelearn.privacy import signals  # noqa: F401
