"""Background work for casework: never in the request path where it could fail an addition."""

from __future__ import annotations

from django_tasks import task

from safelearn.casework import services


@task()
def amendment_redact_task(copy_id: str) -> str:
    return services.amendment_redact(copy_id=copy_id).status
