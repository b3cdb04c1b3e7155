"""Catch-up after lost de-identification tasks, and the worker's time limit on a runaway redaction."""

from __future__ import annotations

import datetime as dt
import time
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from safelearn import cli
from safelearn.core.types import User
from safelearn.privacy import deid
from safelearn.privacy.models import DeidentifiedCopy, DeidentifiedStatus
from safelearn.privacy.tasks import deidentify_report_task


def stuck_copy(report: Any, minutes_ago: int) -> DeidentifiedCopy:
    """What a worker killed mid-task leaves: the copy row made at the start, still `pending`."""
    copy = DeidentifiedCopy.objects.create(report=report, organisation_id=report.organisation_id)
    DeidentifiedCopy.objects.filter(pk=copy.pk).update(updated_at=timezone.now() - dt.timedelta(minutes=minutes_ago))
    return copy


def runaway_redact(monkeypatch: Any, seconds: float = 6.0) -> None:
    """Make the engine spin like finding 1's adversarial input (bounded, so old code finishes eventually)."""

    def spin(*args: Any, **kwargs: Any) -> Any:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            pass
        raise AssertionError("the time limit should have stopped this")

    monkeypatch.setattr(deid, "redact", spin)


@pytest.mark.django_db
def test_copies_stuck_pending_are_redacted_again(people: dict[str, User], submit_report: Any) -> None:
    stuck = stuck_copy(submit_report(reporter=people["reporter"]).report, minutes_ago=60)
    recent = stuck_copy(submit_report(reporter=people["reporter"]).report, minutes_ago=1)
    never = submit_report(reporter=people["reporter"]).report  # its task never ran (queue down)
    out = StringIO()
    call_command("redact_pending", stdout=out)
    assert DeidentifiedCopy.objects.get(pk=stuck.pk).status == DeidentifiedStatus.NEEDS_REVIEW
    assert DeidentifiedCopy.objects.get(pk=recent.pk).status == DeidentifiedStatus.PENDING  # its task may be running
    assert DeidentifiedCopy.objects.get(report=never).status == DeidentifiedStatus.NEEDS_REVIEW
    assert "De-identified 2 report(s)." in out.getvalue()
    assert "1 had no copy; 1 were stuck waiting" in out.getvalue()


@pytest.mark.django_db
def test_the_catch_up_stops_a_runaway_redaction_and_marks_it_for_hand_redaction(
    people: dict[str, User], submit_report: Any, settings: Any, monkeypatch: Any
) -> None:
    settings.SAFELEARN_TASK_TIME_LIMIT = 0.3
    report = submit_report(reporter=people["reporter"]).report
    runaway_redact(monkeypatch)
    out = StringIO()
    call_command("redact_pending", stdout=out)
    copy = DeidentifiedCopy.objects.get(report=report)
    assert copy.status == DeidentifiedStatus.FAILED
    assert "time limit" in copy.error
    assert "1 hit the time limit" in out.getvalue()


@pytest.mark.django_db(transaction=True)
def test_a_runaway_redaction_task_fails_at_the_time_limit_and_leaves_no_copy_pending(
    people: dict[str, User], submit_report: Any, settings: Any, monkeypatch: Any
) -> None:
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.SAFELEARN_TASK_TIME_LIMIT = 0.3
    report = submit_report(reporter=people["reporter"]).report  # queues deidentify_report_task on commit
    runaway_redact(monkeypatch)
    cli.main(["worker", "--batch", "--no-startup-delay", "--interval", "0", "-v", "0"])
    task = DBTaskResult.objects.get(task_path=deidentify_report_task.module_path)
    assert task.status == "FAILED" and task.exception_class_path.endswith("TaskTimeLimitExceeded")
    copy = DeidentifiedCopy.objects.get(report=report)
    assert copy.status == DeidentifiedStatus.FAILED  # a safety lead redacts by hand; nothing waits for ever
