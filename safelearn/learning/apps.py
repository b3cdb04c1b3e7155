from django.apps import AppConfig


class LearningConfig(AppConfig):
    name = "safelearn.learning"
    label = "learning"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = "Learning engine"

    def ready(self) -> None:
        from safelearn.core.queue import task_register
        from safelearn.core.warmup import warm_up_register
        from safelearn.learning.engine.risk import assess_immediate_risk
        from safelearn.learning.engine.risk_model import warm_in_background
        from safelearn.learning.tasks import suggest_for_report_task
        from safelearn.reporting.risk import risk_detector_register

        risk_detector_register(assess_immediate_risk)
        warm_up_register(warm_in_background)  # the risk text model trains while the server or worker starts
        task_register("learning.suggest_for_report", suggest_for_report_task)  # queued by report_submit
