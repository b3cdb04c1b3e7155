from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from safelearn.privacy.models import DeidentifiedCopy
from safelearn.privacy.services import deidentify_report
from safelearn.reporting.models import Report


class Command(BaseCommand):
    help = "Run automatic de-identification for reports that have no de-identified copy yet (catch-up)."

    def handle(self, *args: Any, **options: Any) -> None:
        done = set(DeidentifiedCopy.objects.values_list("report_id", flat=True))
        pending = Report.objects.exclude(pk__in=done).filter(raw_purged_at__isnull=True).values_list("pk", flat=True)
        count = 0
        for report_id in pending.iterator():
            deidentify_report(report_id=report_id)
            count += 1
        self.stdout.write(f"De-identified {count} report(s).")
