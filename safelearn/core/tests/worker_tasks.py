"""Tasks the worker tests enqueue: a CPU-bound runaway, a quick one, and one that meets a write lock."""

from __future__ import annotations

import sqlite3
import threading
import time
from typing import Any

from django.db import connection
from django_tasks import TaskContext, task

from safelearn.core.audit import audit_record


@task()
def busy_task(seconds: float) -> str:
    """Spin the CPU like a runaway de-identification (no sleep, so only a real interruption stops it)."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        pass
    return "finished"


@task()
def quick_task(value: str) -> str:
    return value


@task()
def lease_check_task(spin: float, lease: float) -> dict[str, Any]:
    """Run longer than the lease, then ask (as another worker's poll would) whether this task looks lost."""
    from safelearn.core.worker import tasks_recover_lost

    busy_task.call(spin)
    recovery = tasks_recover_lost(backend_name="default", lease_seconds=lease, max_attempts=3)
    return {"requeued": recovery.requeued, "abandoned": recovery.abandoned}


def hold_write_lock(seconds: float) -> threading.Event:
    """Take SQLite's write lock from another connection for `seconds`; returns once it is held."""
    held = threading.Event()
    path = connection.settings_dict["NAME"]

    def hold() -> None:
        other = sqlite3.connect(path, timeout=10, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        held.set()
        time.sleep(seconds)
        other.execute("ROLLBACK")
        other.close()

    threading.Thread(target=hold, daemon=True).start()
    held.wait(10)
    return held


@task(takes_context=True)
def write_under_lock_task(context: TaskContext, lock_seconds: float) -> int:
    """On its first attempt another connection holds the write lock longer than the busy timeout."""
    attempt = len(context.task_result.worker_ids)
    if attempt == 1:
        hold_write_lock(lock_seconds)
    audit_record(actor="system", verb="test.task_wrote", target_type="test", target_id=str(attempt))
    return attempt
