"""Reads for safety leads: inbox, triage queue, one report with its review, actions across the organisation."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone

from safelearn.core.audit import audit_record
from safelearn.core.types import RequestUser
from safelearn.organisations.models import Membership, Role
from safelearn.organisations.permissions import can_review, require_reviewer
from safelearn.organisations.selectors import organisations_where
from safelearn.reporting.access import report_get_for_reviewer as report_get_for_reviewer  # the review pages' look-up
from safelearn.reporting.models import NARRATIVE_FIELDS, Escalation, Report, ReportStatus
from safelearn.reporting.selectors import EscalationTimer, escalation_timer, open_escalations_for
from safelearn.review.clocks import DutySuggestion, suggest_duties, triage_due
from safelearn.review.models import (
    OUTSTANDING_ACTION_STATUSES,
    Action,
    ActionStatus,
    Assessment,
    ClosureOverride,
    Feedback,
    Finding,
    JustCultureAssessment,
    PracticeEpisode,
    StatutoryClock,
)


@dataclass(frozen=True)
class InboxFilters:
    status: str = ""
    incident_type: str = ""
    service_area: str = ""
    submitted_from: dt.date | None = None
    submitted_to: dt.date | None = None


def report_list_for_reviewer(*, user: RequestUser | None, filters: InboxFilters | None = None) -> QuerySet[Report]:
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


@dataclass(frozen=True)
class TriageItem:
    report: Report
    due: dt.datetime
    overdue: bool
    #: An unacknowledged child-at-risk-now alert, with its running acknowledgement clock.
    escalation: Escalation | None = None
    timer: EscalationTimer | None = None


def triage_queue(*, user: RequestUser | None, now: dt.datetime | None = None) -> list[TriageItem]:
    """New reports waiting for triage, with each one's target time.

    Unacknowledged child-at-risk-now alerts come first whatever the report's status (a reply can raise
    one on a report already under review), the most overdue at the top; then the rest, overdue and most
    urgent first.
    """
    now = now or timezone.now()
    org_ids = [o.pk for o in organisations_where(user, Role.REVIEWER)]
    alerts = [
        TriageItem(
            report=e.report,
            due=e.ack_due_at,
            overdue=e.ack_due_at <= now,
            escalation=e,
            timer=escalation_timer(e, now),
        )
        for e in open_escalations_for(organisation_ids=org_ids)
    ]
    reports = report_list_for_reviewer(user=user, filters=InboxFilters(status=ReportStatus.SUBMITTED)).exclude(
        pk__in=[a.report.pk for a in alerts]
    )
    items = []
    for report in reports:
        org = report.organisation
        due = triage_due(
            submitted_at=report.submitted_at,
            immediate_risk=report.immediate_risk_flagged,
            working_days=org.triage_target_working_days,
            risk_hours=org.immediate_risk_target_hours,
        )
        items.append(TriageItem(report=report, due=due, overdue=due <= now))
    return alerts + sorted(items, key=lambda i: (not i.report.immediate_risk_flagged, i.due))


def duplicate_accounts(*, user: RequestUser | None, report: Report) -> list[Report]:
    """Every report merged into this one: each reporter's account stays visible on the primary (reads audited)."""
    require_reviewer(user, report.organisation_id)
    merged = list(Report.objects.filter(duplicate_of=report).order_by("submitted_at"))
    for other in merged:
        audit_record(actor=user, verb="report.narrative_read", target=other, payload={"via_primary": str(report.pk)})
    return merged


@dataclass
class ReviewBundle:
    assessment: Assessment | None
    clocks: list[StatutoryClock]
    episodes: list[PracticeEpisode]
    findings: list[Finding]
    actions: list[Action]
    feedback: list[Feedback]
    suggestions: list[DutySuggestion]
    closure_overrides: list[ClosureOverride]


def review_bundle(*, report: Report) -> ReviewBundle:
    """Everything the review has recorded about one report (call after the permission check)."""
    assessment = Assessment.objects.filter(report=report).select_related("graded_by").first()
    return ReviewBundle(
        assessment=assessment,
        clocks=list(StatutoryClock.objects.filter(report=report).select_related("notified_by")),
        episodes=list(PracticeEpisode.objects.filter(report=report).prefetch_related("factors")),
        findings=list(Finding.objects.filter(report=report)),
        actions=list(Action.objects.filter(report=report).select_related("owner")),
        feedback=list(Feedback.objects.filter(report=report).select_related("author")),
        suggestions=suggest_duties(report=report, harm=assessment.harm if assessment else ""),
        closure_overrides=list(ClosureOverride.objects.filter(report=report)),
    )


def just_culture_get(*, user: RequestUser, report: Report) -> JustCultureAssessment | None:
    """Only the organisation's safety leads see the decision aid; never administrators or line managers,
    and never a safety lead who is this report's reporter unless they completed it themselves."""
    if not can_review(user, report.organisation_id):
        return None
    record = JustCultureAssessment.objects.filter(report=report).first()
    if record is None:
        return None
    if report.reporter_id == user.pk and record.completed_by_id != user.pk:
        return None
    return record


def just_culture_allowed(*, user: RequestUser, report: Report) -> bool:
    return can_review(user, report.organisation_id) and report.reporter_id != user.pk


@dataclass
class ActionsOverview:
    actions: list[Action]
    overdue: int
    open: int
    done: int
    overdue_by_organisation: dict[str, int]


def actions_for_reviewer(
    *, user: RequestUser | None, status: str = "", today: dt.date | None = None
) -> ActionsOverview:
    """Every action across the user's organisations with overdue counts (open past their due date)."""
    today = today or timezone.localdate()
    org_ids = [o.pk for o in organisations_where(user, Role.REVIEWER)]
    qs = Action.objects.filter(organisation_id__in=org_ids).select_related("owner", "report", "organisation")
    open_statuses = OUTSTANDING_ACTION_STATUSES
    all_actions = list(qs.defer(*(f"report__{f}" for f in NARRATIVE_FIELDS)))
    overdue_by_org: dict[str, int] = {}
    for a in all_actions:
        if a.status in open_statuses and a.due_on < today:
            overdue_by_org[a.organisation.name] = overdue_by_org.get(a.organisation.name, 0) + 1
    if status == "overdue":
        shown = [a for a in all_actions if a.status in open_statuses and a.due_on < today]
    elif status:
        shown = [a for a in all_actions if a.status == status]
    else:
        shown = all_actions
    return ActionsOverview(
        actions=shown,
        overdue=sum(overdue_by_org.values()),
        open=sum(1 for a in all_actions if a.status in open_statuses),
        done=sum(1 for a in all_actions if a.status == ActionStatus.DONE),
        overdue_by_organisation=overdue_by_org,
    )


def action_get_for_reviewer(*, user: RequestUser | None, action_id: Any) -> Action:
    action = Action.objects.select_related("report", "owner").filter(pk=action_id).first()
    if action is None:
        raise Http404
    require_reviewer(user, action.organisation_id)
    return action


def clock_get_for_reviewer(*, user: RequestUser | None, clock_id: Any) -> StatutoryClock:
    clock = StatutoryClock.objects.select_related("report").filter(pk=clock_id).first()
    if clock is None:
        raise Http404
    require_reviewer(user, clock.organisation_id)
    return clock


def episode_get_for_reviewer(*, user: RequestUser | None, episode_id: Any) -> PracticeEpisode:
    episode = PracticeEpisode.objects.select_related("report").filter(pk=episode_id).first()
    if episode is None:
        raise Http404
    require_reviewer(user, episode.report.organisation_id)
    return episode


def reviewers_in(*, organisation_id: Any) -> list[Any]:
    return [
        m.user
        for m in Membership.objects.filter(organisation_id=organisation_id, role=Role.REVIEWER)
        .select_related("user")
        .order_by("user__username")
    ]


def members_in(*, organisation_id: Any) -> list[Any]:
    """Possible action owners: anyone with a role in the organisation (once each)."""
    users = {
        m.user.pk: m.user
        for m in Membership.objects.filter(organisation_id=organisation_id)
        .exclude(role=Role.ANALYST)
        .select_related("user")
    }
    return sorted(users.values(), key=lambda u: u.get_username())
