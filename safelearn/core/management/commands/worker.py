"""`safelearn worker` — the background task worker (django-tasks-db's db_worker made crash- and lock-safe).

Same options as `db_worker`, plus the time limit, lease and attempt limit; see safelearn/core/worker.py.
"""

from __future__ import annotations

import os
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import CommandError
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV, run_with_reloader
from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand
from django_tasks_db.management.commands.db_worker import valid_interval, valid_max_tasks

from safelearn.core.warmup import warm_up
from safelearn.core.worker import SafeWorker, task_lease_seconds, task_max_attempts, task_time_limit


class Command(DbWorkerCommand):
    help = (
        "Run the background task worker: each task under a time limit, with a heartbeat so tasks of a "
        "killed worker are re-queued, and patience with a busy database."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        super().add_arguments(parser)
        parser.add_argument(
            "--time-limit",
            type=valid_interval,
            default=None,
            help="Seconds a task may run before it is stopped and marked failed; 0 for none "
            "(default: SAFELEARN_TASK_TIME_LIMIT, 300)",
        )
        parser.add_argument(
            "--lease",
            type=valid_interval,
            default=None,
            help="Seconds without a heartbeat after which a worker's running task is re-queued "
            "(default: SAFELEARN_TASK_LEASE_SECONDS, 120)",
        )
        parser.add_argument(
            "--max-attempts",
            type=valid_max_tasks,
            default=None,
            help="Give a task up (FAILED) after this many workers were lost running it "
            "(default: SAFELEARN_TASK_MAX_ATTEMPTS, 3)",
        )
        # The time limit needs the main thread, which the autoreloader takes for itself: off unless asked.
        parser.set_defaults(reload=False)

    def handle(self, *args: Any, **options: Any) -> None:
        self.configure_logging(options["verbosity"])
        queue_names = options["queue_name"].split(",")
        excluded = options["exclude_queues"].split(",") if options["exclude_queues"] else []
        if excluded and "*" not in queue_names:
            raise CommandError("--exclude-queues can only be used with --queue-name=*")
        lease = options["lease"] if options["lease"] is not None else task_lease_seconds()
        if lease <= 0:
            raise CommandError("--lease must be greater than zero")
        worker = SafeWorker(
            queue_names=queue_names,
            interval=options["interval"],
            batch=options["batch"],
            backend_name=options["backend_name"],
            startup_delay=options["startup_delay"],
            max_tasks=options["max_tasks"],
            worker_id=options["worker_id"],
            excluded_queue_names=excluded,
            time_limit_seconds=options["time_limit"] if options["time_limit"] is not None else task_time_limit(),
            lease_seconds=lease,
            max_attempts=options["max_attempts"] or task_max_attempts(),
        )
        # Imports and API submissions screened by tasks use the risk text model: train it while we start
        # (learning registers that step; core.warmup).
        warm_up()
        reload = options["reload"] and not options["batch"]
        if reload:
            if os.environ.get(DJANGO_AUTORELOAD_ENV) == "true":
                worker.configure_signals()
            run_with_reloader(worker.run)
        else:
            worker.configure_signals()
            worker.run()
