"""Retention building blocks every app's purge uses: a line of the purge report, expired sessions, and
leaving no copy of purged ciphertext in the database files. The list of purges is privacy.retention."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from importlib import import_module

from django.conf import settings
from django.db import connections
from django.utils import timezone

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


def sessions_purge(dry_run: bool) -> int:
    from django.contrib.sessions.models import Session

    expired = Session.objects.filter(expire_date__lt=timezone.now())
    count = expired.count()
    if not dry_run and count:
        engine = import_module(settings.SESSION_ENGINE)
        engine.SessionStore.clear_expired()
    return count
