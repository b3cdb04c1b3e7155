"""Background tasks (django-tasks; run by `safelearn worker`)."""

from __future__ import annotations

from django_tasks import task


@task()
def match_recent_reports() -> dict[str, int]:
    """Match the recent de-identified pool against review findings. Schedule daily (or `safelearn reviews match`)."""
    from safelearn.casereviews.services import recurrence_refresh

    run = recurrence_refresh(actor="task")
    return {"copies": run.copies_scanned, "echoes": run.echoes}
