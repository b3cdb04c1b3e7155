from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from safelearn.privacy.services import purge_raw_narratives


class Command(BaseCommand):
    help = "Blank raw narratives whose de-identified copy was approved more than the retention period ago."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--dry-run", action="store_true", help="List what would be purged; change nothing")

    def handle(self, *args: Any, **options: Any) -> None:
        refs = purge_raw_narratives(dry_run=options["dry_run"])
        verb = "Would purge" if options["dry_run"] else "Purged"
        self.stdout.write(f"{verb} the raw narrative of {len(refs)} report(s).")
        for ref in refs:
            self.stdout.write(f"  {ref}")
