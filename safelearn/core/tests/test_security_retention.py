"""`safelearn purge`: raw narratives, vaulted identities and stale drafts go on schedule; dry run changes nothing."""

from __future__ import annotations

import datetime as dt
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.utils import timezone

from safelearn.core.audit import audit_verify
from safelearn.core.models import AuditEvent
from safelearn.core.types import User
from safelearn.privacy import services as privacy_services
from safelearn.privacy.models import DeidentifiedCopy, IdentityVaultEntry
from safelearn.privacy.retention import retention_purge_all
from safelearn.privacy.vault import identity_purge
from safelearn.reporting.models import Report, ReportDraft
from safelearn.reporting.services import ReporterIdentity, ReportInput, report_submit
from safelearn.review.workflow import report_transition

pytestmark = pytest.mark.django_db


@pytest.fixture
def due_for_everything(
    org: Any, people: dict[str, User], submit_report: Any, settings: Any, django_capture_on_commit_callbacks: Any
) -> dict[str, Any]:
    settings.SAFELEARN_RAW_RETENTION_DAYS = 30
    settings.SAFELEARN_IDENTITY_RETENTION_DAYS = 30
    settings.SAFELEARN_DRAFT_RETENTION_DAYS = 60
    with django_capture_on_commit_callbacks(execute=True):
        approved = submit_report(reporter=people["reporter"], what_happened="Raw words that must go in time.").report
    privacy_services.redaction_approve(copy=DeidentifiedCopy.objects.get(report=approved), actor=people["reviewer"])
    confidential = report_submit(
        organisation=org,
        data=ReportInput(what_happened="Something went wrong.", mode="confidential"),
        identity=ReporterIdentity(name="Priya Zanetti", contact="priya@example.org"),
    ).report
    report_transition(report=confidential, actor=people["reviewer"], to_status="triaged")
    # Closed by a written override (the copy stays unapproved, so only `approved` is due for the raw purge).
    report_transition(
        report=confidential,
        actor=people["reviewer"],
        to_status="closed",
        override_reason="Closed unreviewed so the retention clocks can be tested",
    )
    stale = ReportDraft.objects.create(organisation=org, owner=people["reporter"], payload="{}")
    fresh = ReportDraft.objects.create(organisation=org, owner=people["reporter"], payload="{}")
    ReportDraft.objects.filter(pk=stale.pk).update(updated_at=timezone.now() - dt.timedelta(days=100))
    return {"approved": approved, "confidential": confidential, "stale": stale, "fresh": fresh}


def test_dry_run_reports_and_changes_nothing(due_for_everything: dict[str, Any]) -> None:
    later = timezone.now() + dt.timedelta(days=31)
    identity_purge(now=timezone.now())  # a first daily run schedules the identity's destruction date
    events = AuditEvent.objects.count()
    lines = {line.name: line for line in retention_purge_all(now=later, dry_run=True)}
    assert lines["Raw narratives"].affected == 1
    assert due_for_everything["approved"].reference in lines["Raw narratives"].detail
    assert lines["Identity vault"].affected == 1
    assert lines["Drafts"].affected == 1
    assert AuditEvent.objects.count() == events
    assert Report.objects.get(pk=due_for_everything["approved"].pk).what_happened
    assert IdentityVaultEntry.objects.filter(report=due_for_everything["confidential"]).exists()
    assert ReportDraft.objects.count() == 2


def test_purge_removes_what_is_due_and_audits_it(due_for_everything: dict[str, Any]) -> None:
    identity_purge(now=timezone.now())
    retention_purge_all(now=timezone.now() + dt.timedelta(days=31))
    assert Report.objects.get(pk=due_for_everything["approved"].pk).what_happened == ""
    assert not IdentityVaultEntry.objects.filter(report=due_for_everything["confidential"]).exists()
    assert list(ReportDraft.objects.values_list("pk", flat=True)) == [due_for_everything["fresh"].pk]
    verbs = set(AuditEvent.objects.values_list("verb", flat=True))
    assert {"privacy.raw_purged", "identity.destroyed", "draft.purged"} <= verbs
    assert audit_verify() == []


def test_the_command_prints_a_table(due_for_everything: dict[str, Any]) -> None:
    out = StringIO()
    call_command("purge", "--dry-run", stdout=out)
    text = out.getvalue()
    assert "Would purge" in text and "Drafts" in text and "Identity vault" in text
    assert "Dry run: nothing was changed." in text
    assert ReportDraft.objects.count() == 2
    out = StringIO()
    call_command("purge", stdout=out)
    assert "Purged" in out.getvalue()
    assert ReportDraft.objects.count() == 1
