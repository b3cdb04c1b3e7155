from django.apps import AppConfig


class AnalyticsConfig(AppConfig):
    name = "safelearn.analytics"
    label = "analytics"
    verbose_name = "National learning and analytics"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Reporting, review and privacy sit below analytics: they announce report changes through the
        # reporting layer's listener list, and the summary counts register here (no import back up).
        from safelearn.analytics.summary import summary_refresh
        from safelearn.reporting.changes import report_change_listen

        report_change_listen(summary_refresh)
