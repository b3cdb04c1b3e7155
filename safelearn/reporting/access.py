"""Fetching one report for a safety lead of its organisation: the one look-up the review pages, the case
review pages and the API share, so the access rule and the audit of a narrative read live in one place."""

from __future__ import annotations

from typing import Any

from django.http import Http404

from safelearn.core.audit import audit_record
from safelearn.core.types import RequestUser
from safelearn.organisations.permissions import require_reviewer
from safelearn.reporting.models import NARRATIVE_FIELDS, Report


def report_get_for_reviewer(
    *, user: RequestUser | None, report_id: Any, reads_narrative: bool = True, organisation_id: Any = None
) -> Report:
    """Fetch a report for a safety lead and audit the read of its narrative.

    A page that never shows the reporter's words (grading, actions, history) passes reads_narrative=False,
    so the history's "read the report" counts real readings (and the narrative is not even loaded).
    ``organisation_id`` narrows the look-up to one organisation (an API token's): another organisation's
    report does not exist for that caller, and is neither checked nor audited.
    """
    reports = Report.objects.select_related("organisation", "reporter", "assigned_to")
    if not reads_narrative:
        reports = reports.defer(*NARRATIVE_FIELDS)
    report = reports.filter(pk=report_id).first()
    if report is None or (organisation_id is not None and report.organisation_id != organisation_id):
        raise Http404
    require_reviewer(user, report.organisation_id)
    if reads_narrative:
        audit_record(actor=user, verb="report.narrative_read", target=report)
    return report
