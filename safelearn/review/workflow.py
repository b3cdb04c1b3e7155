"""The one transition table for a report's status, and the one audited way through it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from safelearn.core.audit import audit_record
from safelearn.core.permissions import can_review, require_reviewer
from safelearn.reporting.models import Message, Report, ReportStatus
from safelearn.reporting.services import message_post
from safelearn.review.models import Feedback
from safelearn.review.services import clocks_start_suggested, review_notify

S = ReportStatus

TRANSITIONS: dict[str, tuple[str, ...]] = {
    S.SUBMITTED: (S.TRIAGED, S.DUPLICATE, S.WITHDRAWN),
    S.TRIAGED: (S.UNDER_REVIEW, S.CLOSED, S.DUPLICATE, S.WITHDRAWN),
    S.UNDER_REVIEW: (S.ACTIONS_OPEN, S.CLOSED, S.WITHDRAWN),
    S.ACTIONS_OPEN: (S.CLOSED,),
    S.CLOSED: (),
    S.WITHDRAWN: (),
    S.DUPLICATE: (),
}

#: Transitions that must say why (the reporter sees the reason).
REASON_REQUIRED = {S.DUPLICATE, S.WITHDRAWN}

ACTION_LABELS: dict[str, str] = {
    S.TRIAGED: "Mark as triaged",
    S.UNDER_REVIEW: "Start review",
    S.ACTIONS_OPEN: "Actions agreed",
    S.CLOSED: "Close report",
    S.DUPLICATE: "Mark as duplicate",
    S.WITHDRAWN: "Withdraw (not for this system)",
}


def _feedback_given(report: Report) -> bool:
    """Feedback from the review page or the conversation panel: either reaches the reporter by receipt code."""
    return (
        Feedback.objects.filter(report=report).exists()
        or Message.objects.filter(report=report, author_kind="safety_lead", kind="feedback").exists()
    )


@dataclass(frozen=True)
class Transition:
    to_status: str
    label: str
    needs_reason: bool


def allowed_transitions(report: Report) -> list[Transition]:
    return [Transition(s, ACTION_LABELS[s], s in REASON_REQUIRED) for s in TRANSITIONS[report.status]]


def report_transition(
    *, report: Report, actor: Any, to_status: str, reason: str = "", duplicate_of: Report | None = None
) -> Report:
    """Move a report on; checks permission and the table, and audits the change."""
    require_reviewer(actor, report.organisation_id)
    with transaction.atomic():
        locked = Report.objects.select_for_update().get(pk=report.pk)
        if to_status not in TRANSITIONS[locked.status]:
            raise ValidationError(
                {"to_status": [f"A report that is {locked.get_status_display().lower()} cannot move to that status"]}
            )
        if to_status in REASON_REQUIRED and not reason.strip():
            raise ValidationError({"reason": ["Give a reason the reporter will see"]})
        # Closing the loop is the point: no report closes without feedback or a recorded reason for none.
        if to_status == S.CLOSED and not reason.strip() and not _feedback_given(locked):
            raise ValidationError(
                {"reason": ["Send feedback to the reporter before closing, or record why there is none"]}
            )
        if to_status == S.DUPLICATE:
            if (
                duplicate_of is None
                or duplicate_of.organisation_id != locked.organisation_id
                or duplicate_of.pk == locked.pk
                # Read the primary's status afresh: the caller's copy may be stale.
                or Report.objects.filter(pk=duplicate_of.pk, status=S.DUPLICATE).exists()
            ):
                raise ValidationError({"duplicate_of": ["Choose the primary report in your organisation"]})
            locked.duplicate_of = duplicate_of
        previous = locked.status
        locked.status = to_status
        locked.status_reason = reason.strip()
        now = timezone.now()
        if to_status == S.TRIAGED:
            locked.triaged_at = now
        if to_status == S.CLOSED:
            locked.closed_at = now
        locked.save(update_fields=["status", "status_reason", "triaged_at", "closed_at", "duplicate_of", "updated_at"])
        audit_record(
            actor=actor,
            verb="report.transition",
            target=locked,
            payload={
                "from": previous,
                "to": to_status,
                "reason": reason.strip(),
                "duplicate_of": str(duplicate_of.pk) if duplicate_of else None,
            },
        )
        if to_status in REASON_REQUIRED:
            # Every reporter, anonymous ones included, reads this through their receipt code.
            prefix = (
                f"Your report has been joined to report {duplicate_of.reference}, which describes the same events. "
                "Your account stays part of the review."
                if to_status == S.DUPLICATE and duplicate_of
                else "Your report will not be reviewed in SafeLearn."
            )
            message_post(
                report=locked,
                author_kind="safety_lead",
                author=actor,
                kind="status",
                body=f"{prefix}\n\n{reason.strip()}",
            )
        if to_status == S.TRIAGED:
            clocks_start_suggested(report=locked, actor=actor)
    return locked


def report_assign(*, report: Report, actor: Any, assignee: Any) -> Report:
    """Give the report to one safety lead in the organisation, who is told."""
    require_reviewer(actor, report.organisation_id)
    if assignee is None or not can_review(assignee, report.organisation_id):
        raise ValidationError({"assignee": ["Choose a safety lead in this organisation"]})
    with transaction.atomic():
        report.assigned_to = assignee
        report.save(update_fields=["assigned_to", "updated_at"])
        audit_record(actor=actor, verb="report.assigned", target=report, payload={"to": assignee.get_username()})
        transaction.on_commit(
            lambda: review_notify(
                users=[assignee],
                kind="assigned",
                title=f"Report {report.reference} has been assigned to you",
                url=reverse("review:report_detail", args=[report.pk]),
                organisation_id=report.organisation_id,
            )
        )
    return report
