"""The one transition table for a report's status, and the one audited way through it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from safelearn.core.audit import audit_record
from safelearn.organisations.permissions import can_review, require_reviewer
from safelearn.reporting.changes import report_changed
from safelearn.reporting.models import Report, ReportStatus
from safelearn.reporting.services import message_post
from safelearn.review.models import ClosureOverride
from safelearn.review.services import clocks_start_suggested, feedback_send, review_notify
from safelearn.review.services.closure import FEEDBACK, closure_blockers, override_reason_problem
from safelearn.review.services.feedback import feedback_problem

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


@dataclass(frozen=True)
class Transition:
    to_status: str
    label: str
    needs_reason: bool


def allowed_transitions(report: Report) -> list[Transition]:
    return [Transition(s, ACTION_LABELS[s], s in REASON_REQUIRED) for s in TRANSITIONS[report.status]]


def _check_closure(*, report: Report, actor: Any, override_reason: str) -> None:
    """Refuse to close with anything outstanding, unless a safety lead overrides in writing (recorded here)."""
    blockers = closure_blockers(report)
    if not blockers:
        return
    if fixed := [b for b in blockers if not b.overridable]:
        raise ValidationError({"closure": [f"This report cannot be closed yet. {b.message}." for b in fixed]})
    if not override_reason.strip():
        raise ValidationError(
            {"closure": [f"This report cannot be closed yet. {b.message}." for b in blockers]},
        )
    if problem := override_reason_problem(override_reason):
        raise ValidationError({"override_reason": [problem]})
    outstanding = [{"code": b.code, "message": b.message} for b in blockers]
    record = ClosureOverride.objects.create(
        report=report,
        by=actor,
        by_label=actor.get_full_name() or actor.get_username(),
        reason=override_reason.strip(),
        outstanding=outstanding,
    )
    audit_record(
        actor=actor,
        verb="report.closure_overridden",
        target=report,
        payload={"override": str(record.pk), "reason": record.reason, "outstanding": [b.code for b in blockers]},
    )


def report_transition(
    *,
    report: Report,
    actor: Any,
    to_status: str,
    reason: str = "",
    duplicate_of: Report | None = None,
    override_reason: str = "",
) -> Report:
    """Move a report on; checks permission and the table, and audits the change.

    Closing also needs the closure criteria met (safelearn.review.services.closure), or `override_reason`:
    a safety lead's written reason, recorded with what was still outstanding and shown on the report."""
    require_reviewer(actor, report.organisation_id)
    with transaction.atomic():
        locked = Report.objects.select_for_update().get(pk=report.pk)
        if to_status not in TRANSITIONS[locked.status]:
            raise ValidationError(
                {"to_status": [f"A report that is {locked.get_status_display().lower()} cannot move to that status"]}
            )
        if to_status in REASON_REQUIRED and not reason.strip():
            raise ValidationError({"reason": ["Give a reason the reporter will see"]})
        # Closing the loop is the point: nothing closes with a clock running, an action loose, an unapproved
        # learning copy or a reporter never told what changed, unless a safety lead says why in writing.
        if to_status == S.CLOSED:
            _check_closure(report=locked, actor=actor, override_reason=override_reason)
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
        # Withdrawn and duplicate reports leave the statistics: analytics recounts the report's summary cell.
        report_changed([locked.pk])
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


def report_close(
    *, report: Report, actor: Any, feedback: str = "", override: bool = False, override_reason: str = ""
) -> Report:
    """The close page: send the reporter real feedback (if they still need it) and close, in one step.

    Everything is checked before anything is sent, so a refusal loses nothing and tells the reporter nothing.
    """
    require_reviewer(actor, report.organisation_id)
    if S.CLOSED not in TRANSITIONS[report.status]:
        raise ValidationError({"closure": [f"A report that is {report.get_status_display().lower()} cannot be closed"]})
    text = feedback.strip()
    errors: dict[str, list[str]] = {}
    blockers = closure_blockers(report)
    needs_feedback = any(b.code == FEEDBACK for b in blockers)
    if text and (problem := feedback_problem(text)):
        errors["feedback"] = [problem]
    elif text:
        blockers = [b for b in blockers if b.code != FEEDBACK]
    elif needs_feedback and not override:
        errors["feedback"] = ["Write feedback for the reporter: what was learned and what changed"]
    if override and blockers and (problem := override_reason_problem(override_reason)):
        errors["override_reason"] = [problem]
    if not override or any(not b.overridable for b in blockers):
        outstanding = [b for b in blockers if b.code != FEEDBACK and (not override or not b.overridable)]
        if outstanding:
            errors["closure"] = [f"This report cannot be closed yet. {b.message}." for b in outstanding]
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        if text:
            feedback_send(report=report, actor=actor, body=text)
        return report_transition(
            report=report, actor=actor, to_status=S.CLOSED, override_reason=override_reason if override else ""
        )


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
