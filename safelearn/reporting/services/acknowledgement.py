"""What happens next, and when: target dates in working days, and the acknowledgement email."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from safelearn.core.audit import audit_record
from safelearn.core.notifications import send_email
from safelearn.core.types import User
from safelearn.core.working_days import add_working_days
from safelearn.reporting.identity import identity_keeper
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
    local, _at, domain = contact.strip().partition("@")
    return bool(local) and "." in domain and " " not in contact.strip()


def acknowledgement_send(*, report: Report, user: User | None = None) -> bool:
    """Email named and confidential reporters who gave an email address. Never the narrative, never the code."""
    if report.mode == ReportingMode.ANONYMOUS:
        return False
    address = ""
    if report.mode == ReportingMode.NAMED and user is not None:
        address = getattr(user, "email", "") or ""
    if not address:
        contact = identity_keeper().identity_contact_for_acknowledgement(report=report)
        address = contact.strip() if _looks_like_email(contact) else ""
    if not address:
        return False
    steps = next_steps_for(report=report)
    # Sent while the reporter's request is still active, so gettext speaks the language they reported in.
    values = {
        "organisation": report.organisation.name,
        "reference": report.reference,
        "triage_by": date_format(steps.triage_by, "l j F Y"),
        "feedback_by": date_format(steps.feedback_by, "l j F Y"),
    }
    body = (
        _("Thank you for your report to %(organisation)s.") % values
        + "\n\n"
        + _("Your reference number is %(reference)s.") % values
        + "\n\n"
        + _("What happens next:")
        + "\n- "
        + _("A safety lead will look at your report by %(triage_by)s.") % values
        + "\n- "
        + _("You should hear what we learned and what we are changing by %(feedback_by)s.") % values
        + "\n\n"
        + _(
            "To see updates, reply to questions or add something, use ‘Check your report’ with the receipt code "
            "you saved. For your privacy this email does not contain your report or your receipt code."
        )
        + "\n\n"
        + _("If a child is in danger now, call 999.")
    )
    sent = send_email([address], _("We have received your report %(reference)s") % values, body)
    audit_record(actor="system", verb="report.acknowledged", target=report, payload={"emailed": sent})
    return sent
