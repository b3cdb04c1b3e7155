"""Background work for review: reminders and digests, away from the request path."""

from __future__ import annotations

from django_tasks import task

from safelearn.review.services import review_send_reminders


@task()
def send_reminders_task() -> dict[str, int]:
    """Run every few minutes by the scheduler (or `safelearn send-reminders` from cron)."""
    return review_send_reminders()
