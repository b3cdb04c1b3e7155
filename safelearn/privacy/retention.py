"""Every scheduled purge in one place, so `safelearn purge` (daily, from cron or a task) runs them all.

- raw narratives: approved de-identified copy + SAFELEARN_RAW_RETENTION_DAYS (privacy.services)
- identity vault: final status + SAFELEARN_IDENTITY_RETENTION_DAYS (privacy.vault)
- drafts: untouched for SAFELEARN_DRAFT_RETENTION_DAYS (here)
- expired sessions (Django's own clear_expired)

It lives in privacy (data protection), which sits above reporting, so it may reach every app's data.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from safelearn.core.audit import audit_record
from safelearn.core.retention import PurgeLine, database_release_purged, sessions_purge
from safelearn.privacy.services import purge_raw_narratives
from safelearn.privacy.vault import identity_purge
from safelearn.reporting.models import ReportDraft


def drafts_purge(*, now: dt.datetime | None = None, dry_run: bool = False) -> int:
    """Delete drafts nobody has touched for the retention period (they hold unsent narrative text)."""
    now = now or timezone.now()
    days = int(getattr(settings, "SAFELEARN_DRAFT_RETENTION_DAYS", 30))
    due = ReportDraft.objects.filter(updated_at__lt=now - dt.timedelta(days=days))
    count = due.count()
    if dry_run or not count:
        return count
    with transaction.atomic():
        due.delete()
        audit_record(
            actor="system",
            verb="draft.purged",
            target_type="reporting.reportdraft",
            payload={"count": count, "days": days},
        )
    return count


def retention_purge_all(*, now: dt.datetime | None = None, dry_run: bool = False) -> list[PurgeLine]:
    """Run (or with dry_run, only count) every scheduled purge and say what each did."""
    now = now or timezone.now()
    lines: list[PurgeLine] = []
    refs = purge_raw_narratives(now=now, dry_run=dry_run)
    lines.append(
        PurgeLine(
            "Raw narratives",
            f"{settings.SAFELEARN_RAW_RETENTION_DAYS} days after redaction approval",
            len(refs),
            ", ".join(refs[:10]) + (" …" if len(refs) > 10 else ""),
        )
    )
    result = identity_purge(now=now, dry_run=dry_run)
    lines.append(
        PurgeLine(
            "Identity vault",
            f"{settings.SAFELEARN_IDENTITY_RETENTION_DAYS} days after a final status",
            result.destroyed,
            f"{result.scheduled} newly scheduled for destruction",
        )
    )
    days = int(getattr(settings, "SAFELEARN_DRAFT_RETENTION_DAYS", 30))
    lines.append(PurgeLine("Drafts", f"{days} days without changes", drafts_purge(now=now, dry_run=dry_run)))
    lines.append(PurgeLine("Sessions", "expired", sessions_purge(dry_run)))
    if not dry_run:
        database_release_purged()
    return lines
