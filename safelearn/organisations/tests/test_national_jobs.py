"""National administrators see each scheduled job's last run, outcome and next due time; nobody else does."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from safelearn.core.models import ScheduledJobRun
from safelearn.core.schedule import JOBS
from safelearn.core.types import User
from safelearn.organisations.models import Organisation, Role

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2026, 7, 14, 9, 7, tzinfo=dt.UTC)  # 10:07 in London (summer time)


@pytest.fixture
def national_admin(make_user: Callable[..., User], national_org: Organisation) -> User:
    return make_user("national-admin", Role.ORG_ADMIN, national_org)


def test_the_national_admin_sees_every_job_its_last_outcome_and_next_due(
    client: Any, national_admin: Any, settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings.SAFELEARN_SCHEDULE_ENABLED = True
    monkeypatch.setattr(timezone, "now", lambda: NOW)
    ScheduledJobRun.objects.create(
        job="send-reminders",
        due_slot=dt.datetime(2026, 7, 14, 9, 0, tzinfo=dt.UTC),
        enqueued_at=NOW,
        started_at=NOW,
        finished_at=NOW,
        outcome="ok",
    )
    ScheduledJobRun.objects.create(
        job="purge",
        due_slot=dt.datetime(2026, 7, 14, 2, 0, tzinfo=dt.UTC),
        enqueued_at=dt.datetime(2026, 7, 14, 2, 0, tzinfo=dt.UTC),
        started_at=dt.datetime(2026, 7, 14, 2, 0, tzinfo=dt.UTC),
        finished_at=dt.datetime(2026, 7, 14, 2, 1, tzinfo=dt.UTC),
        outcome="failed",
        message="OperationalError",
    )
    client.force_login(national_admin)
    response = client.get(reverse("national:jobs"))
    assert response.status_code == 200
    page = response.content.decode()
    for job in JOBS:
        assert job.name in page
    rows = {s.job.name: s for s in response.context["statuses"]}
    # send-reminders ran for its 10:00 slot: next due 10:15 London; purge failed last night: next 03:00 tomorrow.
    assert rows["send-reminders"].next_due == dt.datetime(2026, 7, 14, 9, 15, tzinfo=dt.UTC)
    assert rows["purge"].next_due == dt.datetime(2026, 7, 15, 2, 0, tzinfo=dt.UTC)
    assert rows["retrain"].last is None and rows["retrain"].next_due == NOW  # never run: due now
    assert "14 Jul 2026 10:15" in page and "15 Jul 2026 03:00" in page
    assert "Failed" in page and "OperationalError" in page and "Succeeded" in page
    assert "Not run yet" in page
    assert "not to run these jobs" not in page


def test_the_page_says_so_when_the_worker_does_not_run_the_jobs(
    client: Any, national_admin: Any, settings: Any
) -> None:
    settings.SAFELEARN_SCHEDULE_ENABLED = False
    client.force_login(national_admin)
    page = client.get(reverse("national:jobs")).content.decode()
    assert "The worker is set not to run these jobs" in page


def test_the_organisations_page_links_to_the_jobs(client: Any, national_admin: Any) -> None:
    client.force_login(national_admin)
    assert reverse("national:jobs") in client.get(reverse("national:organisations")).content.decode()


@pytest.mark.parametrize("who", ["org_admin", "reviewer", "reporter", "analyst", "other_reviewer", "no_role"])
def test_only_national_admins_see_the_jobs(client: Any, people: dict[str, Any], who: str) -> None:
    client.force_login(people[who])
    assert client.get(reverse("national:jobs")).status_code == 403


def test_signed_out_visitors_are_sent_to_sign_in(client: Any) -> None:
    response = client.get(reverse("national:jobs"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_a_run_whose_worker_was_lost_for_good_shows_as_failed(client: Any, national_admin: Any, settings: Any) -> None:
    from django_tasks_db.models import DBTaskResult

    from safelearn.core.tasks import run_scheduled_job

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    run = ScheduledJobRun.objects.create(
        job="retrain", due_slot=NOW, enqueued_at=NOW, started_at=NOW, outcome="running"
    )
    result = run_scheduled_job.enqueue(run.pk)
    run.task_id = str(result.id)
    run.save()
    client.force_login(national_admin)
    assert "Running" in client.get(reverse("national:jobs")).content.decode()
    # The lease gave it up after its workers kept dying (safelearn.core.worker): the run never heard.
    DBTaskResult.objects.filter(pk=result.id).update(
        status="FAILED", exception_class_path="safelearn.core.worker.WorkerLost"
    )
    page = client.get(reverse("national:jobs")).content.decode()
    assert "Failed" in page and "WorkerLost" in page
