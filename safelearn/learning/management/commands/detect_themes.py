"""`safelearn detect-themes`: raise emerging themes in recent approved de-identified reports as signals."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from safelearn.learning.services import BASELINE_DAYS, RECENT_DAYS, signals_detect


class Command(BaseCommand):
    help = "Detect emerging themes (new or growing, across organisations) and store them as signals."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--recent-days", type=int, default=RECENT_DAYS)
        parser.add_argument("--baseline-days", type=int, default=BASELINE_DAYS)
        parser.add_argument("--min-orgs", type=int, default=2)

    def handle(self, *args: Any, **options: Any) -> None:
        signals = signals_detect(
            recent_days=options["recent_days"], baseline_days=options["baseline_days"], min_orgs=options["min_orgs"]
        )
        for s in signals:
            self.stdout.write(
                f"{s.label}: {s.get_kind_display().lower()}, {len(s.report_ids)} reports, "
                f"{s.org_count} organisations, score {s.score}"
            )
        self.stdout.write(f"{len(signals)} open signal(s).")
