"""Recurring jobs run by `safelearn worker` (safelearn/core/schedule.py), with the clock moved."""

from __future__ import annotations

import datetime as dt
import importlib
import threading
from typing import Any

import pytest
from django.core.management import get_commands, load_command_class
from django.db import connection
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from safelearn import cli
from safelearn.core import schedule
from safelearn.core.models import ScheduledJobRun
from safelearn.core.schedule import JOBS, Job, schedule_claim, schedule_enqueue_due

ESCALATIONS = Job("escalations-check", ("escalations-check",), "catch-up", every=dt.timedelta(minutes=2))
NIGHTLY = Job("nightly-check", ("escalations-check",), "nightly", at=dt.time(3, 0))


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, second, tzinfo=dt.UTC)


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> dict[str, dt.datetime]:
    """Move the clock: every `timezone.now()` (scheduler, worker, tasks) reads `clock["now"]`."""
    moment = {"now": utc(2026, 1, 14, 10, 1)}
    monkeypatch.setattr(timezone, "now", lambda: moment["now"])
    return moment


@pytest.fixture
def worker_with_schedule(settings: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.SAFELEARN_SCHEDULE_ENABLED = True
    monkeypatch.setattr(schedule, "JOBS", (ESCALATIONS,))


def run_worker() -> None:
    cli.main(["worker", "--batch", "--no-startup-delay", "--interval", "0", "-v", "0"])


def scheduled_results() -> list[DBTaskResult[..., Any]]:
    return list(DBTaskResult.objects.filter(task_path="safelearn.core.tasks.run_scheduled_job"))


@pytest.mark.django_db(transaction=True)
def test_a_due_job_is_enqueued_once_runs_in_the_worker_and_runs_again_when_next_due(
    worker_with_schedule: None, clock: dict[str, dt.datetime]
) -> None:
    run_worker()
    (run,) = ScheduledJobRun.objects.all()
    assert run.job == "escalations-check"
    assert run.due_slot == utc(2026, 1, 14, 10, 0)  # every 2 minutes, aligned to the clock
    assert run.outcome == "ok" and run.message == ""
    assert run.started_at == run.finished_at == clock["now"]
    (result,) = scheduled_results()
    assert result.status == "SUCCESSFUL" and str(result.id) == run.task_id

    clock["now"] = utc(2026, 1, 14, 10, 1, 59)  # same slot: not due
    run_worker()
    assert ScheduledJobRun.objects.count() == 1 and len(scheduled_results()) == 1

    clock["now"] = utc(2026, 1, 14, 10, 2)  # next slot
    run_worker()
    assert list(ScheduledJobRun.objects.order_by("due_slot").values_list("due_slot", "outcome")) == [
        (utc(2026, 1, 14, 10, 0), "ok"),
        (utc(2026, 1, 14, 10, 2), "ok"),
    ]


@pytest.mark.django_db(transaction=True)
def test_the_schedule_is_off_when_disabled(
    worker_with_schedule: None, clock: dict[str, dt.datetime], settings: Any
) -> None:
    settings.SAFELEARN_SCHEDULE_ENABLED = False
    run_worker()
    assert not ScheduledJobRun.objects.exists() and not scheduled_results()


@pytest.mark.django_db(transaction=True)
def test_a_failing_job_is_recorded_failed_with_the_exception_type_only(
    worker_with_schedule: None, clock: dict[str, dt.datetime], monkeypatch: pytest.MonkeyPatch
) -> None:
    command = importlib.import_module("safelearn.reporting.management.commands.escalations-check")

    def broken() -> int:
        raise RuntimeError("Jamie Smith, 7 Elm Road")  # words that must never reach the jobs page

    monkeypatch.setattr(command, "escalations_check", broken)
    run_worker()
    (run,) = ScheduledJobRun.objects.all()
    assert run.outcome == "failed"
    assert run.message == "RuntimeError"
    assert run.finished_at == clock["now"]
    (result,) = scheduled_results()
    assert result.status == "FAILED"
    # A failed run is not retried within its slot: the next slot brings the next attempt.
    run_worker()
    assert ScheduledJobRun.objects.count() == 1


@pytest.mark.django_db
def test_not_due_is_not_enqueued(settings: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    monkeypatch.setattr(schedule, "JOBS", (NIGHTLY,))
    # 02:59 London on 14 January: the latest 03:00 slot is the 13th's, already run.
    ScheduledJobRun.objects.create(job="nightly-check", due_slot=utc(2026, 1, 13, 3), enqueued_at=utc(2026, 1, 13, 3))
    assert schedule_enqueue_due(now=utc(2026, 1, 14, 2, 59)) == []
    assert not scheduled_results()
    (claimed,) = schedule_enqueue_due(now=utc(2026, 1, 14, 3, 0))
    assert claimed.due_slot == utc(2026, 1, 14, 3, 0)
    assert len(scheduled_results()) == 1


@pytest.mark.django_db
def test_slots_missed_while_no_worker_ran_collapse_into_one_catch_up_run(
    settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    monkeypatch.setattr(schedule, "JOBS", (NIGHTLY,))
    ScheduledJobRun.objects.create(job="nightly-check", due_slot=utc(2026, 1, 10, 3), enqueued_at=utc(2026, 1, 10, 3))
    (claimed,) = schedule_enqueue_due(now=utc(2026, 1, 14, 12, 0))
    assert claimed.due_slot == utc(2026, 1, 14, 3, 0)
    assert schedule_enqueue_due(now=utc(2026, 1, 14, 12, 5)) == []


@pytest.mark.django_db(transaction=True)
def test_two_workers_claiming_the_same_slot_at_once_run_it_once(settings: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    monkeypatch.setattr(schedule, "JOBS", (ESCALATIONS,))
    now = utc(2026, 1, 14, 10, 1)
    start = threading.Barrier(4)
    claimed: list[int] = []
    errors: list[BaseException] = []

    def worker() -> None:
        try:
            start.wait()
            claimed.extend(run.pk for run in schedule_enqueue_due(now=now))
        except BaseException as exc:  # reported below: a thread's exception would otherwise vanish
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len(claimed) == 1
    assert ScheduledJobRun.objects.count() == 1
    assert len(scheduled_results()) == 1


@pytest.mark.django_db
def test_a_claim_for_a_slot_already_claimed_is_refused() -> None:
    now = utc(2026, 1, 14, 10, 1)
    assert schedule_claim(job=ESCALATIONS, slot=utc(2026, 1, 14, 10, 0), now=now) is not None
    assert schedule_claim(job=ESCALATIONS, slot=utc(2026, 1, 14, 10, 0), now=now) is None


def test_daily_and_weekly_slots_keep_london_wall_clock_time_across_the_clock_change() -> None:
    # 29 March 2026: the UK's clocks go forward at 01:00 GMT. 03:00 London is 03:00 UTC before, 02:00 UTC after.
    assert NIGHTLY.latest_slot(utc(2026, 3, 28, 12, 0)) == utc(2026, 3, 28, 3, 0)
    assert NIGHTLY.latest_slot(utc(2026, 3, 29, 12, 0)) == utc(2026, 3, 29, 2, 0)
    assert NIGHTLY.latest_slot(utc(2026, 3, 29, 1, 59)) == utc(2026, 3, 28, 3, 0)
    assert NIGHTLY.next_slot(utc(2026, 3, 28, 3, 0)) == utc(2026, 3, 29, 2, 0)
    sunday = Job("weekly", ("retrain",), "weekly", at=dt.time(5, 0), weekday=6)
    assert sunday.latest_slot(utc(2026, 1, 14, 12, 0)) == utc(2026, 1, 11, 5, 0)  # Wednesday: last Sunday
    assert sunday.latest_slot(utc(2026, 1, 18, 4, 59)) == utc(2026, 1, 11, 5, 0)
    assert sunday.latest_slot(utc(2026, 1, 18, 5, 0)) == utc(2026, 1, 18, 5, 0)
    assert sunday.next_slot(utc(2026, 1, 11, 5, 0)) == utc(2026, 1, 18, 5, 0)
    assert sunday.schedule == "every Sunday at 05:00" and NIGHTLY.schedule == "daily at 03:00"
    assert ESCALATIONS.schedule == "every 2 minutes"


def test_every_job_names_a_real_command_with_valid_arguments() -> None:
    commands = get_commands()
    for job in JOBS:
        name, *args = job.command
        assert name in commands, job.name
        parser = load_command_class(commands[name], name).create_parser("safelearn", name)
        parser.parse_args(args)  # exits on a bad argument
    assert len({job.name for job in JOBS}) == len(JOBS)
    assert {job.command[0] for job in JOBS} >= {"purge", "detect-themes", "redact_pending", "retrain", "audit"}
