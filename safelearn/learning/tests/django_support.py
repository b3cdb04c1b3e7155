"""Helpers for the Django-side learning tests: real services, approved de-identified copies made directly."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from safelearn.learning import search
from safelearn.learning.models import Signal
from safelearn.privacy.models import DeidentifiedCopy, DeidentifiedStatus
from safelearn.reporting.models import Report


def approve_copy(report: Report, text: str, *, when: dt.datetime | None = None) -> DeidentifiedCopy:
    copy, _ = DeidentifiedCopy.objects.update_or_create(
        report=report,
        defaults={
            "organisation_id": report.organisation_id,
            "status": DeidentifiedStatus.APPROVED,
            "text": text,
            "approved_at": when or timezone.now(),
        },
    )
    return copy


def set_submitted(report: Report, when: dt.datetime) -> None:
    Report.objects.filter(pk=report.pk).update(submitted_at=when)


def fresh_indexes() -> None:
    search.indexes_forget()


def submit(submit_report: Any, organisation: Any, text: str, **fields: Any) -> Report:
    return submit_report(organisation=organisation, what_happened=text, **fields).report  # type: ignore[no-any-return]


def vape_app_signal(*, key: str, score: float) -> Signal:
    """A new theme, "vape app", in two organisations over the last 28 days, for a view to show or decide."""
    now = timezone.now()
    return Signal.objects.create(
        key=key,
        label="vape app",
        terms=["vape app"],
        score=score,
        kind="new",
        report_ids=[],
        org_count=2,
        window_start=now - dt.timedelta(days=28),
        window_end=now,
    )
