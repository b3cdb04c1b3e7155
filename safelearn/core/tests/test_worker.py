"""`safelearn worker`: time limit, lease and re-queue of lost tasks, patience with a locked SQLite database."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Any

import pytest
from django.db import connection
from django.db.utils import OperationalError
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from safelearn import cli
from safelearn.core.models import AuditEvent, WorkerHeartbeat
from safelearn.core.tests import worker_tasks
from safelearn.core.worker import TaskTimeLimitExceeded, retry_while_locked, tasks_recover_lost, time_limit

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def database_queue(settings: Any) -> None:
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.SAFELEARN_TASK_LEASE_SECONDS = 120
    settings.SAFELEARN_TASK_MAX_ATTEMPTS = 3


@pytest.fixture
def short_busy_timeout() -> Iterator[None]:
    if connection.vendor != "sqlite":
        pytest.skip("SQLite's write lock")
    with worker_tasks.short_busy_timeout():
        yield


def run_worker(*extra: str) -> None:
    """`safelearn worker --batch`: process everything ready, then exit (what the CLI runs)."""
    cli.main(["worker", "--batch", "--no-startup-delay", "--interval", "0", "-v", "0", *extra])


def result_of(task_result: Any) -> DBTaskResult[..., Any]:
    return DBTaskResult.objects.get(pk=task_result.id)


def test_a_runaway_task_is_stopped_at_the_time_limit_and_the_queue_moves_on(settings: Any) -> None:
    settings.SAFELEARN_TASK_TIME_LIMIT = 0.5
    runaway = worker_tasks.busy_task.enqueue(20)
    after = worker_tasks.quick_task.enqueue("next in the queue")
    started = timezone.now()
    run_worker()
    elapsed = (timezone.now() - started).total_seconds()
    stopped = result_of(runaway)
    assert stopped.status == "FAILED"
    assert stopped.exception_class_path == "safelearn.core.worker.TaskTimeLimitExceeded"
    assert "0.5 s time limit" in stopped.traceback
    assert result_of(after).status == "SUCCESSFUL" and result_of(after).return_value == "next in the queue"
    assert elapsed < 10


def test_the_time_limit_comes_from_the_command_line_too(settings: Any) -> None:
    settings.SAFELEARN_TASK_TIME_LIMIT = 300
    runaway = worker_tasks.busy_task.enqueue(20)
    run_worker("--time-limit", "0.3")
    assert result_of(runaway).exception_class_path.endswith("TaskTimeLimitExceeded")


def test_the_time_limit_interrupts_catastrophic_regex_backtracking() -> None:
    # What finding 1's adversarial input did: the `re` engine checks for signals, so the alarm gets through.
    with pytest.raises(TaskTimeLimitExceeded), time_limit(0.3):
        re.match(r"(a+)+$", "a" * 40 + "b")


def test_a_task_left_running_by_a_killed_worker_is_requeued_and_finished() -> None:
    lost = worker_tasks.quick_task.enqueue("survived")
    claimed = result_of(lost)
    claimed.claim("killed-worker")  # SIGKILL after the claim: RUNNING, and nobody left to finish it
    long_ago = timezone.now() - dt.timedelta(minutes=10)
    WorkerHeartbeat.objects.create(worker_id="killed-worker", started_at=long_ago, last_seen=long_ago)
    run_worker()
    done = result_of(lost)
    assert done.status == "SUCCESSFUL" and done.return_value == "survived"
    assert done.worker_ids[0] == "killed-worker" and len(done.worker_ids) == 2
    assert AuditEvent.objects.filter(verb="task.requeued", target_id=str(done.id)).exists()
    assert not WorkerHeartbeat.objects.filter(worker_id="killed-worker").exists()


def test_a_task_without_any_heartbeat_is_requeued_once_the_lease_has_passed() -> None:
    lost = worker_tasks.quick_task.enqueue("from an old worker")
    result_of(lost).claim("worker-before-heartbeats")
    DBTaskResult.objects.filter(pk=lost.id).update(started_at=timezone.now() - dt.timedelta(minutes=5))
    run_worker()
    assert result_of(lost).status == "SUCCESSFUL"


def test_a_task_of_a_live_worker_is_left_alone() -> None:
    busy = worker_tasks.quick_task.enqueue("still running elsewhere")
    result_of(busy).claim("live-worker")
    WorkerHeartbeat.objects.create(worker_id="live-worker", started_at=timezone.now(), last_seen=timezone.now())
    run_worker()
    assert result_of(busy).status == "RUNNING"
    assert result_of(busy).worker_ids == ["live-worker"]


def test_a_worker_restarted_under_the_same_id_takes_back_its_own_lost_task() -> None:
    lost = worker_tasks.quick_task.enqueue("mine")
    result_of(lost).claim("host-1")  # the heartbeat looks fresh: the worker was killed seconds ago
    WorkerHeartbeat.objects.create(worker_id="host-1", started_at=timezone.now(), last_seen=timezone.now())
    run_worker("--worker-id", "host-1")
    assert result_of(lost).status == "SUCCESSFUL"
    assert result_of(lost).worker_ids == ["host-1", "host-1"]


def test_a_task_that_keeps_losing_its_worker_is_given_up_visibly(capfd: Any) -> None:
    doomed = worker_tasks.quick_task.enqueue("never finishes")
    DBTaskResult.objects.filter(pk=doomed.id).update(
        status="RUNNING", worker_ids=["w1", "w2", "w3"], started_at=timezone.now() - dt.timedelta(hours=1)
    )
    run_worker()
    failed = result_of(doomed)
    assert failed.status == "FAILED"
    assert failed.exception_class_path == "safelearn.core.worker.WorkerLost"
    assert "given up after 3 attempt(s)" in failed.traceback
    assert AuditEvent.objects.filter(verb="task.abandoned", target_id=str(failed.id)).exists()
    assert f"task {failed.id}" in capfd.readouterr().err  # logged at ERROR for the operator


def test_the_heartbeat_keeps_a_task_longer_than_the_lease_from_looking_lost(settings: Any) -> None:
    # The task runs three leases long, then checks as another worker would: its own worker must look alive.
    queued = worker_tasks.lease_check_task.enqueue(1.2, 0.4)
    run_worker("--lease", "0.4")
    done = result_of(queued)
    assert done.status == "SUCCESSFUL", done.traceback
    assert done.return_value == {"requeued": [], "abandoned": []}
    assert len(done.worker_ids) == 1


def test_the_worker_waits_out_a_write_lock_held_while_it_polls(short_busy_timeout: None) -> None:
    queued = worker_tasks.quick_task.enqueue("after the lock")
    worker_tasks.hold_write_lock(1.5)
    run_worker()  # the library's worker died here: "database is locked" on BEGIN, outside its own try
    assert result_of(queued).status == "SUCCESSFUL"


def test_a_task_that_meets_a_write_lock_is_retried_not_failed(short_busy_timeout: None) -> None:
    queued = worker_tasks.write_under_lock_task.enqueue(1.0)
    # Not --batch: the retry is scheduled a moment ahead, so run until the second attempt has been made.
    cli.main(["worker", "--max-tasks", "2", "--no-startup-delay", "--interval", "0.1", "-v", "0"])
    done = result_of(queued)
    assert done.status == "SUCCESSFUL", done.traceback
    assert done.return_value == 2
    assert AuditEvent.objects.filter(verb="test.task_wrote").count() == 1


def test_recording_a_result_backs_off_while_the_database_is_locked() -> None:
    calls: list[int] = []
    sleeps: list[float] = []

    def flaky() -> str:
        calls.append(1)
        if len(calls) < 4:
            raise OperationalError("database is locked")
        return "saved"

    assert retry_while_locked(flaky, what="testing", sleep=sleeps.append) == "saved"
    assert len(sleeps) == 3 and sleeps[0] < sleeps[2]
    with pytest.raises(OperationalError, match="no such table"):
        retry_while_locked(lambda: (_ for _ in ()).throw(OperationalError("no such table: x")), what="t")


def test_recovery_is_quiet_when_nothing_is_lost() -> None:
    recovery = tasks_recover_lost(backend_name="default", lease_seconds=120, max_attempts=3)
    assert recovery.requeued == [] and recovery.abandoned == []
