from django.apps import AppConfig


class CaseworkConfig(AppConfig):
    name = "safelearn.casework"
    label = "casework"
    verbose_name = "Casework: the record over time"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Plain lists, not signals (the pattern of reporting.changes): privacy names the call in its own services.
        from safelearn.casework import selectors, services
        from safelearn.privacy.selectors import additions_waiting_provide
        from safelearn.privacy.services import pooled_additions_provide, raw_purge_step_add

        raw_purge_step_add(services.attachments_purge_for_report)
        raw_purge_step_add(services.amendment_copies_purge_for_report)
        pooled_additions_provide(services.amendments_approved_texts)
        additions_waiting_provide(selectors.amendment_copies_waiting)
        # A statutory notification's receipt (review's onward notifications) is kept as an encrypted attachment.
        from safelearn.review.receipts import receipt_store_register

        receipt_store_register(services.receipt_store)
        # A reporter who erases their data is unlinked from the files they added, as from their reports.
        from safelearn.accounts.services.data_rights import reporter_erasure_step_add

        reporter_erasure_step_add(services.attachments_unlink_reporter)
