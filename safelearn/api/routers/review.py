"""Safety-lead endpoints: list, read, transition. Permission checks are the services' own."""

from __future__ import annotations

import datetime as dt
import uuid

from django.http import HttpRequest
from ninja import Query, Router, Schema

from safelearn.api.auth import STAFF_AUTH, Caller, reviewer_caller, reviewer_report
from safelearn.api.models import Scope
from safelearn.api.schemas.common import Problem
from safelearn.api.schemas.reports import ChildOut, HarmIn, ReportDetail, ReportSummary, TransitionIn
from safelearn.reporting.models import Report
from safelearn.reporting.selectors import report_by_reference
from safelearn.reporting.services import harm_grade
from safelearn.review import selectors as review_selectors
from safelearn.review import workflow

router = Router(tags=["review"], auth=STAFF_AUTH)


class ListFilters(Schema):
    status: str = ""
    incident_type: str = ""
    service_area: str = ""
    submitted_from: dt.date | None = None
    submitted_to: dt.date | None = None
    limit: int = 50
    offset: int = 0


def _user_for(request: HttpRequest, scope: str) -> Caller:
    return reviewer_caller(request, scope)


def _summary(report: Report) -> ReportSummary:
    return ReportSummary(
        id=report.pk,
        reference=report.reference,
        status=report.status,
        kind=report.kind,
        mode=report.mode,
        submitted_at=report.submitted_at,
        incident_type=report.incident_type,
        service_area=report.service_area,
        outcome=report.outcome,
        immediate_risk_flagged=report.immediate_risk_flagged,
    )


@router.get("/reports", response=list[ReportSummary], summary="Reports in your organisations")
def list_reports(request: HttpRequest, filters: Query[ListFilters]) -> list[ReportSummary]:
    caller = _user_for(request, Scope.REVIEW_READ)
    inbox = review_selectors.InboxFilters(
        status=filters.status,
        incident_type=filters.incident_type,
        service_area=filters.service_area,
        submitted_from=filters.submitted_from,
        submitted_to=filters.submitted_to,
    )
    reports = review_selectors.report_list_for_reviewer(user=caller.user, filters=inbox)
    if caller.token is not None:
        reports = reports.filter(organisation_id=caller.token.organisation_id)
    limit = max(1, min(filters.limit, 200))
    offset = max(0, filters.offset)
    return [_summary(r) for r in reports[offset : offset + limit]]


def _detail(report: Report) -> ReportDetail:
    summary = _summary(report).dict()
    return ReportDetail(
        **summary,
        what_happened=report.what_happened or "",
        how_noticed=report.how_noticed or "",
        why_happened=report.why_happened or "",
        what_would_help=report.what_would_help or "",
        occurred_on=report.occurred_on,
        contributory_factors=report.contributory_factors,
        recovery_factor=report.recovery_factor,
        agencies_involved=report.agencies_involved,
        status_reason=report.status_reason,
        allowed_transitions=[t.to_status for t in workflow.allowed_transitions(report)],
        location=report.location.name if report.location_id and report.location else "",
        location_type=report.location_type,
        children=[
            ChildOut(
                position=c.position,
                age_band=c.age_band,
                sex=c.sex,
                legal_status=c.legal_status,
                disability=c.disability,
                ethnicity=c.ethnicity,
                told=c.told,
            )
            for c in report.children.all()
        ],
        physical_harm=report.physical_harm,
        psychological_harm=report.psychological_harm,
        missed_opportunity=report.missed_opportunity,
    )


@router.get(
    "/reports/{report_id}",
    response={200: ReportDetail, 404: Problem},
    summary="One report, with its narrative (the read is audited)",
)
def get_report(request: HttpRequest, report_id: uuid.UUID) -> ReportDetail:
    _, report = reviewer_report(request, report_id, Scope.REVIEW_READ, reads_narrative=True)
    return _detail(report)


@router.post(
    "/reports/{report_id}/transition",
    response={200: ReportDetail, 400: Problem, 404: Problem},
    summary="Move a report through the workflow",
)
def transition_report(request: HttpRequest, report_id: uuid.UUID, payload: TransitionIn) -> ReportDetail:
    caller, report = reviewer_report(request, report_id, Scope.REVIEW_WRITE, reads_narrative=True)
    primary = report_by_reference(organisation_id=report.organisation_id, reference=payload.duplicate_of)
    updated = workflow.report_transition(
        report=report,
        actor=caller.user,
        to_status=payload.to_status,
        reason=payload.reason,
        duplicate_of=primary,
        override_reason=payload.override_reason,
    )
    return _detail(updated)


@router.post(
    "/reports/{report_id}/harm",
    response={200: ReportDetail, 400: Problem, 404: Problem},
    summary="Grade the harm apart: physical, psychological or emotional, and any missed opportunity",
)
def grade_harm(request: HttpRequest, report_id: uuid.UUID, payload: HarmIn) -> ReportDetail:
    caller, report = reviewer_report(request, report_id, Scope.REVIEW_WRITE, reads_narrative=True)
    harm_grade(
        report=report,
        actor=caller.user,
        physical_harm=payload.physical_harm,
        psychological_harm=payload.psychological_harm,
        missed_opportunity=payload.missed_opportunity,
    )
    return _detail(report)
