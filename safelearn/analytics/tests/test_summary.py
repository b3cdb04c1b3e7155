"""The summary tables equal a direct count of the pool after every kind of change the services make."""

from __future__ import annotations

import datetime as dt
import importlib
from collections import Counter
from collections.abc import Callable
from types import SimpleNamespace
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.utils import timezone

from safelearn.analytics.aggregates import pool_stats
from safelearn.analytics.models import PoolDayCount, PoolDayFactor
from safelearn.analytics.selectors import PoolFilters, pool_count, pool_rows
from safelearn.analytics.summary import (
    summary_counts,
    summary_differences,
    summary_rebuild,
    summary_rows,
    summary_total,
)
from safelearn.learning.services import report_set_code
from safelearn.privacy.services import purge_raw_narratives
from safelearn.reporting.models import Report, ReportStatus
from safelearn.review.workflow import report_transition

pytestmark = pytest.mark.django_db


def assert_summary_matches_sql() -> None:
    """Every stored cell equals the direct GROUP BY, and the dashboard's figures agree both ways."""
    assert summary_differences(limit=0) == []
    today = timezone.localdate()
    months = [(today.year, today.month)]
    for filters in (
        PoolFilters(),
        PoolFilters(date_from=today.replace(day=1), date_to=today),
        PoolFilters(outcome="near_miss", service_area="child_protection"),
    ):
        direct = pool_stats(filters=filters, months=months, now=timezone.now())
        summary = summary_counts(filters=filters, months=months)
        assert summary.total == direct.total == pool_count(filters=filters) == summary_total(filters=filters)
        assert summary.combos == direct.combos
        assert summary.by_organisation == direct.by_organisation
        assert summary.factors == direct.factors
        if filters.date_from:
            assert summary.months == direct.months
        # Open data's input: counts per organisation and code combination, both ways.
        codes = ("organisation_id", "incident_type", "service_area", "outcome", "kind")
        rows: Counter[tuple[Any, ...]] = Counter(tuple(r[c] for c in codes) for r in pool_rows(filters=filters))
        summed: Counter[tuple[Any, ...]] = Counter()
        for r in summary_rows(filters=filters):
            summed[tuple(r[c] for c in codes)] += r["n"]
        assert summed == rows


def test_submission_and_approval(approved_report: Callable[..., Any]) -> None:
    approved_report(approve=False)  # submitted and de-identified, not yet approved: not in the pool
    assert_summary_matches_sql()
    assert PoolDayCount.objects.count() == 0
    approved_report(contributory_factors=["workload_and_staffing", "recording_and_systems"])
    assert_summary_matches_sql()
    assert summary_total(filters=PoolFilters()) == 1
    assert PoolDayFactor.objects.count() == 2


def test_transitions_withdrawal_and_duplicate_merge(
    approved_report: Callable[..., Any], people: dict[str, Any]
) -> None:
    reviewer = people["reviewer"]
    primary, duplicate, withdrawn = approved_report(), approved_report(outcome="low_harm"), approved_report()
    assert summary_total(filters=PoolFilters()) == 3
    report_transition(report=primary, actor=reviewer, to_status=ReportStatus.TRIAGED)
    assert_summary_matches_sql()
    report_transition(
        report=duplicate, actor=reviewer, to_status=ReportStatus.DUPLICATE, reason="Same visit", duplicate_of=primary
    )
    assert_summary_matches_sql()
    report_transition(report=withdrawn, actor=reviewer, to_status=ReportStatus.WITHDRAWN, reason="Not for us")
    assert_summary_matches_sql()
    assert summary_total(filters=PoolFilters()) == 1
    assert summary_total(filters=PoolFilters(outcome="low_harm")) == 0


def test_code_set_on_a_report(approved_report: Callable[..., Any]) -> None:
    report = approved_report(outcome="near_miss")
    report_set_code(report=report, field="outcome", value="moderate_harm")
    assert_summary_matches_sql()
    assert summary_total(filters=PoolFilters(outcome="moderate_harm")) == 1
    report_set_code(report=report, field="contributory_factors", value=["workload_and_staffing"])
    assert_summary_matches_sql()


def test_purge_of_raw_narratives(approved_report: Callable[..., Any]) -> None:
    approved_report()
    assert purge_raw_narratives(now=timezone.now() + dt.timedelta(days=3650))
    assert_summary_matches_sql()
    assert summary_total(filters=PoolFilters()) == 1


def test_verify_command_finds_a_drift_and_rebuild_mends_it(approved_report: Callable[..., Any]) -> None:
    report = approved_report()
    call_command("analytics", "rebuild-summary", "--verify")  # agrees: no error
    # A write that bypasses the services (as a bulk loader would) leaves the summary behind...
    Report.objects.filter(pk=report.pk).update(outcome="severe_harm")
    with pytest.raises(CommandError, match="differs"):
        call_command("analytics", "rebuild-summary", "--verify")
    # ...until it is rebuilt from the pool.
    call_command("analytics", "rebuild-summary")
    call_command("analytics", "rebuild-summary", "--verify")
    assert summary_rebuild() == (1, 1)
    assert_summary_matches_sql()


def test_migrate_creates_the_database_cache_table(settings: Any) -> None:
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "h26_cache"}}
    assert "h26_cache" not in connection.introspection.table_names()
    migration = importlib.import_module("safelearn.analytics.migrations.0003_database_cache_table")
    # What the migration needs of its schema editor is the connection it migrates.
    migration.create_cache_table(None, SimpleNamespace(connection=connection))
    assert "h26_cache" in connection.introspection.table_names()
