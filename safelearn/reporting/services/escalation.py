"""A child at risk now: one screen for every free-text entry point, and escalation that cannot quietly die.

Every path by which a reporter's words arrive (staff form, public link, API, import, a reply on the check
page, an addendum) calls :func:`risk_screen`. When it fires, the report is flagged and an
:class:`Escalation` is raised: the duty contact (and, out of hours, the out-of-hours contact) and every
safety lead are alerted at once, and a named person must acknowledge within the organisation's
``escalation_ack_minutes``, recording what safeguarding action was taken. Unacknowledged, it re-escalates
to the second contact and every safety lead, and keeps doing so each window until someone acknowledges.
The re-check runs without a human: a deferred task at the due time, and ``safelearn escalations-check``
as a catch-up the deployment schedule runs every few minutes.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable
from typing import Any
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from safelearn.core.audit import audit_record
from safelearn.core.links import absolute_url
from safelearn.core.notifications import notify_users, send_email
from safelearn.core.working_days import is_working_day
from safelearn.organisations.models import Membership, Organisation, Role
from safelearn.organisations.permissions import require_reviewer
from safelearn.reporting.models import Channel, Escalation, EscalationSource, Report, WhoWasTold
from safelearn.reporting.risk import RiskAssessment, assess_immediate_risk

logger = logging.getLogger(__name__)

LONDON = ZoneInfo("Europe/London")
WORKING_HOURS = (dt.time(9, 0), dt.time(17, 0))
REFERENCES_MAX = 500
NOTES_MAX = 5_000

#: The source recorded for a new report, by the channel it came in on.
SOURCE_FOR_CHANNEL: dict[str, str] = {
    Channel.STAFF: EscalationSource.FORM,
    Channel.PUBLIC: EscalationSource.PUBLIC,
    Channel.API: EscalationSource.API,
    Channel.IMPORT: EscalationSource.IMPORT,
}


def is_working_hours(when: dt.datetime) -> bool:
    """Monday to Friday, 9am to 5pm UK time, on England's working days (bank holidays are out of hours)."""
    local = when.astimezone(LONDON)
    start, end = WORKING_HOURS
    return is_working_day(local.date()) and start <= local.time() < end


def risk_screen(
    *,
    report: Report,
    text: str,
    source: str,
    answer: str = "",
    escalate: bool = True,
    now: dt.datetime | None = None,
) -> RiskAssessment:
    """Run the immediate-risk detector on new words about ``report``; flag and escalate when it fires.

    Call inside the transaction that stores the words: the flag is saved with them, and the alerts go
    out once they are committed. A report that already has an open escalation is not alerted twice; the
    audit log still records which source fired. ``escalate=False`` (old imported records) flags only.
    """
    risk = assess_immediate_risk(text, answer=answer)
    if not risk.at_risk:
        return risk
    reasons = list(report.immediate_risk_reasons or [])
    new = [r for r in risk.reasons if r not in reasons]
    if new or not report.immediate_risk_flagged:
        report.immediate_risk_flagged = True
        report.immediate_risk_reasons = reasons + new
        report.save(update_fields=["immediate_risk_flagged", "immediate_risk_reasons", "updated_at"])
    audit_record(
        actor="system",
        verb="report.risk_screen_fired",
        target=report,
        payload={"source": source, "reasons": risk.reasons, "escalate": escalate},
    )
    if escalate:
        report_id, when = report.pk, now
        transaction.on_commit(
            lambda: escalation_raise(
                report=Report.objects.get(pk=report_id), reasons=risk.reasons, source=source, now=when
            )
        )
    return risk


def open_escalation(report: Report) -> Escalation | None:
    return Escalation.objects.filter(report=report, acknowledged_at__isnull=True).first()


def _reviewers(organisation: Organisation) -> list[Any]:
    return [
        m.user for m in Membership.objects.filter(organisation=organisation, role=Role.REVIEWER).select_related("user")
    ]


def _first_contacts(organisation: Organisation, out_of_hours: bool) -> list[str]:
    """The duty contact; out of hours the out-of-hours contact too (the duty inbox may be unwatched then)."""
    contacts = [organisation.duty_contact_email]
    if out_of_hours:
        contacts.insert(0, organisation.out_of_hours_contact_email)
    return _unique(contacts)


def _unique(addresses: Iterable[str]) -> list[str]:
    seen: dict[str, None] = {}
    for address in addresses:
        if address and address.strip():
            seen.setdefault(address.strip(), None)
    return list(seen)


def _ack_minutes(organisation: Organisation) -> int:
    return max(int(organisation.escalation_ack_minutes or 15), 1)


def escalation_raise(
    *, report: Report, reasons: list[str], source: str, now: dt.datetime | None = None
) -> Escalation | None:
    """Alert at once and start the acknowledgement clock; ``None`` if an escalation is already open."""
    now = now or timezone.now()
    organisation = report.organisation
    out_of_hours = not is_working_hours(now)
    try:
        with transaction.atomic():
            if open_escalation(report) is not None:
                return None
            escalation = Escalation.objects.create(
                report=report,
                source=source,
                reasons=reasons,
                raised_at=now,
                out_of_hours=out_of_hours,
                ack_due_at=now + dt.timedelta(minutes=_ack_minutes(organisation)),
            )
            contacts = _first_contacts(organisation, out_of_hours)
            reviewers = _reviewers(organisation)
            audit_record(
                actor="system",
                verb="report.escalated",
                target=report,
                payload={
                    "escalation": str(escalation.pk),
                    "source": source,
                    "reasons": reasons,
                    "level": 1,
                    "out_of_hours": out_of_hours,
                    "contacts_emailed": contacts,
                    "duty_contact_emailed": bool(organisation.duty_contact_email),
                    "reviewers_alerted": len(reviewers),
                    "ack_due_at": escalation.ack_due_at.isoformat(),
                },
            )
    except IntegrityError:  # a second screen fired at the same moment and won the race: one alert is enough
        return None
    _alert(escalation, contacts, reviewers, first=True)
    _schedule_check(escalation)
    return escalation


def _alert(escalation: Escalation, contacts: list[str], reviewers: list[Any], *, first: bool) -> None:
    report = escalation.report
    path = reverse("review:report_detail", args=[report.pk])
    due = timezone.localtime(escalation.ack_due_at).strftime("%H:%M on %-d %B")
    if first:
        title = f"Possible child at risk now: report {report.reference}"
        opening = f"Report {report.reference} to {report.organisation.name} may describe a child at risk of significant harm now"
    else:
        title = (
            f"NOT YET ACKNOWLEDGED (alert {escalation.level}): possible child at risk now, report {report.reference}"
        )
        opening = (
            f"Nobody has yet acknowledged report {report.reference} to {report.organisation.name}, which may "
            "describe a child at risk of significant harm now. You are receiving this because the first alert "
            "was not acknowledged in time"
        )
    body = (
        f"{opening} ({'; '.join(escalation.reasons)}).\n\n"
        f"A named person must open it, make sure the child is safe and record the action taken by {due}: "
        f"{absolute_url(path)}"
    )
    notify_users(
        users=reviewers,
        kind="immediate_risk",
        title=title,
        body=body,
        url=path,
        urgent=True,
        organisation_id=report.organisation_id,
        email=True,
    )
    if contacts:
        send_email(contacts, title, body)


def _schedule_check(escalation: Escalation) -> None:
    """Queue the re-check for the due time; a backend that cannot defer leaves it to the catch-up command."""
    from safelearn.reporting.tasks import escalation_check_task

    if not escalation_check_task.get_backend().supports_defer:
        return
    try:
        escalation_check_task.using(run_after=escalation.ack_due_at).enqueue(str(escalation.pk))
    except Exception:  # the queue being down must not lose the alert; `safelearn escalations-check` catches up
        logger.exception("could not queue the acknowledgement check for escalation %s", escalation.pk)


def escalation_check(*, escalation_id: Any, now: dt.datetime | None = None) -> bool:
    """If the escalation is still unacknowledged past its due time, escalate further. Safe to repeat."""
    now = now or timezone.now()
    with transaction.atomic():
        escalation = (
            Escalation.objects.select_for_update()
            .select_related("report__organisation")
            .filter(pk=escalation_id)
            .first()
        )
        if escalation is None or escalation.acknowledged_at is not None or escalation.ack_due_at > now:
            return False
        organisation = escalation.report.organisation
        escalation.level += 1
        escalation.ack_due_at = now + dt.timedelta(minutes=_ack_minutes(organisation))
        escalation.save(update_fields=["level", "ack_due_at", "updated_at"])
        out_of_hours = not is_working_hours(now)
        contacts = _unique([organisation.second_contact_email, *_first_contacts(organisation, out_of_hours)])
        reviewers = _reviewers(organisation)
        audit_record(
            actor="system",
            verb="report.re_escalated",
            target=escalation.report,
            payload={
                "escalation": str(escalation.pk),
                "level": escalation.level,
                "contacts_emailed": contacts,
                "reviewers_alerted": len(reviewers),
                "ack_due_at": escalation.ack_due_at.isoformat(),
            },
        )
    _alert(escalation, contacts, reviewers, first=False)
    _schedule_check(escalation)
    return True


def escalations_check(*, now: dt.datetime | None = None) -> int:
    """Re-escalate every open escalation past its due time; the number re-escalated (0 when run again)."""
    now = now or timezone.now()
    due = Escalation.objects.filter(acknowledged_at__isnull=True, ack_due_at__lte=now).values_list("pk", flat=True)
    return sum(escalation_check(escalation_id=pk, now=now) for pk in list(due))


def escalation_acknowledge(
    *,
    report: Report,
    actor: Any,
    who_was_told: list[str],
    references: str,
    action_taken_at: dt.datetime | None,
    who_was_told_other: str = "",
    notes: str = "",
    now: dt.datetime | None = None,
) -> Escalation:
    """A named safety lead acknowledges, recording the safeguarding action taken; only then is it cleared."""
    require_reviewer(actor, report.organisation_id)
    now = now or timezone.now()
    errors: dict[str, list[str]] = {}
    told = [code for code in dict.fromkeys(who_was_told or []) if code]
    if not told:
        errors["who_was_told"] = ["Choose who you told about the risk to the child"]
    elif any(code not in WhoWasTold.values for code in told):
        errors["who_was_told"] = ["Choose from the list of who you told"]
    if WhoWasTold.OTHER in told and not who_was_told_other.strip():
        errors["who_was_told_other"] = ["Say who else you told"]
    if not references.strip():
        errors["references"] = ["Enter the reference numbers you were given, or say that there were none and why"]
    elif len(references) > REFERENCES_MAX:
        errors["references"] = [f"References must be {REFERENCES_MAX} characters or fewer"]
    if action_taken_at is None:
        errors["action_taken_at"] = ["Enter the time the action was taken"]
    elif action_taken_at > now + dt.timedelta(minutes=1):
        errors["action_taken_at"] = ["The time the action was taken must be now or in the past"]
    if len(notes) > NOTES_MAX:
        errors["notes"] = [f"Notes must be {NOTES_MAX:,} characters or fewer"]
    with transaction.atomic():
        escalation = Escalation.objects.select_for_update().filter(report=report, acknowledged_at__isnull=True).first()
        if escalation is None:
            errors = {"who_was_told": ["This alert has already been acknowledged"]}
        if errors:
            raise ValidationError(errors)
        assert escalation is not None
        escalation.acknowledged_by = actor
        escalation.acknowledged_at = now
        escalation.who_was_told = told
        escalation.who_was_told_other = who_was_told_other.strip() if WhoWasTold.OTHER in told else ""
        escalation.references = references.strip()
        escalation.action_taken_at = action_taken_at
        escalation.notes = notes.strip()
        escalation.save()
        audit_record(
            actor=actor,
            verb="report.escalation_acknowledged",
            target=report,
            payload={
                "escalation": str(escalation.pk),
                "level": escalation.level,
                "who_was_told": told,
                "references": escalation.references,
                "action_taken_at": action_taken_at.isoformat() if action_taken_at else "",
                "minutes_after_alert": round((now - escalation.raised_at).total_seconds() / 60, 1),
            },
        )
    return escalation
