"""What must be true before a report closes: any child-at-risk-now alert acknowledged, every statutory clock met (a sending recorded), every action finished or handed over,
the de-identified copy approved, and a reachable reporter told what was learned. Reads only; the workflow
enforces it (safelearn.review.workflow.report_transition) and a safety lead may override it with a reason."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass

from django.urls import reverse
from django.utils import timezone

from safelearn.privacy.models import DeidentifiedCopy, DeidentifiedStatus
from safelearn.privacy.selectors import report_has_additions_waiting
from safelearn.reporting.models import Escalation, Message, MessageAuthor, MessageKind, Report, ReportingMode
from safelearn.review.models import (
    Action,
    ActionStatus,
    ClockStatus,
    Feedback,
    NotificationStatus,
    StatutoryClock,
)
from safelearn.review.services.feedback import feedback_problem

ESCALATION = "risk_alert_unacknowledged"
CLOCK = "clock_running"
ACTION = "action_open"
DEIDENTIFIED = "deidentified_unapproved"
FEEDBACK = "feedback_missing"

#: An override reason has to explain itself; "ok" or "closing" does not.
OVERRIDE_MIN_WORDS = 3


@dataclass(frozen=True)
class ClosureBlocker:
    code: str
    message: str
    url: str
    #: A written override may close past this; never past an unacknowledged child-at-risk-now alert.
    overridable: bool = True

    def as_dict(self) -> dict[str, str]:
        return asdict(self)


def reporter_reachable(report: Report) -> bool:
    """Every reporter with a receipt code reads feedback with it (anonymous ones too); a named reporter reads it
    signed in. Only an imported historic report with neither has nobody to tell."""
    return bool(report.receipt_lookup) or (report.mode == ReportingMode.NAMED and report.reporter_id is not None)


def real_feedback_given(report: Report) -> bool:
    """Feedback counts only if it tells the reporter something: 'done' sent earlier does not."""
    texts = [*Feedback.objects.filter(report=report).values_list("body", flat=True)]
    texts += [
        m.body
        for m in Message.objects.filter(
            report=report, author_kind=MessageAuthor.SAFETY_LEAD, kind=MessageKind.FEEDBACK
        ).only("body")
    ]
    return any(not feedback_problem(text or "") for text in texts)


def _escalation_blockers(report: Report) -> list[ClosureBlocker]:
    if not Escalation.objects.filter(report=report, acknowledged_at__isnull=True).exists():
        return []
    return [
        ClosureBlocker(
            ESCALATION,
            "The child-at-risk-now alert has not been acknowledged: record who was told and the action taken",
            reverse("review:report_detail", args=[report.pk]) + "#risk-alert",
            overridable=False,
        )
    ]


def _clock_blockers(report: Report) -> list[ClosureBlocker]:
    """A statutory clock is met only when a sending is recorded (or the duty is recorded as not applying)."""
    unmet = (
        StatutoryClock.objects.filter(report=report)
        .exclude(status=ClockStatus.NOT_REQUIRED)
        .exclude(onward_notification__status=NotificationStatus.SENT)
    )
    page = reverse("review:report_grading", args=[report.pk])
    return [
        ClosureBlocker(
            CLOCK,
            f"The statutory clock for {clock.get_duty_display()} is still running (due "
            f"{timezone.localtime(clock.deadline):%-d %B %Y %H:%M}): no sending is recorded. Prepare the "
            "notification, send it and record that you sent it, or say why the duty does not apply",
            f"{page}#clock-{clock.pk}",
        )
        for clock in unmet
    ]


def _action_blockers(report: Report) -> list[ClosureBlocker]:
    unfinished = Action.objects.filter(report=report, status__in=(ActionStatus.OPEN, ActionStatus.IN_PROGRESS))
    return [
        ClosureBlocker(
            ACTION,
            f"The action '{action.title}' is {action.get_status_display().lower()}: finish it, cancel it with a "
            "reason, or hand it over to its owner with a due date",
            reverse("review:action_update", args=[action.pk]),
        )
        for action in unfinished
    ]


def _deidentified_blockers(report: Report) -> list[ClosureBlocker]:
    copy = DeidentifiedCopy.objects.filter(report=report).only("status").first()
    if copy is None:
        return [
            ClosureBlocker(
                DEIDENTIFIED,
                "The de-identified copy has not been made yet: it is made automatically within a few minutes, "
                "then appears in the redaction queue for you to approve",
                reverse("privacy:queue"),
            )
        ]
    if copy.status != DeidentifiedStatus.APPROVED:
        return [
            ClosureBlocker(
                DEIDENTIFIED,
                f"The de-identified copy is not approved ({copy.get_status_display().lower()}): check it and approve it",
                reverse("privacy:review", args=[report.pk]),
            )
        ]
    if report_has_additions_waiting(report):
        return [
            ClosureBlocker(
                DEIDENTIFIED,
                "Information added after submission is waiting for redaction review: check it and approve it",
                reverse("privacy:review", args=[report.pk]),
            )
        ]
    return []


def _feedback_blockers(report: Report) -> list[ClosureBlocker]:
    if not reporter_reachable(report) or real_feedback_given(report):
        return []
    return [
        ClosureBlocker(
            FEEDBACK,
            "The reporter has had no real feedback: tell them what was learned and what changed",
            reverse("review:report_close", args=[report.pk]) + "#id_feedback",
        )
    ]


def closure_blockers(report: Report) -> list[ClosureBlocker]:
    """Everything that stops this report closing, each with where to put it right (empty: it may close)."""
    return [
        *_escalation_blockers(report),
        *_clock_blockers(report),
        *_action_blockers(report),
        *_deidentified_blockers(report),
        *_feedback_blockers(report),
    ]


def override_reason_problem(reason: str) -> str:
    """Why a written override reason is not enough (empty when it is)."""
    words = re.findall(r"\w+", reason)
    if not words:
        return "Write why you are closing this report with things still outstanding"
    if len(words) < OVERRIDE_MIN_WORDS:
        return (
            f"Explain the override in a sentence of {OVERRIDE_MIN_WORDS} words or more: it is recorded and shown "
            "on the report"
        )
    return ""
