"""Reminders before and after deadlines. Run by a periodic task; `now` is a parameter so tests drive the clock.

Each reminder is recorded in ReminderSent under (kind, target), so running the job again sends nothing twice;
keys include the date they are about, so moving a due date earns a fresh reminder.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from safelearn.core.taxonomy import get_taxonomy
from safelearn.reporting.models import Report, ReportStatus
from safelearn.review.clocks import triage_due
from safelearn.review.models import (
    OUTSTANDING_ACTION_STATUSES,
    Action,
    ActionStatus,
    Assessment,
    ClockStatus,
    ReminderSent,
    StatutoryClock,
)
from safelearn.review.services.grading import clocks_start_for_waiting_reports
from safelearn.review.services.notify import digests_send, review_notify, reviewers_of

#: How long before a statutory deadline we warn (72-hour clocks included).
CLOCK_WARNING = dt.timedelta(hours=24)
#: How many days before an action is due its owner is reminded.
ACTION_WARNING_DAYS = 3


def _once(kind: str, target_id: str, now: dt.datetime) -> bool:
    """True the first time this reminder is claimed."""
    try:
        with transaction.atomic():
            ReminderSent.objects.create(kind=kind, target_id=target_id[:64], sent_at=now)
    except IntegrityError:
        return False
    return True


def _report_url(report_id: Any) -> str:
    return reverse("review:report_detail", args=[report_id])


def _clocks(now: dt.datetime, counts: Counter[str]) -> None:
    running = StatutoryClock.objects.filter(status=ClockStatus.RUNNING, deadline__lte=now + CLOCK_WARNING)
    for clock in running.select_related("report"):
        overdue = clock.deadline <= now
        kind = "clock_overdue" if overdue else "clock_due_soon"
        if not _once(kind, str(clock.pk), now):
            continue
        label = get_taxonomy().label("statutory_notification", clock.duty)
        when = timezone.localtime(clock.deadline).strftime("%-d %B %Y %H:%M")
        title = (
            f"Overdue: {label} for {clock.report.reference} was due {when}"
            if overdue
            else f"Due soon: {label} for {clock.report.reference} by {when}"
        )
        review_notify(
            users=[*reviewers_of(clock.organisation_id), clock.report.assigned_to],
            kind=kind,
            title=title,
            body="Record who was notified and when on the report page, or mark the duty as not required.",
            url=_report_url(clock.report_id),
            organisation_id=clock.organisation_id,
        )
        counts[kind] += 1


def _actions(today: dt.date, now: dt.datetime, counts: Counter[str]) -> None:
    open_statuses = OUTSTANDING_ACTION_STATUSES
    soon = today + dt.timedelta(days=ACTION_WARNING_DAYS)
    for action in Action.objects.filter(status__in=open_statuses, due_on__lte=soon).select_related("report", "owner"):
        overdue = action.due_on < today
        kind = "action_overdue" if overdue else "action_due_soon"
        if not _once(kind, f"{action.pk}:{action.due_on}", now):
            continue
        users = [action.owner, *(reviewers_of(action.organisation_id) if overdue else [])]
        state = "is overdue" if overdue else "is due"
        review_notify(
            users=users,
            kind=kind,
            title=f"Action {state} ({action.due_on:%-d %B %Y}): {action.title}",
            body=f"From report {action.report.reference}. Record progress or evidence of completion.",
            url=reverse("review:actions"),
            organisation_id=action.organisation_id,
        )
        counts[kind] += 1
    checks = Action.objects.filter(
        status=ActionStatus.DONE, effectiveness_check_on__lte=today, effectiveness_notes=""
    ).select_related("report", "owner")
    for action in checks:
        if not _once("action_effectiveness", f"{action.pk}:{action.effectiveness_check_on}", now):
            continue
        review_notify(
            users=[action.owner, *reviewers_of(action.organisation_id)],
            kind="action_effectiveness",
            title=f"Check whether it worked: {action.title}",
            body=f"From report {action.report.reference}. Record whether the change made things safer.",
            url=reverse("review:action_update", args=[action.pk]),
            organisation_id=action.organisation_id,
        )
        counts["action_effectiveness"] += 1


def _harm_revisits(today: dt.date, now: dt.datetime, counts: Counter[str]) -> None:
    due = Assessment.objects.filter(harm="unknown", harm_revisit_on__lte=today).select_related("report")
    for assessment in due:
        if not _once("harm_revisit", f"{assessment.pk}:{assessment.harm_revisit_on}", now):
            continue
        report = assessment.report
        review_notify(
            users=[*reviewers_of(report.organisation_id), report.assigned_to],
            kind="harm_revisit",
            title=f"Look again at harm for report {report.reference}",
            body="Harm was 'not yet known'. Grade it now, or set a new date to look again.",
            url=_report_url(report.pk),
            organisation_id=report.organisation_id,
        )
        counts["harm_revisit"] += 1


def _triage(now: dt.datetime, counts: Counter[str]) -> None:
    waiting = Report.objects.filter(status=ReportStatus.SUBMITTED, submitted_at__lte=now).select_related("organisation")
    for report in waiting.defer("what_happened", "how_noticed", "why_happened", "what_would_help"):
        org = report.organisation
        due = triage_due(
            submitted_at=report.submitted_at,
            immediate_risk=report.immediate_risk_flagged,
            working_days=org.triage_target_working_days,
            risk_hours=org.immediate_risk_target_hours,
        )
        if due > now or not _once("triage_overdue", str(report.pk), now):
            continue
        review_notify(
            users=reviewers_of(org.pk),
            kind="triage_overdue",
            title=f"Triage overdue: report {report.reference}",
            body=f"Report {report.reference} was due to be triaged by {timezone.localtime(due):%-d %B %Y %H:%M}.",
            url=_report_url(report.pk),
            organisation_id=org.pk,
        )
        counts["triage_overdue"] += 1


def review_send_reminders(*, now: dt.datetime | None = None) -> dict[str, int]:
    """Send every reminder that is due at `now` and the daily digests; returns counts by kind."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    counts: Counter[str] = Counter()
    counts["clocks_started"] = len(clocks_start_for_waiting_reports())
    _clocks(now, counts)
    _actions(today, now, counts)
    _harm_revisits(today, now, counts)
    _triage(now, counts)
    counts["digests"] = digests_send(now=now)
    return dict(counts)
