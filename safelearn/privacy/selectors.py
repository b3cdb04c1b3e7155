"""Reads over de-identified data. The national pool is approved copies only, and never raw text."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, NamedTuple

from django.db.models import QuerySet
from django.http import Http404

from safelearn.core.types import RequestUser
from safelearn.organisations.permissions import require_reviewer
from safelearn.privacy.models import DeidentifiedCopy, DeidentifiedStatus
from safelearn.reporting.models import EXCLUDED_FROM_STATISTICS


def deidentified_pool() -> QuerySet[DeidentifiedCopy]:
    """Every approved de-identified copy across organisations (raw and unapproved text excluded).

    A copy whose group was smaller than k at approval stays out unless the safety lead gave a reason
    (privacy/reidentification.py): a small group can point at one child.
    """
    return (
        DeidentifiedCopy.objects.filter(status=DeidentifiedStatus.APPROVED)
        .exclude(report__status__in=EXCLUDED_FROM_STATISTICS)
        .exclude(below_k=True, below_k_reason="")
        .select_related("report")
        .defer(
            "spans", "report__what_happened", "report__how_noticed", "report__why_happened", "report__what_would_help"
        )
    )


def redaction_queue(*, user: RequestUser | None, organisation_id: Any) -> QuerySet[DeidentifiedCopy]:
    require_reviewer(user, organisation_id)
    return (
        DeidentifiedCopy.objects.filter(organisation_id=organisation_id)
        .exclude(status=DeidentifiedStatus.APPROVED)
        .select_related("report")
        .order_by("created_at")
    )


class AdditionWaiting(NamedTuple):
    """A report with a de-identified addition (an amendment) that nobody has approved yet."""

    report_id: Any
    reference: str
    since: dt.datetime


#: Apps above privacy that de-identify more of a report (casework: amendments) say here what is waiting, so the
#: redaction queue shows it beside the report copies. A plain list, as services' purge steps: no signals.
AdditionsWaiting = Callable[[Any], list[AdditionWaiting]]
_additions_waiting: list[AdditionsWaiting] = []


def additions_waiting_provide(provider: AdditionsWaiting) -> None:
    """`provider(organisation_id)` lists that organisation's additions waiting for redaction review."""
    if provider not in _additions_waiting:
        _additions_waiting.append(provider)


def additions_waiting(*, user: RequestUser | None, organisation_id: Any) -> list[AdditionWaiting]:
    require_reviewer(user, organisation_id)
    rows = [row for provider in _additions_waiting for row in provider(organisation_id)]
    return sorted(rows, key=lambda row: row.since)


def report_has_additions_waiting(report: Any) -> bool:
    """Whether an addition to this report waits for redaction review (closure waits for it too)."""
    return any(
        row.report_id == report.pk for provider in _additions_waiting for row in provider(report.organisation_id)
    )


def copy_for_reviewer(*, user: RequestUser | None, report_id: Any) -> DeidentifiedCopy:
    copy = DeidentifiedCopy.objects.select_related("report", "report__organisation").filter(report_id=report_id).first()
    if copy is None:
        raise Http404
    require_reviewer(user, copy.organisation_id)
    return copy
