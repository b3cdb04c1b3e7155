"""Reads on the reporter's side."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import Http404

from safelearn.core.audit import audit_record
from safelearn.reporting.models import Report, ReportDraft


def report_list_for_reporter(*, user: Any) -> QuerySet[Report]:
    """A reporter's own named or confidential reports (anonymous ones are linked to nobody)."""
    return (
        Report.objects.filter(reporter=user)
        .select_related("organisation")
        .defer("what_happened", "how_noticed", "why_happened", "what_would_help")
        .order_by("-submitted_at")
    )


def report_get_for_reporter(*, user: Any, report_id: Any) -> Report:
    report = Report.objects.filter(pk=report_id, reporter=user).select_related("organisation").first()
    if report is None:
        raise Http404
    audit_record(actor=user, verb="report.narrative_read", target=report, payload={"as": "reporter"})
    return report


def drafts_for(*, user: Any) -> QuerySet[ReportDraft]:
    return ReportDraft.objects.filter(owner=user).select_related("organisation")
