"""Queue automatic de-identification for every new report, after its transaction commits."""

from __future__ import annotations

import logging
from typing import Any

from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver

from safelearn.reporting.models import Report

logger = logging.getLogger(__name__)


@receiver(post_save, sender=Report, dispatch_uid="privacy.queue_deidentification")
def queue_deidentification(sender: type[Report], instance: Report, created: bool, **kwargs: Any) -> None:
    if created and not kwargs.get("raw"):
        report_id = str(instance.pk)
        transaction.on_commit(lambda: _enqueue(report_id))


def _enqueue(report_id: str) -> None:
    from safelearn.privacy.tasks import deidentify_report_task

    try:
        deidentify_report_task.enqueue(report_id)
    except Exception:  # the queue being down must not fail a submission; `safelearn redact-pending` catches up
        logger.exception("could not queue de-identification for %s", report_id)
