"""Background tasks for the reporting side (django-tasks; run by `safelearn worker`)."""

from __future__ import annotations

from django_tasks import task

from safelearn.privacy.vault import identity_purge


@task()
def purge_identities() -> dict[str, int]:
    """Destroy confidential identities whose retention period has passed. Schedule daily."""
    result = identity_purge()
    return {"scheduled": result.scheduled, "destroyed": result.destroyed}
