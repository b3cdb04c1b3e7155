"""Background work for privacy: never in the request path where it could fail a submission."""

from __future__ import annotations

from django_tasks import task

from safelearn.privacy import services


@task()
def deidentify_report_task(report_id: str) -> str:
    return services.deidentify_report(report_id=report_id).status


@task()
def purge_raw_narratives_task() -> int:
    return len(services.purge_raw_narratives())
