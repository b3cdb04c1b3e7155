"""Background tasks for the reporting side (django-tasks; run by `safelearn worker`)."""

from __future__ import annotations

from django_tasks import task


@task()
def escalation_check_task(escalation_id: str) -> bool:
    """Queued for an escalation's acknowledgement due time: re-escalate if nobody has acknowledged it."""
    from safelearn.reporting.services.escalation import escalation_check

    return escalation_check(escalation_id=escalation_id)
