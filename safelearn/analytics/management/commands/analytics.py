"""`safelearn analytics rebuild-summary [--verify]` — recount the dashboards' summary tables from the pool.

`--verify` rebuilds nothing: it compares every stored cell with a direct count and exits 1 on any
difference (listing the first few), so CI and operators can prove the summary equals the SQL.
"""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from safelearn.analytics.summary import summary_differences, summary_rebuild


class Command(BaseCommand):
    help = "Rebuild (or, with --verify, check) the analytics summary counts against the approved pool."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("action", choices=["rebuild-summary"], help="What to do")
        parser.add_argument(
            "--verify", action="store_true", help="Only compare the summary with a direct count; exit 1 if they differ"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.monotonic()
        if options["verify"]:
            problems = summary_differences()
            if problems:
                for line in problems:
                    self.stderr.write(line)
                raise CommandError("The summary differs from a direct count: run `safelearn analytics rebuild-summary`")
            self.stdout.write(f"The summary equals a direct count ({time.monotonic() - started:.1f} s).")
            return
        counts, factors = summary_rebuild()
        self.stdout.write(
            f"Rebuilt the summary: {counts} count cells, {factors} factor cells ({time.monotonic() - started:.1f} s)."
        )
