"""The human gate around automatic de-identification, with the real engine."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from pytest_django import DjangoCaptureOnCommitCallbacks, Settings

from safelearn.core.types import User
from safelearn.privacy import services
from safelearn.privacy.models import DeidentifiedCopy, DeidentifiedStatus
from safelearn.privacy.selectors import deidentified_pool
from safelearn.reporting.models import Report
from safelearn.reporting.services import SubmissionResult

NARRATIVE = (
    "Tyler Brennan (9) told his teacher at Ashgrove Primary on 12/03/2026 that he was scared to go home. "
    "His mum lives at 27 Willow Crescent, NB3 8RT and her number is 07700 900456."
)


@pytest.fixture
def copy(
    people: dict[str, User],
    submit_report: Callable[..., SubmissionResult],
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> DeidentifiedCopy:
    with django_capture_on_commit_callbacks(execute=True):
        result = submit_report(reporter=people["reporter"], what_happened=NARRATIVE)
    return DeidentifiedCopy.objects.get(report=result.report)


def test_submission_queues_automatic_redaction(copy: Any) -> None:
    assert copy.status == DeidentifiedStatus.NEEDS_REVIEW
    preview = services.redaction_view(copy=copy).preview
    for secret in ("Tyler", "Brennan", "Ashgrove", "27 Willow Crescent", "NB3 8RT", "07700 900456", "12/03/2026"):
        assert secret not in preview
    assert "teacher" in preview and "scared to go home" in preview


def test_staff_roster_names_are_removed(
    people: dict[str, User],
    submit_report: Callable[..., SubmissionResult],
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    people["reviewer"].first_name, people["reviewer"].last_name = "Oriel", "Pennymore"
    people["reviewer"].save()
    with django_capture_on_commit_callbacks(execute=True):
        result = submit_report(what_happened="The visit by oriel was cancelled; PENNYMORE's manager was told.")
    preview = services.redaction_view(copy=result.report.deidentified).preview
    assert "oriel" not in preview.lower() and "pennymore" not in preview.lower()


def test_unapproved_copy_never_reaches_the_pool(copy: Any) -> None:
    assert not deidentified_pool().filter(pk=copy.pk).exists()


def test_reviewer_adds_removes_and_approves(copy: Any, people: dict[str, User]) -> None:
    reviewer = people["reviewer"]
    services.redaction_add_text(copy=copy, actor=reviewer, phrase="scared to go home", label="PERSON")
    copy.refresh_from_db()
    assert "scared to go home" not in services.redaction_view(copy=copy).preview
    spans = services.redaction_view(copy=copy).spans
    index = next(i for i, s in enumerate(spans) if s.source == "reviewer")
    services.redaction_remove(copy=copy, actor=reviewer, indexes=[index])
    copy.refresh_from_db()
    assert "scared to go home" in services.redaction_view(copy=copy).preview
    services.redaction_approve(copy=copy, actor=reviewer)
    copy.refresh_from_db()
    assert copy.status == DeidentifiedStatus.APPROVED
    assert "Tyler" not in copy.text
    assert deidentified_pool().filter(pk=copy.pk).exists()


def test_add_phrase_not_in_text_is_a_clear_error(copy: Any, people: dict[str, User]) -> None:
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as info:
        services.redaction_add_text(copy=copy, actor=people["reviewer"], phrase="Zebedee", label="PERSON")
    assert "not in the report" in str(info.value)


@pytest.mark.parametrize(
    "who,status",
    [
        ("reviewer", 200),
        ("reporter", 403),
        ("org_admin", 403),
        ("other_reviewer", 404),
        ("analyst", 404),
        ("no_role", 404),
    ],
)
def test_review_screen_permissions(client: Client, copy: Any, people: dict[str, User], who: str, status: int) -> None:
    client.force_login(people[who])
    response = client.get(reverse("privacy:review", args=[copy.report_id]))
    assert response.status_code == status
    if status != 200:
        assert b"Tyler" not in response.content


def test_review_screen_signed_out_redirects(client: Client, copy: Any) -> None:
    response = client.get(reverse("privacy:review", args=[copy.report_id]))
    assert response.status_code == 302 and "/sign-in/" in response["Location"]


@pytest.mark.parametrize("who,status", [("other_reviewer", 404), ("analyst", 404), ("reporter", 403)])
def test_outsiders_cannot_approve(client: Client, copy: Any, people: dict[str, User], who: str, status: int) -> None:
    client.force_login(people[who])
    response = client.post(reverse("privacy:approve", args=[copy.report_id]))
    assert response.status_code == status
    copy.refresh_from_db()
    assert copy.status == DeidentifiedStatus.NEEDS_REVIEW


def test_review_screen_flow_through_views(client: Client, copy: Any, people: dict[str, User]) -> None:
    client.force_login(people["reviewer"])
    page = client.get(reverse("privacy:review", args=[copy.report_id]))
    assert b"sl-redact" in page.content
    bad = client.post(reverse("privacy:add", args=[copy.report_id]), {"phrase": "", "label": "PERSON"})
    assert bad.status_code == 400 and b"Enter the words to remove" in bad.content
    client.post(reverse("privacy:add", args=[copy.report_id]), {"phrase": "teacher", "label": "PERSON"})
    client.post(reverse("privacy:approve", args=[copy.report_id]))
    copy.refresh_from_db()
    assert copy.status == DeidentifiedStatus.APPROVED and "teacher" not in copy.text
    queue = client.get(reverse("privacy:queue"))
    assert queue.status_code == 200
    assert reverse("privacy:review", args=[copy.report_id]).encode() not in queue.content


def test_raw_narrative_purged_after_retention(copy: Any, people: dict[str, User], settings: Settings) -> None:
    settings.SAFELEARN_RAW_RETENTION_DAYS = 30
    services.redaction_approve(copy=copy, actor=people["reviewer"])
    soon = timezone.now() + dt.timedelta(days=29)
    assert services.purge_raw_narratives(now=soon) == []
    later = timezone.now() + dt.timedelta(days=31)
    assert services.purge_raw_narratives(now=later, dry_run=True) == [copy.report.reference]
    assert Report.objects.get(pk=copy.report_id).what_happened == NARRATIVE
    assert services.purge_raw_narratives(now=later) == [copy.report.reference]
    report = Report.objects.get(pk=copy.report_id)
    assert report.what_happened == "" and report.raw_purged_at is not None
    copy.refresh_from_db()
    assert "scared to go home" in copy.text  # the approved learning copy stays


def test_narrative_is_immutable(copy: Any) -> None:
    report = Report.objects.get(pk=copy.report_id)
    report.what_happened = "something else"
    with pytest.raises(PermissionError):
        report.save()


@pytest.mark.django_db(transaction=True)
def test_database_holds_no_raw_narrative(
    people: dict[str, User], submit_report: Callable[..., SubmissionResult]
) -> None:
    submit_report(reporter=people["reporter"], what_happened=NARRATIVE)
    with connection.cursor() as cursor:
        cursor.execute("SELECT what_happened FROM reporting_report")
        stored = bytes(cursor.fetchone()[0])
    assert b"Tyler" not in stored and b"Willow" not in stored
    if connection.vendor == "sqlite":
        connection.close()
        path = Path(settings.DATABASES["default"]["TEST"]["NAME"])
        raw = b"".join(p.read_bytes() for p in path.parent.glob(path.name + "*") if p.is_file())
        assert raw, "expected the test database file on disk"
        assert b"Tyler Brennan" not in raw and b"Willow Crescent" not in raw


def test_names_listed_privately_are_removed_and_never_stored_in_clear(
    people: dict[str, User],
    submit_report: Callable[..., SubmissionResult],
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    from safelearn.privacy.models import InvolvedPeople

    with django_capture_on_commit_callbacks(execute=True):
        result = submit_report(
            reporter=people["reporter"],
            what_happened="the new worker zeph went to the wrong house and quill was not told.",
            people_involved="Zeph Orrin\nquill",
        )
    preview = services.redaction_view(copy=result.report.deidentified).preview
    assert "zeph" not in preview.lower() and "quill" not in preview.lower()
    assert "wrong house" in preview
    with connection.cursor() as cursor:
        cursor.execute("SELECT names FROM privacy_involvedpeople")
        assert b"Orrin" not in bytes(cursor.fetchone()[0])
    assert InvolvedPeople.objects.get(report=result.report).name_list() == ["Zeph Orrin", "quill"]
