"""Reads on the reporter's side."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from typing import Any

from django.db.models import F, QuerySet
from django.http import Http404
from django.utils import timezone

from safelearn.core.audit import audit_record
from safelearn.core.types import RequestUser, User
from safelearn.organisations.models import Organisation
from safelearn.organisations.permissions import require_reviewer
from safelearn.reporting import receipts
from safelearn.reporting.models import (
    NARRATIVE_FIELDS,
    Escalation,
    Location,
    Message,
    MessageAuthor,
    Report,
    ReportDraft,
)


def report_list_for_reporter(*, user: User) -> QuerySet[Report]:
    """A reporter's own named or confidential reports (anonymous ones are linked to nobody)."""
    return (
        Report.objects.filter(reporter=user)
        .select_related("organisation")
        .defer("what_happened", "how_noticed", "why_happened", "what_would_help")
        .order_by("-submitted_at")
    )


def report_get_for_reporter(*, user: User, report_id: Any) -> Report:
    report = Report.objects.filter(pk=report_id, reporter=user).select_related("organisation").first()
    if report is None:
        raise Http404
    audit_record(actor=user, verb="report.narrative_read", target=report, payload={"as": "reporter"})
    return report


def drafts_for(*, user: User) -> QuerySet[ReportDraft]:
    return ReportDraft.objects.filter(owner=user).select_related("organisation")


# A real Argon2 hash of a code nobody holds, so that a look-up for a handle that does not exist costs
# the same time as one that does, and timing gives nothing away.
_DUMMY_HASH = receipts.hash_code(receipts.generate_code())


def report_find_by_receipt(*, code: str) -> Report | None:
    """The report a receipt code opens, or None. Wrong, unknown and malformed codes look the same."""
    normalised = receipts.normalise_code(code)
    if normalised is None:
        receipts.verify_code("0000-0000-0000-0000-0000", _DUMMY_HASH)
        return None
    report = (
        Report.objects.filter(receipt_lookup=receipts.lookup_handle(normalised))
        .select_related("organisation")
        .defer(*NARRATIVE_FIELDS)
        .first()
    )
    if report is None:
        receipts.verify_code(normalised, _DUMMY_HASH)
        return None
    return report if receipts.verify_code(normalised, report.receipt_hash) else None


def report_by_reference(*, organisation_id: Any, reference: str) -> Report | None:
    """One organisation's report by its reference, in any case; blank, or another organisation's, is None."""
    reference = reference.strip()
    if not reference:
        return None
    return Report.objects.filter(organisation_id=organisation_id, reference__iexact=reference).first()


def report_get_for_receipt_holder(*, report_id: Any) -> Report | None:
    """A report the current visitor has already opened with its code (the id is kept in their session)."""
    return Report.objects.filter(pk=report_id).select_related("organisation").first()


def conversation_for(*, report: Report) -> list[Message]:
    return list(Message.objects.filter(report=report).select_related("author").order_by("created_at"))


def conversation_for_safety_lead(*, user: RequestUser | None, report: Report) -> list[Message]:
    """The whole conversation, for the report's organisation's safety leads only."""
    require_reviewer(user, report.organisation_id)
    return conversation_for(report=report)


def unread_by_reporter_count(*, report: Report) -> int:
    return Message.objects.filter(
        report=report, author_kind=MessageAuthor.SAFETY_LEAD, read_by_reporter_at__isnull=True
    ).count()


def public_organisation(*, slug: str) -> Organisation:
    """An organisation whose public reporting link is open; 404 otherwise (disabled looks like unknown)."""
    organisation = Organisation.objects.filter(slug=slug, public_reporting_enabled=True).first()
    if organisation is None:
        raise Http404
    return organisation


@dataclass(frozen=True)
class EscalationTimer:
    """How long is left to acknowledge a child-at-risk-now alert, in words a safety lead reads at a glance."""

    escalation: Escalation
    minutes: int
    overdue: bool

    @property
    def text(self) -> str:
        unit = "minute" if self.minutes == 1 else "minutes"
        if self.overdue:
            return f"Overdue by {self.minutes} {unit}"
        return f"Acknowledge within {self.minutes} {unit}"


def escalation_timer(escalation: Escalation, now: dt.datetime | None = None) -> EscalationTimer:
    now = now or timezone.now()
    seconds = (escalation.ack_due_at - now).total_seconds()
    overdue = seconds <= 0
    # Round towards urgency: 30 seconds left shows "1 minute", 30 seconds late shows "Overdue by 1 minute".
    minutes = max(math.ceil(abs(seconds) / 60), 1) if seconds else 0
    return EscalationTimer(escalation=escalation, minutes=minutes, overdue=overdue)


def open_escalations_for(*, organisation_ids: list[Any]) -> list[Escalation]:
    """Unacknowledged alerts, the most overdue first (call after checking the user may see them)."""
    return list(
        Escalation.objects.filter(report__organisation_id__in=organisation_ids, acknowledged_at__isnull=True)
        .select_related("report__organisation", "report__assigned_to")
        .defer(*(f"report__{f}" for f in NARRATIVE_FIELDS))
        .order_by("ack_due_at")
    )


def escalations_for_report(*, report: Report) -> list[Escalation]:
    return list(Escalation.objects.filter(report=report).select_related("acknowledged_by").order_by("-raised_at"))


def locations_of(*, organisation: Any, include_retired: bool = True) -> QuerySet[Location]:
    """An organisation's locations, current first; never another organisation's."""
    qs = Location.objects.filter(organisation=organisation)
    if not include_retired:
        qs = qs.filter(retired_at__isnull=True)
    return qs.order_by(F("retired_at").asc(nulls_first=True), "name")


def location_in(*, organisation: Any, location_id: Any) -> Location:
    """One of this organisation's locations, or 404 (another organisation's is as good as missing)."""
    location = Location.objects.select_related("organisation").filter(pk=location_id, organisation=organisation).first()
    if location is None:
        raise Http404
    return location
