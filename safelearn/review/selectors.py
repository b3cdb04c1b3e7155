"""Reads for safety leads: the inbox with its filters, and one report with its history."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.http import Http404

from safelearn.core.audit import audit_record
from safelearn.core.permissions import require_reviewer
from safelearn.organisations.models import Role
from safelearn.organisations.selectors import organisations_where
from safelearn.reporting.models import Report


@dataclass(frozen=True)
class InboxFilters:
    status: str = ""
    incident_type: str = ""
    service_area: str = ""
    submitted_from: dt.date | None = None
    submitted_to: dt.date | None = None


def report_list_for_reviewer(*, user: Any, filters: InboxFilters | None = None) -> QuerySet[Report]:
    """Only reports of organisations where the user is a safety lead; newest and most urgent first."""
    filters = filters or InboxFilters()
    org_ids = [o.pk for o in organisations_where(user, Role.REVIEWER)]
    qs = Report.objects.filter(organisation_id__in=org_ids).select_related("organisation", "assigned_to")
    qs = qs.defer("what_happened", "how_noticed", "why_happened", "what_would_help")
    if filters.status:
        qs = qs.filter(status=filters.status)
    if filters.incident_type:
        qs = qs.filter(incident_type=filters.incident_type)
    if filters.service_area:
        qs = qs.filter(service_area=filters.service_area)
    if filters.submitted_from:
        qs = qs.filter(submitted_at__date__gte=filters.submitted_from)
    if filters.submitted_to:
        qs = qs.filter(submitted_at__date__lte=filters.submitted_to)
    return qs.order_by("-immediate_risk_flagged", "-submitted_at")


def report_get_for_reviewer(*, user: Any, report_id: Any) -> Report:
    """Fetch a report for a safety lead and audit the read of its narrative."""
    report = Report.objects.select_related("organisation", "reporter", "assigned_to").filter(pk=report_id).first()
    if report is None:
        raise Http404
    require_reviewer(user, report.organisation_id)
    audit_record(actor=user, verb="report.narrative_read", target=report)
    return report
