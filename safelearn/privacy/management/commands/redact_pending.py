from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from safelearn.core.worker import TaskTimeLimitExceeded, task_time_limit, time_limit
from safelearn.privacy.models import DeidentifiedStatus
from safelearn.privacy.services import deidentify_report
from safelearn.reporting.models import Report


class Command(BaseCommand):
    help = (
        "Run automatic de-identification for reports that have no de-identified copy yet, or whose copy "
        "has been stuck waiting ('pending') longer than --stale-minutes (catch-up after a lost task)."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--stale-minutes",
            type=int,
            default=15,
            help="Re-run copies still pending after this many minutes (default 15: a queued task has had its chance)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        cutoff = timezone.now() - dt.timedelta(minutes=options["stale_minutes"])
        live = Report.objects.filter(raw_purged_at__isnull=True)
        missing = list(live.filter(deidentified__isnull=True).values_list("pk", flat=True))
        # A copy row is made when the task starts: a worker killed mid-task left it `pending` for good.
        stuck = list(
            live.filter(
                deidentified__status=DeidentifiedStatus.PENDING, deidentified__updated_at__lt=cutoff
            ).values_list("pk", flat=True)
        )
        count = stopped = 0
        for report_id in [*missing, *stuck]:
            try:
                # The same limit as the worker's, so one pathological narrative cannot hang the catch-up either.
                with time_limit(task_time_limit()):
                    deidentify_report(report_id=report_id)
            except TaskTimeLimitExceeded:
                stopped += 1  # the copy is now `failed`: a safety lead redacts it by hand
            count += 1
        self.stdout.write(f"De-identified {count} report(s).")
        self.stdout.write(
            f"  {len(missing)} had no copy; {len(stuck)} were stuck waiting; {stopped} hit the time limit."
        )
