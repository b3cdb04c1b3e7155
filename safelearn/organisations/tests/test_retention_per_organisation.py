"""An organisation's own retention days are the ones the purges use; others keep the installation's default."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.utils import timezone

from safelearn.core.types import User
from safelearn.privacy import services as privacy_services
from safelearn.privacy import vault
from safelearn.privacy.models import IdentityVaultEntry
from safelearn.reporting.services import ReporterIdentity, ReportInput, report_submit
from safelearn.review.workflow import report_transition

pytestmark = pytest.mark.django_db


def _confidential(organisation: Any) -> Any:
    return report_submit(
        organisation=organisation,
        data=ReportInput(what_happened="The handover note was lost on Friday.", mode="confidential"),
        identity=ReporterIdentity(name="Priya Zanetti", contact="priya@example.org"),
    ).report


def test_identity_purge_uses_each_organisations_days(
    org: Any, other_org: Any, make_user: Callable[..., User], settings: Any
) -> None:
    settings.SAFELEARN_IDENTITY_RETENTION_DAYS = 30
    org.identity_retention_days = 5
    org.save()
    ours, theirs = _confidential(org), _confidential(other_org)
    for report, organisation in ((ours, org), (theirs, other_org)):
        lead = make_user(f"lead-{organisation.slug}", "reviewer", organisation)
        report_transition(report=report, actor=lead, to_status="withdrawn", reason="Not for this system")
    now = timezone.now()
    vault.identity_purge(now=now)
    assert IdentityVaultEntry.objects.get(report=ours).destroy_after == timezone.localdate(now) + dt.timedelta(days=5)
    assert vault.identity_purge(now=now + dt.timedelta(days=5)).destroyed == 1
    assert not IdentityVaultEntry.objects.filter(report=ours).exists()
    assert IdentityVaultEntry.objects.filter(report=theirs).exists()  # the default 30 days still run


def test_raw_narrative_purge_uses_each_organisations_days(
    org: Any, other_org: Any, make_user: Callable[..., User], settings: Any, django_capture_on_commit_callbacks: Any
) -> None:
    settings.SAFELEARN_RAW_RETENTION_DAYS = 90
    org.raw_retention_days = 7
    org.save()
    reports = {}
    for organisation in (org, other_org):
        lead = make_user(f"lead-{organisation.slug}", "reviewer", organisation)
        with django_capture_on_commit_callbacks(execute=True):
            report = report_submit(
                organisation=organisation,
                data=ReportInput(what_happened="The rota had a gap on Sunday.", mode="anonymous"),
            ).report
        privacy_services.redaction_approve(copy=report.deidentified, actor=lead)
        reports[organisation.slug] = report
    later = timezone.now() + dt.timedelta(days=8)
    assert privacy_services.purge_raw_narratives(now=later, dry_run=True) == [reports[org.slug].reference]
    purged = privacy_services.purge_raw_narratives(now=timezone.now() + dt.timedelta(days=91), dry_run=True)
    assert sorted(purged) == sorted(r.reference for r in reports.values())
