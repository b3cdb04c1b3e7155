from __future__ import annotations

import pytest
from django.core.management import call_command
from pytest_django import Settings

from safelearn.analytics.models import Bulletin
from safelearn.organisations.models import Membership, Organisation
from safelearn.privacy.models import DeidentifiedCopy
from safelearn.reporting.models import Report, ReportStatus
from safelearn.review.models import ClosureOverride
from safelearn.review.services.closure import closure_blockers


def test_demo_loads_once_and_covers_the_journeys(
    db: None, capsys: pytest.CaptureFixture[str], settings: Settings
) -> None:
    call_command("demo")
    out = capsys.readouterr().out
    assert "nb-reporter" in out and "learn-before-harm-2026" in out
    assert Organisation.objects.filter(slug__in=["northbridge", "westmoor", "national"]).count() == 3
    assert {m.role for m in Membership.objects.all()} == {"reporter", "reviewer", "org_admin", "analyst"}
    reports = Report.objects.filter(organisation__slug__in=["northbridge", "westmoor"])
    assert reports.count() >= 40
    assert set(reports.values_list("status", flat=True)) >= {s.value for s in ReportStatus if s != "duplicate"}
    assert DeidentifiedCopy.objects.filter(status="approved").count() >= 40
    assert DeidentifiedCopy.objects.filter(status="needs_review").count() >= 2
    assert Bulletin.objects.exists()
    closed = reports.filter(status=ReportStatus.CLOSED)
    assert closed.exists() and all(closure_blockers(r) == [] for r in closed)  # closed for real, no overrides
    assert not ClosureOverride.objects.exists()
    before = (Report.objects.count(), DeidentifiedCopy.objects.filter(status="approved").count())
    # `make run PORT=8123` sets the site URL: the links printed must be where it actually serves.
    settings.SITE_URL = "http://127.0.0.1:8123"
    call_command("demo")
    again = capsys.readouterr().out
    assert "nothing duplicated" in again
    assert "http://127.0.0.1:8123/r/northbridge/" in again and "http://127.0.0.1:8123/check/" in again
    assert ":8000" not in again
    assert (Report.objects.count(), DeidentifiedCopy.objects.filter(status="approved").count()) == before


def test_demo_leaves_the_dashboard_summary_equal_to_the_pool(db: None) -> None:
    # Demo and generated reports are written without the services: the command rebuilds the summary.
    from safelearn.analytics.selectors import PoolFilters, pool_count
    from safelearn.analytics.summary import summary_differences, summary_total

    call_command("demo", "--reports", "30", "--organisations", "3", "--quiet-logins")
    assert summary_differences(limit=0) == []
    assert summary_total(filters=PoolFilters()) == pool_count(filters=PoolFilters()) > 0
