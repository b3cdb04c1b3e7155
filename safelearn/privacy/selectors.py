"""Reads over de-identified data. The national pool is approved copies only, and never raw text."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import Http404

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


def redaction_queue(*, user: Any, organisation_id: Any) -> QuerySet[DeidentifiedCopy]:
    require_reviewer(user, organisation_id)
    return (
        DeidentifiedCopy.objects.filter(organisation_id=organisation_id)
        .exclude(status=DeidentifiedStatus.APPROVED)
        .select_related("report")
        .order_by("created_at")
    )


def copy_for_reviewer(*, user: Any, report_id: Any) -> DeidentifiedCopy:
    copy = DeidentifiedCopy.objects.select_related("report", "report__organisation").filter(report_id=report_id).first()
    if copy is None:
        raise Http404
    require_reviewer(user, copy.organisation_id)
    return copy
