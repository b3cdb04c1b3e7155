"""Small builders shared by the review tests."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from safelearn.reporting.models import Report


def at(year: int, month: int, day: int, hour: int = 10, minute: int = 0) -> dt.datetime:
    """An aware datetime in London time."""
    return timezone.make_aware(dt.datetime(year, month, day, hour, minute))


def set_submitted(report: Report, when: dt.datetime) -> Report:
    Report.objects.filter(pk=report.pk).update(submitted_at=when)
    report.refresh_from_db()
    return report


def emails_to(mailbox: list[Any], address: str) -> list[Any]:
    return [m for m in mailbox if address in m.to]
