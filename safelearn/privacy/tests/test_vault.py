"""The identity vault: encrypted, read only by the organisation's safety leads (audited), destroyed on time."""

from __future__ import annotations

import datetime as dt
from io import StringIO
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.db import connection
from django.http import Http404
from django.utils import timezone

from safelearn.core.models import AuditEvent
from safelearn.core.types import User
from safelearn.privacy import vault
from safelearn.privacy.models import IdentityVaultEntry
from safelearn.privacy.services import deidentify_report, redaction_approve
from safelearn.review.services import feedback_send
from safelearn.review.workflow import report_transition

pytestmark = pytest.mark.django_db


@pytest.fixture
def confidential(submit_report: Any) -> Any:
    from safelearn.reporting.services import ReporterIdentity, ReportInput, report_submit

    def make(org: Any) -> Any:
        return report_submit(
            organisation=org,
            data=ReportInput(what_happened="Something went wrong.", mode="confidential"),
            identity=ReporterIdentity(name="Priya Zanetti", contact="priya@example.org"),
        ).report

    return make


def test_identity_is_stored_encrypted(confidential: Any, org: Any) -> None:
    report = confidential(org)
    with connection.cursor() as cursor:
        cursor.execute("SELECT name, contact FROM privacy_identityvaultentry")
        name, contact = cursor.fetchone()
    assert b"Priya" not in bytes(name) and b"priya@" not in bytes(contact)
    assert report.identity.name == "Priya Zanetti"


def test_safety_lead_reads_and_every_read_is_audited(confidential: Any, org: Any, people: dict[str, User]) -> None:
    report = confidential(org)
    identity = vault.identity_read(user=people["reviewer"], report=report, reason="follow-up call")
    assert identity == vault.Identity(name="Priya Zanetti", contact="priya@example.org")
    vault.identity_read(user=people["reviewer"], report=report)
    reads = AuditEvent.objects.filter(verb="identity.read", actor=people["reviewer"])
    assert reads.count() == 2
    assert "Priya" not in str(list(AuditEvent.objects.values_list("payload", flat=True)))


@pytest.mark.parametrize(
    ("who", "error"),
    [
        ("reporter", PermissionDenied),
        ("org_admin", PermissionDenied),
        ("other_reviewer", Http404),
        ("other_reporter", Http404),
        ("analyst", Http404),
        ("no_role", Http404),
    ],
)
def test_nobody_else_reads_an_identity(
    confidential: Any, org: Any, people: dict[str, User], who: str, error: Any
) -> None:
    report = confidential(org)
    with pytest.raises(error):
        vault.identity_read(user=people[who], report=report)
    assert not AuditEvent.objects.filter(verb="identity.read").exists()


def _close(report: Any, reviewer: Any) -> None:
    """Close the way the closure criteria allow: copy approved and real feedback sent (emailed via the vault)."""
    report_transition(report=report, actor=reviewer, to_status="triaged")
    redaction_approve(copy=deidentify_report(report_id=report.pk), actor=reviewer)
    feedback_send(report=report, actor=reviewer, body="We changed the weekend rota after your report.")
    report_transition(report=report, actor=reviewer, to_status="closed")


def test_identity_destroyed_retention_days_after_closing(
    confidential: Any, org: Any, people: dict[str, User], settings: Any
) -> None:
    settings.SAFELEARN_IDENTITY_RETENTION_DAYS = 30
    report = confidential(org)
    open_report = confidential(org)
    _close(report, people["reviewer"])
    report.refresh_from_db()
    now = timezone.now()
    assert vault.identity_purge(now=now).destroyed == 0  # closed today: scheduled, not yet due
    entry = IdentityVaultEntry.objects.get(report=report)
    assert entry.destroy_after == timezone.localdate(report.closed_at) + dt.timedelta(days=30)
    assert vault.identity_purge(now=now + dt.timedelta(days=29)).destroyed == 0
    dry = vault.identity_purge(now=now + dt.timedelta(days=30), dry_run=True)
    assert dry.destroyed == 1 and IdentityVaultEntry.objects.filter(report=report).exists()
    result = vault.identity_purge(now=now + dt.timedelta(days=30))
    assert result.destroyed == 1
    assert not IdentityVaultEntry.objects.filter(report=report).exists()
    assert IdentityVaultEntry.objects.filter(report=open_report).exists()  # still open: kept
    assert vault.identity_read(user=people["reviewer"], report=report) is None
    assert AuditEvent.objects.filter(verb="identity.destroyed", target_id=str(report.pk)).exists()


def test_withdrawn_report_identity_is_scheduled_from_first_sighting(
    confidential: Any, org: Any, people: dict[str, User], settings: Any
) -> None:
    settings.SAFELEARN_IDENTITY_RETENTION_DAYS = 5
    report = confidential(org)
    report_transition(report=report, actor=people["reviewer"], to_status="withdrawn", reason="Not for this system")
    now = timezone.now()
    vault.identity_purge(now=now)
    assert vault.identity_purge(now=now + dt.timedelta(days=5)).destroyed == 1


def test_command_and_task_purge_with_the_clock_moved(
    confidential: Any, org: Any, people: dict[str, User], monkeypatch: Any, settings: Any
) -> None:
    settings.SAFELEARN_IDENTITY_RETENTION_DAYS = 30
    report = confidential(org)
    _close(report, people["reviewer"])
    out = StringIO()
    call_command("purge-identities", stdout=out)
    assert "Destroyed 0" in out.getvalue()
    later = timezone.now() + dt.timedelta(days=31)
    monkeypatch.setattr(timezone, "now", lambda: later)
    out = StringIO()
    call_command("purge-identities", "--dry-run", stdout=out)
    assert "Dry run: 1" in out.getvalue() and IdentityVaultEntry.objects.exists()
    from safelearn.privacy.tasks import purge_identities

    result = purge_identities.enqueue()
    assert result.return_value == {"scheduled": 0, "destroyed": 1}
    assert not IdentityVaultEntry.objects.exists()
