from django.apps import AppConfig


class CaseReviewsConfig(AppConfig):
    name = "safelearn.casereviews"
    label = "casereviews"
    verbose_name = "Case review learning"
    default_auto_field = "django.db.models.BigAutoField"
