"""`safelearn demo` — a demo organisation with users and reports; safe to run again."""

from __future__ import annotations

import time
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand

from safelearn.demo import loader as demo


class Command(BaseCommand):
    help = "Load the demo organisations, users and reports (idempotent) and print the demo log-ins."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--quiet-logins", action="store_true", help="Do not print the log-ins")
        parser.add_argument(
            "--reports",
            type=int,
            default=0,
            help="Also generate N synthetic reports across generated organisations (benchmarks)",
        )
        parser.add_argument("--organisations", type=int, default=150, help="How many generated organisations")

    def handle(self, *args: Any, **options: Any) -> None:
        # Demo reports trigger acknowledgement and alert emails; keep them in memory, not on the console.
        settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
        verbose = options["reports"] > 0 or options["verbosity"] > 1

        cpu = [time.process_time()]

        def step(name: str, seconds: float) -> None:
            # Wall and this process's CPU time since the last step: on a shared machine the CPU figure is
            # the one that does not depend on what else is running.
            now = time.process_time()
            if verbose:
                self.stdout.write(f"  {name}: {seconds:,.1f} s (CPU {now - cpu[0]:,.1f} s)")
            cpu[0] = now

        # The hand-written demo first, while the pool is small: its reports go through the real services,
        # whose checks (k-anonymity counts, summary cells) grow with the pool. Then the synthetic bulk.
        created = demo.load_everything(step=step)
        if options["reports"]:
            from safelearn.demo.generator import generate_reports

            def progress(done: int, seconds: float) -> None:
                self.stdout.write(
                    f"  {done:,} reports in {seconds:,.0f} s ({done / max(seconds, 0.001):,.0f}/s, "
                    f"CPU {time.process_time() - cpu[0]:,.0f} s)"
                )

            started = time.monotonic()
            made = generate_reports(options["reports"], organisations=options["organisations"], progress=progress)
            step(f"generated {made:,} synthetic reports", time.monotonic() - started)
        if created or options["reports"]:
            from safelearn.analytics.summary import summary_rebuild

            # Demo and generated reports are written in bulk or back-dated without the services that keep
            # the dashboards' summary in step, so it is counted once from the pool here.
            started = time.monotonic()
            summary_rebuild()
            step("dashboard summary rebuilt", time.monotonic() - started)
        if options["reports"]:
            self._after_bulk(step)
        self.stdout.write("Demo data loaded." if created else "Demo data already present; nothing duplicated.")
        if not options["quiet_logins"]:
            self.stdout.write(f"\nDemo log-ins (password for all: {demo.DEMO_PASSWORD})")
            for username, role, org in demo.DEMO_USERS:
                self.stdout.write(f"  {username:<14} {role:<10} {org}")
            from safelearn.accounts.demo import HOW_TO_GET_CODES

            self.stdout.write("\n" + HOW_TO_GET_CODES)
            # Where this site serves (`make run` sets SAFELEARN_SITE_URL from HOST and PORT).
            site = settings.SITE_URL
            self.stdout.write(f"\nPublic reporting link (no sign-in): {site}/r/northbridge/")
            self.stdout.write(f"Check a report with a receipt code: {site}/check/\n")

    def _after_bulk(self, step: Any) -> None:
        """What the generated pool needs that the demo's own steps did on the small pool: case-review echoes
        (streamed in chunks) and, in the background, the national search index."""
        from safelearn.casereviews.services import recurrence_refresh
        from safelearn.learning.search import POOL
        from safelearn.learning.tasks import build_index_task

        started = time.monotonic()
        run = recurrence_refresh(actor="demo")
        step(
            f"case-review recurrence over the pool ({run.copies_scanned:,} copies, {run.echoes:,} echoes)",
            time.monotonic() - started,
        )
        # Built by the worker (`safelearn worker`, started by `make run`), not here: a national index over a
        # million copies is the similarity benchmark's subject (bench/similarity.py), not the demo's.
        build_index_task.enqueue(POOL)
        self.stdout.write("  national search index: rebuild queued for the worker")
