from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    name = "safelearn.privacy"
    label = "privacy"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from safelearn.privacy import (
            signals,  # noqa: F401
            vault,
        )
        from safelearn.reporting.identity import identity_keeper_register

        identity_keeper_register(vault)  # reporting keeps identities through this (reporting.identity)
