"""What happens next, and when: target dates in working days, and the acknowledgement email."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from safelearn.core.audit import audit_record
from safelearn.core.notifications import send_email
from safelearn.core.working_days import add_working_days
from safelearn.reporting.models import Report, ReportingMode


@dataclass(frozen=True)
class NextSteps:
    triage_by: dt.date
    feedback_by: dt.date
    triage_days: int
    feedback_days: int


def next_steps_for(*, report: Report) -> NextSteps:
    organisation = report.organisation
    start = timezone.localdate(report.submitted_at)
    return NextSteps(
        triage_by=add_working_days(start, organisation.triage_target_working_days),
        feedback_by=add_working_days(start, organisation.feedback_target_working_days),
        triage_days=organisation.triage_target_working_days,
        feedback_days=organisation.feedback_target_working_days,
    )


def _looks_like_email(contact: str) -> bool:
    local, _, domain = contact.strip().partition("@")
    return bool(local) and "." in domain and " " not in contact.strip()


def acknowledgement_send(*, report: Report, user: Any = None) -> bool:
    """Email named and confidential reporters who gave an email address. Never the narrative, never the code."""
    if report.mode == ReportingMode.ANONYMOUS:
        return False
    address = ""
    if report.mode == ReportingMode.NAMED and user is not None:
        address = getattr(user, "email", "") or ""
    if not address:
        from safelearn.privacy.vault import identity_contact_for_acknowledgement

        contact = identity_contact_for_acknowledgement(report=report)
        address = contact.strip() if _looks_like_email(contact) else ""
    if not address:
        return False
    steps = next_steps_for(report=report)
    body = (
        f"Thank you for your report to {report.organisation.name}.\n\n"
        f"Your reference number is {report.reference}.\n\n"
        "What happens next:\n"
        f"- A safety lead will look at your report by {steps.triage_by:%A %-d %B %Y}.\n"
        f"- You should hear what we learned and what we are changing by {steps.feedback_by:%A %-d %B %Y}.\n\n"
        "To see updates, reply to questions or add something, use 'Check your report' with the receipt code "
        "you saved. For your privacy this email does not contain your report or your receipt code.\n\n"
        "If a child is in danger now, call 999."
    )
    sent = send_email([address], f"We have received your report {report.reference}", body)
    audit_record(actor="system", verb="report.acknowledged", target=report, payload={"emailed": sent})
    return sent
