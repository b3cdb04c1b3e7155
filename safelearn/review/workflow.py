"""The one transition table for a report's status, and the one audited way through it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from safelearn.core.audit import audit_record
from safelearn.core.permissions import require_reviewer
from safelearn.reporting.models import Report, ReportStatus

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
        if to_status == S.DUPLICATE:
            if (
                duplicate_of is None
                or duplicate_of.organisation_id != locked.organisation_id
                or duplicate_of.pk == locked.pk
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
    return locked


def report_assign(*, report: Report, actor: Any, assignee: Any) -> Report:
    require_reviewer(actor, report.organisation_id)
    require_reviewer(assignee, report.organisation_id)
    with transaction.atomic():
        report.assigned_to = assignee
        report.save(update_fields=["assigned_to", "updated_at"])
        audit_record(actor=actor, verb="report.assigned", target=report, payload={"to": assignee.get_username()})
    return report
