"""Background tasks for the reporting side (django-tasks; run by `safelearn worker`)."""

from __future__ import annotations

from django_tasks import task

from safelearn.privacy.vault import identity_purge


@task()
def purge_identities() -> dict[str, int]:
    """Destroy confidential identities whose retention period has passed. Schedule daily."""
    result = identity_purge()
    return {"scheduled": result.scheduled, "destroyed": result.destroyed}


@task()
def escalation_check_task(escalation_id: str) -> bool:
    """Queued for an escalation's acknowledgement due time: re-escalate if nobody has acknowledged it."""
    from safelearn.reporting.services.escalation import escalation_check

    return escalation_check(escalation_id=escalation_id)
