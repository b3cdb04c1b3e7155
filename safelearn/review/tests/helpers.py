"""Small builders shared by the review tests."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from safelearn.core.types import User
from safelearn.reporting.models import Report
from safelearn.review import services
from safelearn.review.models import Action


def at(year: int, month: int, day: int, hour: int = 10, minute: int = 0) -> dt.datetime:
    """An aware datetime in London time."""
    return timezone.make_aware(dt.datetime(year, month, day, hour, minute))


def set_submitted(report: Report, when: dt.datetime) -> Report:
    Report.objects.filter(pk=report.pk).update(submitted_at=when)
    report.refresh_from_db()
    return report


def emails_to(mailbox: list[Any], address: str) -> list[Any]:
    return [m for m in mailbox if address in m.to]


def approve_deidentified(report: Report, reviewer: Any) -> None:
    """Make and approve the de-identified copy through the real privacy services (a closure criterion)."""
    from safelearn.privacy.services import deidentify_report, redaction_approve

    redaction_approve(copy=deidentify_report(report_id=report.pk), actor=reviewer)


def action_set(
    report: Report,
    people: dict[str, User],
    *,
    title: str,
    measure: str = "m",
    owner: User | None = None,
    due_on: dt.date = dt.date(2030, 1, 1),
    **more: Any,
) -> Action:
    """An action the safety lead sets on the report, owned by the reporter unless the test says otherwise."""
    return services.action_create(
        report=report,
        actor=people["reviewer"],
        title=title,
        measure=measure,
        owner=owner or people["reporter"],
        due_on=due_on,
        **more,
    )
