"""Background work for privacy: never in the request path where it could fail a submission."""

from __future__ import annotations

from django_tasks import task

from safelearn.privacy import services
from safelearn.privacy.vault import identity_purge


@task()
def deidentify_report_task(report_id: str) -> str:
    return services.deidentify_report(report_id=report_id).status


@task()
def purge_raw_narratives_task() -> int:
    return len(services.purge_raw_narratives())


@task()
def purge_identities() -> dict[str, int]:
    """Destroy confidential identities whose retention period has passed. Schedule daily."""
    result = identity_purge()
    return {"scheduled": result.scheduled, "destroyed": result.destroyed}
