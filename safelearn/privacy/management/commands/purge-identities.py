"""`safelearn purge-identities [--dry-run]`: destroy confidential identities past their retention period."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

from safelearn.privacy.vault import identity_purge


class Command(BaseCommand):
    help = (
        "Destroy confidential reporters' identities SAFELEARN_IDENTITY_RETENTION_DAYS after their report "
        "closes. Run daily (cron or the task worker)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--dry-run", action="store_true", help="Count what would be destroyed; change nothing")

    def handle(self, *args: Any, **options: Any) -> None:
        result = identity_purge(dry_run=options["dry_run"])
        days = settings.SAFELEARN_IDENTITY_RETENTION_DAYS
        if result.dry_run:
            self.stdout.write(
                f"Dry run: {result.destroyed} identities would be destroyed now "
                f"({result.scheduled} newly finished reports would get a date {days} days after closing)."
            )
        else:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Destroyed {result.destroyed} identities; scheduled {result.scheduled} for destruction "
                    f"{days} days after closing."
                )
            )
