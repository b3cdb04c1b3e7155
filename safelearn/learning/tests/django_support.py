"""Helpers for the Django-side learning tests: real services, approved de-identified copies made directly."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from safelearn.learning import search
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
