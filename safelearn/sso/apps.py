from django.apps import AppConfig


class SsoConfig(AppConfig):
    name = "safelearn.sso"
    label = "sso"
    verbose_name = "Single sign-on"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from safelearn.organisations.selectors import sign_in_providers_add
        from safelearn.sso.selectors import provider_names_by_user

        sign_in_providers_add(provider_names_by_user)
