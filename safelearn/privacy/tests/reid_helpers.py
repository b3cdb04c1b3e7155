"""Reports and de-identified copies made straight in the database, for the re-identification tests."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable
from typing import Any

import pytest
from django.utils import timezone

from safelearn.organisations.models import Organisation
from safelearn.privacy.models import DeidentifiedCopy, DeidentifiedStatus
from safelearn.reporting.models import Report

MARCH = timezone.make_aware(dt.datetime(2026, 3, 10, 12, 0))
JANUARY = timezone.make_aware(dt.datetime(2026, 1, 20, 12, 0))
_numbers = itertools.count(1)


@pytest.fixture
def make_copy(org: Organisation) -> Callable[..., DeidentifiedCopy]:
    """A report and its copy, straight in the database (the engine is tested elsewhere)."""

    def make(
        *,
        organisation: Organisation | None = None,
        approved: bool = True,
        submitted_at: dt.datetime = MARCH,
        incident_type: str = "missed_visit_or_contact",
        service_area: str = "fostering",
        what_happened: str = "The visit was missed because the rota had a gap.",
        **copy_fields: Any,
    ) -> DeidentifiedCopy:
        organisation = organisation or org
        report = Report.objects.create(
            organisation=organisation,
            reference=f"T-{next(_numbers):05d}",
            mode="named",
            submitted_at=submitted_at,
            incident_type=incident_type,
            service_area=service_area,
            what_happened=what_happened,
        )
        # In a transactional (browser) test the report's own redaction task has already made its copy.
        copy, _ = DeidentifiedCopy.objects.update_or_create(
            report=report,
            defaults={
                "organisation_id": organisation.pk,
                "status": DeidentifiedStatus.APPROVED if approved else DeidentifiedStatus.NEEDS_REVIEW,
                "approved_at": timezone.now() if approved else None,
                "text": "De-identified." if approved else "",
                "spans": "[]",
                **copy_fields,
            },
        )
        return copy

    return make


@pytest.fixture
def sized_org(org: Organisation) -> Organisation:
    org.children_supported = 300
    org.save()
    return org
