"""Background tasks of the core app."""

from __future__ import annotations

from django_tasks import task


@task()
def run_scheduled_job(run_id: int) -> None:
    """One claimed run of a recurring job (safelearn.core.schedule), under the worker's time limit and lease."""
    from safelearn.core.schedule import scheduled_job_run

    scheduled_job_run(run_id=run_id)
