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

from safelearn.analytics.aggregates import pool_stats, pool_timings_direct
from safelearn.analytics.dashboard import dashboard_build
from safelearn.analytics.models import PoolDayCount, PoolDayDuration, PoolDayFactor
from safelearn.analytics.selectors import PoolFilters, pool_count, pool_rows
from safelearn.analytics.summary import (
    median_of_histogram,
    summary_counts,
    summary_differences,
    summary_rebuild,
    summary_rows,
    summary_timings,
    summary_total,
)
from safelearn.core.types import User
from safelearn.learning.services import report_set_code
from safelearn.privacy.services import purge_raw_narratives
from safelearn.reporting.models import Report, ReportStatus
from safelearn.review.services import feedback_send
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
        # Median times to triage, feedback and closure: the histogram equals a scan of the reports.
        assert summary_timings(filters=filters) == pool_timings_direct(filters=filters)
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
    approved_report: Callable[..., Any], people: dict[str, User]
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


def test_median_times_come_exactly_from_the_summary(
    approved_report: Callable[..., Any], people: dict[str, User]
) -> None:
    reviewer = people["reviewer"]
    reports = [approved_report() for _ in range(4)]
    now = timezone.now()
    # Submitted 90 minutes, 30 hours, 3 days and 10 days ago (written directly, as a loader would), then rebuilt.
    for report, ago in zip(reports, (90, 30 * 60, 3 * 1440, 10 * 1440), strict=True):
        Report.objects.filter(pk=report.pk).update(submitted_at=now - dt.timedelta(minutes=ago, seconds=20))
        report.refresh_from_db()
    summary_rebuild()
    assert summary_timings(filters=PoolFilters()) == [(None, 0), (None, 0), (None, 0)]
    # Triage through the service: each report's cell is recounted at once.
    for report in reports[:3]:
        report_transition(report=report, actor=reviewer, to_status=ReportStatus.TRIAGED)
        assert_summary_matches_sql()
    triage, feedback, closure = summary_timings(filters=PoolFilters())
    assert triage == (30 * 60 / 1440, 3)  # the middle of 90 min, 30 h, 3 days: exactly 30 hours
    assert feedback == (None, 0) and closure == (None, 0)
    report_transition(report=reports[3], actor=reviewer, to_status=ReportStatus.TRIAGED)
    assert summary_timings(filters=PoolFilters())[0] == ((30 * 60 + 3 * 1440) / 2 / 1440, 4)  # even: the mean
    # The first feedback moves the time to feedback (the service tells the summary).
    feedback_send(report=reports[1], actor=reviewer, body="We changed the rota.")
    assert_summary_matches_sql()
    assert summary_timings(filters=PoolFilters())[1] == (30 * 60 / 1440, 1)
    # Filters apply to the medians as to the counts; the dashboard shows the summary's figure.
    assert summary_timings(filters=PoolFilters(outcome="severe_harm")) == [(None, 0)] * 3
    board = dashboard_build(filters=PoolFilters(), compare_org=None, now=timezone.now())
    assert board.figures["timings"].rows[0][1:3] == ["2.1 days", 4]  # (30 h + 3 days) / 2 = 3,060 minutes
    assert PoolDayDuration.objects.filter(measure="triage").count() == 4
    # A withdrawal takes the report's times out with it.
    report_transition(report=reports[0], actor=reviewer, to_status=ReportStatus.WITHDRAWN, reason="Not for us")
    assert_summary_matches_sql()
    assert summary_timings(filters=PoolFilters())[0][1] == 3


def test_median_of_a_histogram_is_the_median_of_its_values() -> None:
    import statistics

    assert median_of_histogram([]) is None
    assert median_of_histogram([(7, 0)]) is None
    for histogram in ([(5, 1)], [(1, 1), (3, 1)], [(5, 2), (1, 1)], [(10, 3), (2, 3)], [(4, 1000), (9, 999), (1, 2)]):
        values = [v for v, n in histogram for _ in range(n)]
        assert median_of_histogram(histogram) == statistics.median(values)


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
