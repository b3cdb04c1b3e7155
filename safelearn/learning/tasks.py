"""Background work for the learning engine: never in the request path where it could fail a submission."""

from __future__ import annotations

from typing import Any

from django_tasks import task

from safelearn.reporting.models import Report


@task()
def suggest_for_report_task(report_id: str) -> int:
    from safelearn.learning.services import suggestions_compute

    report = Report.objects.select_related("deidentified").filter(pk=report_id).first()
    return len(suggestions_compute(report=report)) if report is not None else 0


@task()
def retrain_from_confirmed(actor_label: str = "") -> dict[str, Any]:
    """Retrain on reviewer-confirmed codes; the new version is used only if it beats the current one."""
    from safelearn.learning.training import model_retrain

    mv = model_retrain(actor=actor_label or None)
    if mv is None:
        return {"trained": False}
    return {"trained": True, "version": mv.version, "promoted": mv.promoted, "scores": mv.scores}


@task()
def detect_themes_task() -> int:
    """Run daily by the scheduler (or `safelearn detect-themes` from cron)."""
    from safelearn.learning.services import signals_detect

    return len(signals_detect())


@task()
def build_index_task(scope: str) -> int:
    from safelearn.learning.search import index_build

    return len(index_build(scope).ids)
