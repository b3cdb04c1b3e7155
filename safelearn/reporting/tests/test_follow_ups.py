"""Every new report, whichever way it comes in, has its de-identification and coding suggestions queued
once its transaction commits, by the submission service itself (no model signal does it)."""

from __future__ import annotations

from typing import Any

import pytest
from django.db.models.signals import post_save

from safelearn.core import queue
from safelearn.core.types import User
from safelearn.imports.mapping import load_mapping
from safelearn.imports.services import import_rows, read_rows
from safelearn.learning.tasks import suggest_for_report_task
from safelearn.privacy.models import DeidentifiedCopy
from safelearn.privacy.tasks import deidentify_report_task
from safelearn.reporting.models import Report

FOLLOW_UPS = ("privacy.deidentify_report", "learning.suggest_for_report")


@pytest.fixture
def queued(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, tuple[Any, ...]]]:
    """Stand-ins for the registered tasks that record what was queued, and when."""
    calls: list[tuple[str, tuple[Any, ...]]] = []

    class Recorder:
        def __init__(self, name: str) -> None:
            self.name = name

        def enqueue(self, *args: Any) -> None:
            calls.append((self.name, args))

    for name in FOLLOW_UPS:
        monkeypatch.setitem(queue._tasks, name, Recorder(name))
    return calls


def test_the_apps_register_the_real_tasks_and_no_signal_receiver_is_left() -> None:
    assert queue._tasks["privacy.deidentify_report"] is deidentify_report_task
    assert queue._tasks["learning.suggest_for_report"] is suggest_for_report_task
    receivers = [str(r) for r in post_save._live_receivers(Report)[0]]
    assert not [r for r in receivers if "deidentif" in r or "suggest" in r], receivers


def test_web_form_submission_queues_both_after_commit(
    submit_report: Any, people: dict[str, User], queued: list[Any], django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        report = submit_report(reporter=people["reporter"]).report
        assert queued == []  # nothing runs before the report is committed
    for callback in callbacks:
        callback()
    assert sorted(queued) == sorted((name, (str(report.pk),)) for name in FOLLOW_UPS)


def test_api_submission_queues_both(
    client: Any, org: Any, queued: list[Any], django_capture_on_commit_callbacks: Any
) -> None:
    body = {
        "organisation": org.slug,
        "what_happened": "The taxi left a child at the wrong school.",
        "mode": "anonymous",
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/api/v1/reports", body, content_type="application/json")
    assert response.status_code == 201, response.content
    report = Report.objects.get()
    assert sorted(queued) == sorted((name, (str(report.pk),)) for name in FOLLOW_UPS)


MAPPING = """
source: oldsys
id_column: Ref
columns:
  what_happened: Narrative
  occurred_on: {column: When, format: "%d/%m/%Y"}
defaults: {mode: anonymous, kind: incident}
"""


def test_imported_records_queue_both(org: Any, queued: list[Any], django_capture_on_commit_callbacks: Any) -> None:
    data = b"Ref,Narrative,When\nA1,Visit missed on the Tuesday.,03/02/2024\nA2,Dose given late.,04/02/2024\n"
    with django_capture_on_commit_callbacks(execute=True):
        result = import_rows(organisation=org, rows=read_rows(data, "x.csv"), mapping=load_mapping(MAPPING))
    assert result.imported == 2
    ids = sorted(str(pk) for pk in Report.objects.values_list("pk", flat=True))
    assert sorted(queued) == sorted((name, (pk,)) for name in FOLLOW_UPS for pk in ids)


def test_the_real_task_drafts_the_copy(submit_report: Any, django_capture_on_commit_callbacks: Any) -> None:
    """With the real tasks (the test queue runs them at once), the committed report gets its copy."""
    with django_capture_on_commit_callbacks(execute=True):
        report = submit_report(what_happened="Ms Quennell missed the visit on Tuesday.").report
    assert DeidentifiedCopy.objects.filter(report=report).exists()


def test_a_queue_that_is_down_never_fails_the_submission(
    submit_report: Any, monkeypatch: pytest.MonkeyPatch, django_capture_on_commit_callbacks: Any
) -> None:
    class Down:
        def enqueue(self, *args: Any) -> None:
            raise ConnectionError("queue unavailable")

    for name in FOLLOW_UPS:
        monkeypatch.setitem(queue._tasks, name, Down())
    with django_capture_on_commit_callbacks(execute=True):
        result = submit_report()
    assert Report.objects.filter(pk=result.report.pk).exists()
