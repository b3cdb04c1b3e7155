from django.apps import AppConfig


class ReviewConfig(AppConfig):
    name = "safelearn.review"
    label = "review"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from safelearn.privacy.services import raw_purge_step_add
        from safelearn.review.services.onward import notifications_purge_for_report

        raw_purge_step_add(notifications_purge_for_report)  # a notification's words go with the raw narrative
