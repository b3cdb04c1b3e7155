"""The identity vault: a confidential reporter's name and contact, kept apart from the report.

The "ID strip" model of aviation safety reporting: the identity is encrypted (EncryptedTextField), only
the organisation's safety leads may read it, every read is audited, and it is destroyed a fixed number
of days (SAFELEARN_IDENTITY_RETENTION_DAYS) after the report reaches a final status.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone

from safelearn.core.audit import audit_record
from safelearn.core.types import RequestUser
from safelearn.organisations.models import Organisation
from safelearn.organisations.permissions import require_reviewer
from safelearn.organisations.selectors import identity_retention_days
from safelearn.privacy.models import IdentityVaultEntry, InvolvedPeople
from safelearn.reporting.identity import identity_validate

#: Final statuses: once a report is in one, its identity's destruction date is set.
FINAL_STATUSES = ("closed", "withdrawn", "duplicate")


@dataclass(frozen=True)
class Identity:
    name: str
    contact: str


@dataclass(frozen=True)
class PurgeResult:
    scheduled: int
    destroyed: int
    dry_run: bool


def identity_create(*, report: Any, name: str, contact: str = "") -> IdentityVaultEntry:
    """Store a reporter's identity in the vault (call inside the transaction that stores the report)."""
    identity_validate(name=name, contact=contact)
    with transaction.atomic():
        entry = IdentityVaultEntry.objects.create(report=report, name=name.strip(), contact=contact.strip() or None)
        # The payload never holds the identity itself, only the fact that one was stored.
        audit_record(actor="reporter", verb="identity.stored", target=report, payload={"vault_entry": str(entry.pk)})
    return entry


def involved_people_keep(*, report: Any, names: str) -> InvolvedPeople:
    """The names a reporter listed privately ("who was involved"): used only to strip them from the narrative."""
    return InvolvedPeople.objects.create(report=report, names=names)


def identity_exists(*, report: Any) -> bool:
    return IdentityVaultEntry.objects.filter(report=report).exists()


def identity_read(*, user: RequestUser | None, report: Any, reason: str = "") -> Identity | None:
    """Only the report's organisation's safety leads; every read is audited. None once destroyed."""
    require_reviewer(user, report.organisation_id)
    entry = IdentityVaultEntry.objects.filter(report=report).first()
    audit_record(
        actor=user,
        verb="identity.read",
        target=report,
        payload={"found": entry is not None, "reason": reason[:500]},
    )
    if entry is None:
        return None
    return Identity(name=entry.name, contact=entry.contact or "")


def identity_contact_for_acknowledgement(*, report: Any) -> str:
    """The system (not a person) reads the contact once to send the acknowledgement; audited like any read."""
    entry = IdentityVaultEntry.objects.filter(report=report).only("contact").first()
    if entry is None or not entry.contact:
        return ""
    audit_record(actor="system", verb="identity.read", target=report, payload={"purpose": "acknowledgement email"})
    contact: str = entry.contact
    return contact


def _retention_by_organisation() -> dict[Any, int]:
    """Each organisation's identity retention in days (its own setting, else the installation's)."""
    return {o.pk: identity_retention_days(o) for o in Organisation.objects.only("id", "identity_retention_days")}


def _retention(days: dict[Any, int], organisation_id: Any) -> dt.timedelta:
    return dt.timedelta(days=days.get(organisation_id) or identity_retention_days(None))


def identity_purge(*, now: dt.datetime | None = None, dry_run: bool = False) -> PurgeResult:
    """Set destruction dates for identities of finished reports, then destroy those that are due.

    A closed report counts from its closing time; withdrawn and duplicate reports have no such time, so
    they count from the first purge run that sees them final (the job runs daily).
    """
    now = now or timezone.now()
    today = timezone.localdate(now)
    pending = list(
        IdentityVaultEntry.objects.filter(destroy_after__isnull=True, report__status__in=FINAL_STATUSES)
        .select_related("report")
        .only("id", "destroy_after", "report__closed_at", "report__status", "report__organisation_id")
    )
    due_filter = IdentityVaultEntry.objects.filter(destroy_after__lte=today)
    days = _retention_by_organisation()
    if dry_run:
        would = due_filter.count() + sum(
            1
            for e in pending
            if timezone.localdate(e.report.closed_at or now) + _retention(days, e.report.organisation_id) <= today
        )
        return PurgeResult(scheduled=len(pending), destroyed=would, dry_run=True)
    with transaction.atomic():
        for entry in pending:
            entry.destroy_after = timezone.localdate(entry.report.closed_at or now) + _retention(
                days, entry.report.organisation_id
            )
            entry.save(update_fields=["destroy_after", "updated_at"])
        due = list(due_filter.select_related("report").only("id", "report__id", "report__organisation_id"))
        for entry in due:
            audit_record(
                actor="system",
                verb="identity.destroyed",
                target=entry.report,
                payload={"retention_days": days.get(entry.report.organisation_id) or identity_retention_days(None)},
            )
        IdentityVaultEntry.objects.filter(pk__in=[e.pk for e in due]).delete()
    return PurgeResult(scheduled=len(pending), destroyed=len(due), dry_run=False)
