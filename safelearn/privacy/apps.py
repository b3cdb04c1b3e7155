from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    name = "safelearn.privacy"
    label = "privacy"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from safelearn.core.queue import task_register
        from safelearn.privacy import vault
        from safelearn.privacy.tasks import deidentify_report_task
        from safelearn.reporting.identity import identity_keeper_register

        identity_keeper_register(vault)  # reporting keeps identities through this (reporting.identity)
        task_register("privacy.deidentify_report", deidentify_report_task)  # queued by report_submit
