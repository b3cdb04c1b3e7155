"""Queue coding suggestions for every new report, after its transaction commits (never in the request path)."""

from __future__ import annotations

import logging
from typing import Any

from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver

from safelearn.reporting.models import Report

logger = logging.getLogger(__name__)


@receiver(post_save, sender=Report, dispatch_uid="learning.queue_suggestions")
def queue_suggestions(sender: type[Report], instance: Report, created: bool, **kwargs: Any) -> None:
    if created and not kwargs.get("raw"):
        report_id = str(instance.pk)
        transaction.on_commit(lambda: _enqueue(report_id))


def _enqueue(report_id: str) -> None:
    from safelearn.learning.tasks import suggest_for_report_task

    try:
        suggest_for_report_task.enqueue(report_id)
    except Exception:  # a failed suggestion must never fail a submission; `safelearn suggest-pending` catches up
        logger.exception("could not queue suggestions for %s", report_id)
