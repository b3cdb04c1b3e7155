"""`safelearn purge [--dry-run]` — run every scheduled retention purge and print what it did."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from safelearn.privacy.retention import retention_purge_all


class Command(BaseCommand):
    help = "Run the scheduled purges (raw narratives, identity vault, stale drafts, expired sessions)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--dry-run", action="store_true", help="Only report what would be purged")

    def handle(self, *args: Any, **options: Any) -> None:
        dry_run = options["dry_run"]
        lines = retention_purge_all(dry_run=dry_run)
        verb = "Would purge" if dry_run else "Purged"
        self.stdout.write(f"{'What':<16} {'Rule':<40} {verb:>12}  Detail")
        for line in lines:
            self.stdout.write(f"{line.name:<16} {line.rule:<40} {line.affected:>12}  {line.detail}")
        self.stdout.write(
            "Dry run: nothing was changed." if dry_run else "Done. Each purge is recorded in the audit log."
        )
