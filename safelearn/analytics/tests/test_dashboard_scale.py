"""The dashboard at scale: a fixed number of queries whatever the pool's size, local month and day edges,
and no cache: every build is current."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from safelearn.analytics.dashboard import dashboard_build
from safelearn.analytics.selectors import PoolFilters, pool_count
from safelearn.analytics.summary import summary_rebuild
from safelearn.core.types import User
from safelearn.reporting.models import Report
from safelearn.review.models import Action, Feedback

pytestmark = pytest.mark.django_db


def _queries_for_build(filters: PoolFilters, now: dt.datetime) -> list[str]:
    with CaptureQueriesContext(connection) as queries:
        dashboard_build(filters=filters, compare_org=None, now=now)
    return [q["sql"] for q in queries.captured_queries]


def test_dashboard_runs_the_same_queries_for_few_and_many_reports(
    approved_report: Callable[..., Any], org: Any, people: dict[str, User]
) -> None:
    now = timezone.now()
    counts = []
    for target in (2, 9):
        while Report.objects.count() < target:
            report = approved_report()
            Feedback.objects.create(report=report, body="Changed the rota")
            Action.objects.create(
                report=report, organisation=org, title="Fix", measure="m", owner=people["reviewer"], due_on=now.date()
            )
        national = _queries_for_build(PoolFilters(), now)
        compared = _queries_for_build(PoolFilters(organisation_id=org.pk), now)
        assert dashboard_build(filters=PoolFilters(), compare_org=None, now=now).total == target
        counts.append((len(national), len(compared)))
        # Report ids never travel as parameters (SQLite allows at most 32,766), and no raw narrative is read.
        for sql in national + compared:
            assert "what_happened" not in sql
            assert sql.count("%s") < 40 and sql.count("?") < 40
    assert counts[0] == counts[1], counts
    national_queries, compared_queries = counts[0]
    # Each summary read runs once per part of the period (its whole months from the month cells, this month so
    # far from the day cells): four queries more than reading days alone, per picture built.
    assert national_queries <= 12 and compared_queries <= 23, counts


def test_months_and_days_follow_local_midnight(
    approved_report: Callable[..., Any], settings: Any, client_for: Callable[..., Any]
) -> None:
    settings.TIME_ZONE = "Pacific/Auckland"  # 13 hours ahead of UTC in November: a month edge moves a day
    zone = ZoneInfo("Pacific/Auckland")
    first = dt.datetime(2026, 11, 1, 0, 30, tzinfo=zone)  # 31 October in UTC
    last = dt.datetime(2026, 11, 30, 23, 30, tzinfo=zone)  # 30 November, late evening: still in range
    after = dt.datetime(2026, 12, 1, 0, 30, tzinfo=zone)
    for when in (first, last, after):
        Report.objects.filter(pk=approved_report().pk).update(submitted_at=when)
    now = dt.datetime(2026, 12, 15, 12, 0, tzinfo=zone)
    with timezone.override(zone):
        # The raw updates above bypass the services (and the time zone changed), so the summary the
        # dashboard counts from is rebuilt, as `safelearn analytics rebuild-summary` would.
        summary_rebuild()
        board = dashboard_build(
            filters=PoolFilters(dt.date(2026, 10, 1), dt.date(2026, 11, 30)), compare_org=None, now=now
        )
        assert board.total == 2
        assert [(row[0], row[1]) for row in board.figures["over-time"].rows] == [("Oct 2026", 0), ("Nov 2026", 2)]
        assert pool_count(filters=PoolFilters(date_from=dt.date(2026, 12, 1))) == 1


def test_live_dashboard_is_always_current_without_a_cache(
    approved_report: Callable[..., Any], settings: Any, client_for: Callable[..., Any]
) -> None:
    # Even with a cache configured, nothing is reused: counts and medians come from the summary tables.
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "scale"}}
    approved_report()
    client = client_for("analyst")
    assert client.get(reverse("analytics:dashboard")).context["board"].total == 1
    approved_report()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("analytics:dashboard")).context["board"].total == 2
    # No figure reads the reports' time columns: the medians come from the duration histogram.
    assert not [q for q in queries.captured_queries if "triaged_at" in q["sql"] or "closed_at" in q["sql"]]
    assert client.get(reverse("analytics:dashboard"), {"kind": "incident"}).context["board"].total == 2
