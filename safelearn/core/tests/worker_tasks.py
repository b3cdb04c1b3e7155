"""Tasks the worker tests enqueue: a CPU-bound runaway, a quick one, and one that meets a write lock."""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
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


@contextmanager
def short_busy_timeout(seconds: float = 0.2) -> Iterator[None]:
    """SQLite waits 30 s for a write lock in production; less here so a held lock surfaces as an error fast."""
    options = connection.settings_dict["OPTIONS"]
    saved = options.get("timeout")
    options["timeout"] = seconds
    connection.close()
    try:
        yield
    finally:
        options["timeout"] = saved
        connection.close()


def hold_write_lock(seconds: float, release: threading.Event | None = None) -> threading.Event:
    """Take SQLite's write lock from another connection until `seconds` pass or `release` is set.

    Returns once the lock is held; the returned event is set when it has been let go.
    """
    held, gone = threading.Event(), threading.Event()
    path = connection.settings_dict["NAME"]

    def hold() -> None:
        other = sqlite3.connect(path, timeout=10, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        held.set()
        (release or threading.Event()).wait(seconds)
        other.execute("ROLLBACK")
        other.close()
        gone.set()

    threading.Thread(target=hold, daemon=True).start()
    held.wait(10)
    return gone


@contextmanager
def write_lock_held() -> Iterator[None]:
    """Another connection holds the write lock for the whole block (a long import, a backup, a stuck process)."""
    release = threading.Event()
    gone = hold_write_lock(120, release)
    try:
        yield
    finally:
        release.set()
        gone.wait(10)


@task(takes_context=True)
def write_under_lock_task(context: TaskContext, lock_seconds: float) -> int:
    """On its first attempt another connection holds the write lock longer than the busy timeout."""
    attempt = len(context.task_result.worker_ids)
    if attempt == 1:
        hold_write_lock(lock_seconds)
    audit_record(actor="system", verb="test.task_wrote", target_type="test", target_id=str(attempt))
    return attempt
