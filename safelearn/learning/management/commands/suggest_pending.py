"""`safelearn suggest-pending`: suggest codes for reports that have none (catches up after a queue outage)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from safelearn.learning.services import suggestions_compute
from safelearn.reporting.models import EXCLUDED_FROM_STATISTICS, Report


class Command(BaseCommand):
    help = "Compute coding suggestions for every report that has none yet."

    def handle(self, *args: Any, **options: Any) -> None:
        pending = (
            Report.objects.filter(learning_suggestions__isnull=True)
            .exclude(status__in=EXCLUDED_FROM_STATISTICS)
            .select_related("deidentified")
        )
        count = sum(1 for report in pending.iterator(chunk_size=200) if suggestions_compute(report=report))
        self.stdout.write(f"Suggested codes for {count} report(s).")
