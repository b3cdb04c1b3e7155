"""Every scheduled purge in one place, so `safelearn purge` (daily, from cron or a task) runs them all.

- raw narratives: approved de-identified copy + SAFELEARN_RAW_RETENTION_DAYS (privacy.services)
- identity vault: final status + SAFELEARN_IDENTITY_RETENTION_DAYS (privacy.vault)
- drafts: untouched for SAFELEARN_DRAFT_RETENTION_DAYS (here)
- expired sessions (Django's own clear_expired)
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from dataclasses import dataclass
from importlib import import_module

from django.conf import settings
from django.db import connections, transaction
from django.utils import timezone

from safelearn.core.audit import audit_record

logger = logging.getLogger(__name__)


def database_release_purged(*, using: str = "default", attempts: int = 5) -> bool:
    """After a purge, leave no copy of the purged ciphertext in the database files. True when done.

    On SQLite, `PRAGMA secure_delete=ON` (settings) has zeroed the freed space in the pages themselves, but
    the WAL still holds the earlier versions of those pages until it is checkpointed and reset: copy it into
    the database and truncate it. Readers in the middle of a query can delay that, hence the retries.
    PostgreSQL keeps dead row versions until VACUUM; see docs/data-protection.md.
    """
    connection = connections[using]
    if connection.vendor != "sqlite":
        return True
    if connection.in_atomic_block:  # a checkpoint cannot run inside the caller's transaction
        return False
    with connection.cursor() as cursor:
        for attempt in range(attempts):
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            busy = cursor.fetchone()[0]
            if not busy:
                return True
            time.sleep(0.2 * (attempt + 1))
    logger.warning("WAL checkpoint after purge was blocked by readers; it completes at the next checkpoint")
    return False


@dataclass(frozen=True)
class PurgeLine:
    name: str
    rule: str
    affected: int
    detail: str = ""


def drafts_purge(*, now: dt.datetime | None = None, dry_run: bool = False) -> int:
    """Delete drafts nobody has touched for the retention period (they hold unsent narrative text)."""
    from safelearn.reporting.models import ReportDraft

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


def _sessions_purge(dry_run: bool) -> int:
    from django.contrib.sessions.models import Session

    expired = Session.objects.filter(expire_date__lt=timezone.now())
    count = expired.count()
    if not dry_run and count:
        engine = import_module(settings.SESSION_ENGINE)
        engine.SessionStore.clear_expired()
    return count


def retention_purge_all(*, now: dt.datetime | None = None, dry_run: bool = False) -> list[PurgeLine]:
    """Run (or with dry_run, only count) every scheduled purge and say what each did."""
    from safelearn.privacy.services import purge_raw_narratives

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
    try:
        from safelearn.privacy.vault import identity_purge
    except ImportError:  # the vault arrived later than this command in some installs
        lines.append(PurgeLine("Identity vault", "not installed", 0))
    else:
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
    lines.append(PurgeLine("Sessions", "expired", _sessions_purge(dry_run)))
    if not dry_run:
        database_release_purged()
    return lines
