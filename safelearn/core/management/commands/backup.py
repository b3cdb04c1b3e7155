"""`safelearn backup [PATH]` — a consistent copy of the SQLite database, safe while the server runs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from safelearn.core.backup import BackupError, backup_sqlite, default_backup_path, sqlite_database_path


class Command(BaseCommand):
    help = "Back up the SQLite database with the online backup API (PostgreSQL: use pg_dump, see docs/security.md)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "path", nargs="?", help="Where to write the backup (default var/backups/safelearn-<time>.sqlite3)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            target = Path(options["path"]) if options["path"] else default_backup_path()
            result = backup_sqlite(source=sqlite_database_path(), target=target)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            self.style.SUCCESS(
                f"Backed up to {result.path} ({result.size_bytes:,} bytes, integrity {result.integrity})."
            )
        )
        self.stdout.write("The encryption keys are NOT in the backup: keep a copy of them separately and safely.")
