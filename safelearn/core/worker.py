"""`safelearn worker`: django-tasks-db's worker made safe to kill, slow tasks and a busy database.

The library's worker claims a task (status RUNNING) and trusts itself to finish it. This one adds:

- a heartbeat: a thread touches the worker's `WorkerHeartbeat` row every lease/4 seconds for as long as
  the worker lives, so other workers can tell a slow task from a dead worker;
- a lease: a RUNNING task whose worker has not been seen for `SAFELEARN_TASK_LEASE_SECONDS` goes back to
  READY (checked at start-up and every lease/4 seconds); the attempt count is the number of workers that
  claimed it (`worker_ids`), and after `SAFELEARN_TASK_MAX_ATTEMPTS` the task is marked FAILED with
  `WorkerLost`, logged and audited instead of being retried for ever;
- a time limit: each task runs under SIGALRM; past `SAFELEARN_TASK_TIME_LIMIT` seconds it is interrupted
  with `TaskTimeLimitExceeded`, marked FAILED and the worker moves on, so one task cannot starve the queue;
- patience with SQLite: "database is locked" while polling, recording a result or inside a task makes the
  worker back off and retry (a task is re-queued for later) instead of dying or losing the task.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import random
import signal
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from types import FrameType
from typing import Any, TypeVar

from django.conf import settings
from django.core.exceptions import SuspiciousOperation
from django.db import DatabaseError, close_old_connections, connection
from django.db.utils import OperationalError
from django.utils import timezone
from django_tasks_db.compat import TaskContext, TaskResultStatus, task_finished, task_started
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult
from django_tasks_db.utils import exclusive_transaction, is_locked_database_exception

from safelearn.core.audit import audit_record
from safelearn.core.models import WorkerHeartbeat
from safelearn.core.schedule import schedule_enabled, schedule_enqueue_due

logger = logging.getLogger("safelearn.worker")
T = TypeVar("T")

BACKOFF_CAP_SECONDS = 30.0
RESULT_WRITE_PATIENCE_SECONDS = 600.0


class TaskTimeLimitExceeded(BaseException):
    """A task ran past its time limit. A BaseException so a task's own `except Exception` cannot swallow it."""


class WorkerLost(Exception):
    """The worker running a task stopped sending heartbeats (killed, crashed or its machine died)."""


def task_time_limit() -> float:
    return float(getattr(settings, "SAFELEARN_TASK_TIME_LIMIT", 300))


def task_lease_seconds() -> float:
    return float(getattr(settings, "SAFELEARN_TASK_LEASE_SECONDS", 120))


def task_max_attempts() -> int:
    return int(getattr(settings, "SAFELEARN_TASK_MAX_ATTEMPTS", 3))


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise TaskTimeLimitExceeded in this (main) thread after `seconds`; a no-op where signals cannot be used.

    SIGALRM interrupts pure-Python loops and the `re` engine alike (both check for signals), which is what a
    runaway de-identification on adversarial input is.
    """
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not seconds or seconds <= 0 or not usable:
        if seconds and not usable:
            logger.warning("task time limit not enforced: not running in the main thread")
        yield
        return

    def on_alarm(signum: int, frame: FrameType | None) -> None:
        raise TaskTimeLimitExceeded(f"stopped after the {seconds:g} s time limit")

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def backoff_delay(failures: int) -> float:
    """0.5 s, 1 s, 2 s … up to 30 s, with jitter so several workers do not retry in step (not security)."""
    return min(BACKOFF_CAP_SECONDS, 0.5 * 2.0 ** max(0, failures - 1)) * random.uniform(0.8, 1.2)  # nosec B311


def retry_while_locked(
    action: Callable[[], T],
    *,
    what: str,
    patience: float = RESULT_WRITE_PATIENCE_SECONDS,
    sleep: Callable[[float], None] = time.sleep,
) -> T:
    """Run `action`, backing off while SQLite reports "database is locked"; give up after `patience` seconds."""
    deadline = time.monotonic() + patience
    failures = 0
    while True:
        try:
            return action()
        except OperationalError as exc:
            if not is_locked_database_exception(exc) or time.monotonic() > deadline:
                raise
            failures += 1
            delay = backoff_delay(failures)
            logger.warning("database is locked while %s; retrying in %.1f s", what, delay)
            sleep(delay)


class Heartbeat:
    """Keeps this worker's WorkerHeartbeat row fresh from a daemon thread with its own connection."""

    def __init__(self, worker_id: str, interval: float) -> None:
        self.worker_id = worker_id
        self.interval = interval
        self.task_id: Any = None
        self.started_at = timezone.now()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name=f"heartbeat-{worker_id[:12]}", daemon=True)

    def beat(self) -> None:
        now = timezone.now()
        updated = WorkerHeartbeat.objects.filter(worker_id=self.worker_id).update(last_seen=now, task_id=self.task_id)
        if not updated:
            WorkerHeartbeat.objects.create(
                worker_id=self.worker_id,
                hostname=socket.gethostname()[:255],
                pid=os.getpid(),
                started_at=self.started_at,
                last_seen=now,
                task_id=self.task_id,
            )

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout=max(5.0, self.interval))

    def _loop(self) -> None:
        while not self._stop.wait(self.interval):
            try:
                self.beat()
            except DatabaseError as exc:  # one missed beat is fine: the lease allows about four
                logger.warning("heartbeat for worker %s missed: %s", self.worker_id, exc)
            finally:
                connection.close()  # this thread's own connection; never hold SQLite handles between beats


@dataclass
class Recovery:
    requeued: list[str] = field(default_factory=list)
    abandoned: list[str] = field(default_factory=list)


def tasks_recover_lost(
    *,
    backend_name: str,
    lease_seconds: float,
    max_attempts: int,
    restarted_worker_id: str = "",
    now: dt.datetime | None = None,
) -> Recovery:
    """Put RUNNING tasks of dead workers back in the queue, or fail them after `max_attempts` claims.

    A worker is dead when its heartbeat is older than the lease, or it has no heartbeat row and the task
    started longer than the lease ago. `restarted_worker_id` is the id of a worker that is starting up: it is
    running nothing yet, so anything still claimed under its id was lost when it was last stopped.
    """
    now = now or timezone.now()
    cutoff = now - dt.timedelta(seconds=lease_seconds)
    recovery = Recovery()
    with exclusive_transaction(DBTaskResult.objects.db):
        beats = dict(WorkerHeartbeat.objects.values_list("worker_id", "last_seen"))
        running = DBTaskResult.objects.running().filter(backend_name=backend_name).select_for_update(skip_locked=True)
        for result in running:
            claimant = result.worker_ids[-1] if result.worker_ids else ""
            seen = beats.get(claimant)
            alive = seen >= cutoff if seen is not None else (result.started_at or now) >= cutoff
            if alive and claimant != restarted_worker_id:
                continue
            attempts = len(result.worker_ids)
            if attempts >= max_attempts:
                _abandon(result, claimant=claimant, attempts=attempts, lease_seconds=lease_seconds, now=now)
                recovery.abandoned.append(str(result.id))
            else:
                result.status = TaskResultStatus.READY
                result.save(update_fields=["status"])
                recovery.requeued.append(str(result.id))
                logger.warning(
                    "task %s (%s) lost with worker %s on attempt %d; re-queued",
                    result.id,
                    result.task_path,
                    claimant,
                    attempts,
                )
            audit_record(
                actor="system",
                verb="task.abandoned" if attempts >= max_attempts else "task.requeued",
                target_type="django_tasks_db.dbtaskresult",
                target_id=str(result.id),
                payload={"task": result.task_path, "attempts": attempts, "worker": claimant},
            )
        # Rows of workers gone longer than the lease have done their job (their tasks were handled above).
        WorkerHeartbeat.objects.filter(last_seen__lt=cutoff).exclude(worker_id=restarted_worker_id).delete()
    return recovery


def _abandon(
    result: DBTaskResult[..., Any], *, claimant: str, attempts: int, lease_seconds: float, now: dt.datetime
) -> None:
    message = (
        f"worker {claimant or '(unknown)'} stopped sending heartbeats for {lease_seconds:g} s "
        f"while running attempt {attempts}; given up after {attempts} attempt(s)"
    )
    result.status = TaskResultStatus.FAILED
    result.finished_at = now
    result.return_value = None
    result.exception_class_path = f"{WorkerLost.__module__}.{WorkerLost.__qualname__}"
    result.traceback = f"{WorkerLost.__module__}.{WorkerLost.__qualname__}: {message}\n"
    result.save(update_fields=["status", "finished_at", "return_value", "exception_class_path", "traceback"])
    logger.error("task %s (%s) abandoned: %s", result.id, result.task_path, message)


class SafeWorker(Worker):
    """The library's Worker with a heartbeat, a lease on claimed tasks, a time limit and lock back-off."""

    def __init__(
        self,
        *,
        time_limit_seconds: float,
        lease_seconds: float,
        max_attempts: int,
        sleep: Callable[[float], None] = time.sleep,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.time_limit_seconds = time_limit_seconds
        self.lease_seconds = lease_seconds
        self.max_attempts = max_attempts
        self.heartbeat = Heartbeat(self.worker_id, interval=max(0.05, lease_seconds / 4))
        self._sleep = sleep
        self._next_recovery = 0.0
        self._locked_polls = 0
        self.schedule_enabled = schedule_enabled()  # the recurring jobs (safelearn.core.schedule)

    def run(self) -> None:
        logger.info(
            "Starting worker worker_id=%s queues=%s time_limit=%gs lease=%gs",
            self.worker_id,
            ",".join(self.queue_names),
            self.time_limit_seconds,
            self.lease_seconds,
        )
        retry_while_locked(self.heartbeat.beat, what="registering the worker", sleep=self._sleep)
        self.heartbeat.start()
        try:
            retry_while_locked(lambda: self.recover(restarted=True), what="recovering lost tasks", sleep=self._sleep)
            if self.startup_delay and self.interval:
                # Spread start-ups, as the library does (not security).
                self._sleep(random.random())  # nosec B311
            self._loop()
        finally:
            self.heartbeat.stop()
            try:
                WorkerHeartbeat.objects.filter(worker_id=self.worker_id).delete()
            except DatabaseError:  # the lease expires it anyway
                logger.warning("could not remove the heartbeat of worker %s", self.worker_id)

    def recover(self, *, restarted: bool = False) -> Recovery:
        self._next_recovery = time.monotonic() + self.heartbeat.interval
        return tasks_recover_lost(
            backend_name=self.backend_name,
            lease_seconds=self.lease_seconds,
            max_attempts=self.max_attempts,
            restarted_worker_id=self.worker_id if restarted else "",
        )

    def _loop(self) -> None:
        while self.running:
            close_old_connections()
            try:
                if time.monotonic() >= self._next_recovery:
                    self.recover()
                if self.schedule_enabled:
                    schedule_enqueue_due()  # due recurring jobs join the queue as ordinary tasks
                task_result = self._claim_next()
            except OperationalError as exc:
                if not is_locked_database_exception(exc):
                    raise
                self._locked_polls += 1
                delay = backoff_delay(self._locked_polls)
                logger.warning("database is locked; worker %s retries in %.1f s", self.worker_id, delay)
                close_old_connections()
                self._sleep(delay)
                continue
            self._locked_polls = 0
            if task_result is not None:
                self.run_task(task_result)
            elif self.batch:
                logger.info("No more tasks to run for worker_id=%s - exiting gracefully.", self.worker_id)
                return
            if self.max_tasks is not None and self._run_tasks >= self.max_tasks:
                logger.info("Run maximum tasks (%d) on worker=%s - exiting.", self._run_tasks, self.worker_id)
                return
            close_old_connections()
            if self.running and task_result is None:
                self._sleep(self.interval)

    def _claim_next(self) -> DBTaskResult[..., Any] | None:
        tasks = DBTaskResult.objects.ready().filter(backend_name=self.backend_name)
        if not self.process_all_queues:
            tasks = tasks.filter(queue_name__in=self.queue_names)
        if self.excluded_queue_names:
            tasks = tasks.exclude(queue_name__in=self.excluded_queue_names)
        # Unlike the library, a lock error on BEGIN itself is caught too (by the caller): that is where a
        # long-held SQLite write lock surfaces.
        with exclusive_transaction(tasks.db):
            task_result = tasks.get_locked()
            if task_result is not None:
                task_result.claim(self.worker_id)
        return task_result

    def run_task(self, db_task_result: DBTaskResult[..., Any]) -> None:
        """Run one claimed task under the time limit and record the outcome, however long the database is busy."""
        self.running_task = True
        self.heartbeat.task_id = db_task_result.id
        try:
            task = db_task_result.task
            task_result = db_task_result.task_result
            sender = type(task.get_backend())
            task_started.send(sender=sender, task_result=task_result)
            with time_limit(self.time_limit_seconds):
                if task.takes_context:
                    value = task.call(TaskContext(task_result=task_result), *task_result.args, **task_result.kwargs)
                else:
                    value = task.call(*task_result.args, **task_result.kwargs)
            retry_while_locked(
                lambda: db_task_result.set_successful(value), what="recording a result", sleep=self._sleep
            )
            task_finished.send(sender=sender, task_result=db_task_result.task_result)
        except BaseException as exc:
            self._record_failure(db_task_result, exc)
        finally:
            self.heartbeat.task_id = None
            self.running_task = False
            self._run_tasks += 1

    def _record_failure(self, db_task_result: DBTaskResult[..., Any], exc: BaseException) -> None:
        attempts = len(db_task_result.worker_ids)
        if isinstance(exc, OperationalError) and is_locked_database_exception(exc) and attempts < self.max_attempts:
            # The task itself met a long write lock: not its fault, so try it again later.
            delay = backoff_delay(attempts + 1)
            db_task_result.status = TaskResultStatus.READY
            db_task_result.run_after = timezone.now() + dt.timedelta(seconds=delay)
            retry_while_locked(
                lambda: db_task_result.save(update_fields=["status", "run_after"]),
                what="re-queueing a task",
                sleep=self._sleep,
            )
            logger.warning("task %s met a locked database; re-queued to run in %.1f s", db_task_result.id, delay)
            return
        if isinstance(exc, TaskTimeLimitExceeded):
            logger.error("task %s (%s) %s", db_task_result.id, db_task_result.task_path, exc)
        retry_while_locked(lambda: db_task_result.set_failed(exc), what="recording a failure", sleep=self._sleep)
        try:
            sender = type(db_task_result.task.get_backend())
            result = db_task_result.task_result
        except (ImportError, SuspiciousOperation):
            logger.exception("Task id=%s failed unexpectedly", db_task_result.id)
        else:
            task_finished.send(sender=sender, task_result=result)
