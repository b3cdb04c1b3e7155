from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "safelearn.api"
    label = "api"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from safelearn.api.services import tokens_revoke_on_deactivation
        from safelearn.organisations.services import deactivation_step_add

        deactivation_step_add(tokens_revoke_on_deactivation)
