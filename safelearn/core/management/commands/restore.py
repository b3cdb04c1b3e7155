"""`safelearn restore PATH [--force]` — replace the SQLite database with a backup, then check the audit chain."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from safelearn.core.audit import audit_verify
from safelearn.core.backup import BackupError, restore_sqlite, sqlite_database_path


class Command(BaseCommand):
    help = "Restore the SQLite database from a backup (stop the server and worker first)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("path", help="The backup file to restore")
        parser.add_argument("--force", action="store_true", help="Overwrite the existing database")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            result = restore_sqlite(backup=Path(options["path"]), target=sqlite_database_path(), force=options["force"])
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"Restored {result.path} from {options['path']}.")
        problems = audit_verify()
        if problems:
            raise CommandError(
                f"Restored, but the audit chain has {len(problems)} problem(s): run `safelearn audit verify`."
            )
        self.stdout.write(self.style.SUCCESS("Audit chain intact."))
