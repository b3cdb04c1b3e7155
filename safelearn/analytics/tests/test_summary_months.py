"""The month grain: whole months from month cells, part-months from day cells, exactly the day-only answer
and exactly direct SQL, for every period shape and dashboard filter, after every kind of change."""

from __future__ import annotations

import datetime as dt
import importlib
from collections import Counter
from collections.abc import Callable
from types import SimpleNamespace
from typing import Any

import pytest
from django.db import connection
from django.utils import timezone

from safelearn.analytics import summary
from safelearn.analytics.aggregates import pool_timings_direct
from safelearn.analytics.dashboard import default_period
from safelearn.analytics.models import PoolDayCount, PoolMonthCount, PoolMonthDuration, PoolMonthFactor
from safelearn.analytics.selectors import PoolFilters, local_midnight, pool_rows
from safelearn.analytics.summary_reads import SummaryCounts, period_parts
from safelearn.core.types import User
from safelearn.learning.services import report_set_code
from safelearn.organisations.models import Organisation
from safelearn.privacy.services import purge_raw_narratives
from safelearn.reporting.models import Report, ReportStatus
from safelearn.review.services import feedback_send
from safelearn.review.workflow import report_transition

pytestmark = pytest.mark.django_db

D = dt.date


@pytest.mark.parametrize(
    ("start", "end", "months", "edges"),
    [
        # Mid-month to mid-month: the whole months between, the two part-months from days.
        (
            D(2026, 3, 14),
            D(2026, 11, 9),
            (D(2026, 4, 1), D(2026, 10, 1)),
            [(D(2026, 3, 14), D(2026, 3, 31)), (D(2026, 11, 1), D(2026, 11, 9))],
        ),
        # A calendar year: twelve month cells, no days.
        (D(2025, 1, 1), D(2025, 12, 31), (D(2025, 1, 1), D(2025, 12, 1)), []),
        # The dashboard's default: whole months and this month so far.
        (D(2025, 12, 1), D(2026, 11, 20), (D(2025, 12, 1), D(2026, 10, 1)), [(D(2026, 11, 1), D(2026, 11, 20))]),
        # Inside one month, a single day, a whole February, two part-months with nothing whole between.
        (D(2026, 5, 2), D(2026, 5, 30), None, [(D(2026, 5, 2), D(2026, 5, 30))]),
        (D(2026, 5, 31), D(2026, 5, 31), None, [(D(2026, 5, 31), D(2026, 5, 31))]),
        (D(2024, 2, 1), D(2024, 2, 29), (D(2024, 2, 1), D(2024, 2, 1)), []),
        (D(2026, 1, 20), D(2026, 2, 10), None, [(D(2026, 1, 20), D(2026, 2, 10))]),
        # Open sides are whole months all the way.
        (None, None, (None, None), []),
        (None, D(2026, 6, 15), (None, D(2026, 5, 1)), [(D(2026, 6, 1), D(2026, 6, 15))]),
        (D(2026, 6, 15), None, (D(2026, 7, 1), None), [(D(2026, 6, 15), D(2026, 6, 30))]),
        (D(2026, 6, 1), None, (D(2026, 6, 1), None), []),
        # An empty period (start after end) stays empty: days only, matching nothing.
        (D(2026, 3, 1), D(2026, 2, 28), None, [(D(2026, 3, 1), D(2026, 2, 28))]),
    ],
)
def test_a_period_splits_into_whole_months_and_edge_days(
    start: dt.date | None, end: dt.date | None, months: Any, edges: list[Any]
) -> None:
    assert period_parts(start, end) == (months, edges)


def _direct_counts(filters: PoolFilters, months: list[tuple[int, int]]) -> SummaryCounts:
    """The dashboard's counts made from the pool's own rows (a direct query of copies and reports)."""
    result = SummaryCounts(months=dict.fromkeys(months, 0))
    for row in pool_rows(filters=filters):
        local = timezone.localtime(row["submitted_at"])
        result.total += 1
        if (local.year, local.month) in result.months:
            result.months[(local.year, local.month)] += 1
        result.by_organisation[row["organisation_id"]] += 1
        codes = (row["incident_type"] or "", row["service_area"] or "", row["outcome"] or "", row["kind"] or "")
        result.combos[codes] += 1
        result.factors.update(f for f in row["contributory_factors"] or [] if f)
    return result


def _periods(today: dt.date) -> list[tuple[dt.date | None, dt.date | None]]:
    this_month = today.replace(day=1)
    year_ago = this_month.replace(year=this_month.year - 1)
    return [
        default_period(today),
        (year_ago.replace(month=1), year_ago.replace(month=12, day=31)),  # last calendar year
        (year_ago + dt.timedelta(days=13), this_month - dt.timedelta(days=40)),  # mid-month to mid-month
        (this_month - dt.timedelta(days=1), this_month - dt.timedelta(days=1)),  # a single day: a month's last
        (this_month, this_month),  # a single day: a month's first
        (today - dt.timedelta(days=75), today - dt.timedelta(days=75)),
        (None, this_month - dt.timedelta(days=50)),
        (year_ago + dt.timedelta(days=20), None),
        (None, None),
    ]


def assert_months_compose_exactly(organisation: Organisation) -> None:
    """For every period shape and every dashboard filter: month+day composition == day cells alone == SQL."""
    assert summary.summary_differences(limit=0) == []  # both grains, cell by cell
    today = timezone.localdate()
    for date_from, date_to in _periods(today):
        start = date_from or today - dt.timedelta(days=800)
        months = [((start.year * 12 + start.month - 1 + i) // 12, (start.month - 1 + i) % 12 + 1) for i in range(27)]
        for codes in (
            {},
            {"organisation_id": organisation.pk},
            {"service_area": "looked_after"},
            {"incident_type": "missed_visit_or_contact"},
            {"outcome": "low_harm"},
            {"kind": "good_practice"},
            {"organisation_id": organisation.pk, "outcome": "near_miss", "service_area": "child_protection"},
        ):
            filters = PoolFilters(date_from=date_from, date_to=date_to, **codes)
            where = f"{date_from}..{date_to} {codes}"
            composed = summary.summary_counts(filters=filters, months=months)
            assert composed == summary.summary_counts(filters=filters, months=months, month_cells=False), where
            assert composed == _direct_counts(filters, months), where
            assert (
                summary.summary_total(filters=filters)
                == summary.summary_total(filters=filters, month_cells=False)
                == composed.total
            )
            timings = summary.summary_timings(filters=filters)
            assert (
                timings
                == summary.summary_timings(filters=filters, month_cells=False)
                == pool_timings_direct(filters=filters)
            )
            keys = ("organisation_id", "incident_type", "service_area", "outcome", "kind")
            rows = Counter({tuple(r[k] for k in keys): r["n"] for r in summary.summary_rows(filters=filters)})
            assert rows == Counter(
                {tuple(r[k] for k in keys): r["n"] for r in summary.summary_rows(filters=filters, month_cells=False)}
            )
            assert rows == Counter(tuple(r[k] or "" for k in keys) for r in pool_rows(filters=filters)), where


def _submitted(report: Report, at: dt.datetime) -> None:
    Report.objects.filter(pk=report.pk).update(submitted_at=at)


@pytest.fixture
def spread(approved_report: Callable[..., Any], other_org: Organisation) -> list[Report]:
    """Reports over two years and two organisations, written into the past as a loader would, then rebuilt;
    some sit a minute either side of local midnight at a month's turn."""
    today = timezone.localdate()
    this_month = today.replace(day=1)
    reports = [
        approved_report(),
        approved_report(outcome="low_harm", contributory_factors=["workload_and_staffing"]),
        approved_report(organisation=other_org, service_area="looked_after"),
        approved_report(kind="good_practice", outcome="no_harm", incident_type="", contributory_factors=[]),
        approved_report(organisation=other_org, outcome="low_harm"),
        approved_report(),
        approved_report(service_area="looked_after", outcome="near_miss"),
        approved_report(organisation=other_org),
    ]
    last_of_previous = this_month - dt.timedelta(days=1)
    at = [
        local_midnight(last_of_previous) + dt.timedelta(hours=23, minutes=59),  # the previous month's last minute
        local_midnight(this_month) + dt.timedelta(minutes=1),  # this month's first minute
        local_midnight(today - dt.timedelta(days=75)) + dt.timedelta(hours=10),
        local_midnight(today - dt.timedelta(days=140)) + dt.timedelta(hours=15),
        local_midnight(today - dt.timedelta(days=300)) + dt.timedelta(hours=9),
        local_midnight(last_of_previous - dt.timedelta(days=10)) + dt.timedelta(hours=12),  # spread[0]'s month
        local_midnight(this_month.replace(year=this_month.year - 1)) + dt.timedelta(minutes=30),
        local_midnight(today - dt.timedelta(days=700)) + dt.timedelta(hours=20),
    ]
    for report, when in zip(reports, at, strict=True):
        _submitted(report, when)
        report.refresh_from_db()
    summary.summary_rebuild()
    return reports


def test_months_equal_days_and_sql_after_every_kind_of_change(
    spread: list[Report],
    approved_report: Callable[..., Any],
    people: dict[str, User],
    org: Organisation,
    other_org: Organisation,
) -> None:
    reviewer, other_reviewer = people["reviewer"], people["other_reviewer"]
    assert PoolMonthCount.objects.count() > 0 and PoolMonthFactor.objects.count() > 0
    assert_months_compose_exactly(org)
    # A submission today goes into this month's cells.
    approved_report(outcome="low_harm", service_area="looked_after")
    assert_months_compose_exactly(org)
    # Transitions of reports in past months: triage (a duration), closure, feedback.
    report_transition(report=spread[5], actor=reviewer, to_status=ReportStatus.TRIAGED)
    report_transition(report=spread[4], actor=other_reviewer, to_status=ReportStatus.TRIAGED)
    feedback_send(report=spread[5], actor=reviewer, body="We changed the rota.")
    assert PoolMonthDuration.objects.filter(measure="triage").count() == 2
    assert_months_compose_exactly(org)
    # A merge: the duplicate leaves the pool, its month cell goes down by one.
    report_transition(
        report=spread[6], actor=reviewer, to_status=ReportStatus.DUPLICATE, reason="Same visit", duplicate_of=spread[0]
    )
    assert_months_compose_exactly(org)
    # A withdrawal at a month's first minute, and one in the other organisation.
    report_transition(report=spread[1], actor=reviewer, to_status=ReportStatus.WITHDRAWN, reason="Not for us")
    report_transition(report=spread[7], actor=other_reviewer, to_status=ReportStatus.WITHDRAWN, reason="Sent twice")
    assert_months_compose_exactly(org)
    # Code changes move a report between month cells with the same month.
    report_set_code(report=spread[0], field="outcome", value="low_harm")
    report_set_code(report=spread[3], field="service_area", value="looked_after")
    report_set_code(report=spread[2], field="contributory_factors", value=["workload_and_staffing"])
    assert_months_compose_exactly(org)
    # Purging raw narratives keeps the pool (and both grains) as they were.
    assert purge_raw_narratives(now=timezone.now() + dt.timedelta(days=3650))
    assert_months_compose_exactly(org)
    assert summary.summary_total(filters=PoolFilters()) == 6


def test_the_verify_check_finds_a_wrong_month_cell(approved_report: Callable[..., Any]) -> None:
    approved_report()
    assert summary.summary_differences(limit=0) == []
    PoolMonthCount.objects.update(count=2)  # the day cell says 1
    problems = summary.summary_differences(limit=0)
    assert len(problems) == 1 and problems[0].startswith("month counts ")
    summary.summary_rebuild()
    assert summary.summary_differences(limit=0) == []


def test_migrating_sums_existing_day_cells_into_months(spread: list[Report], org: Organisation) -> None:
    """A database summarised before the month grain existed gets its month cells when it migrates."""
    for model in (PoolMonthCount, PoolMonthFactor, PoolMonthDuration):
        model.objects.all().delete()
    assert summary.summary_differences(limit=0) != []
    migration = importlib.import_module("safelearn.analytics.migrations.0006_pool_month_summary")

    def execute(sql: str) -> None:
        with connection.cursor() as cursor:
            cursor.execute(sql)

    # What the migration needs of its schema editor: the connection it migrates, and a way to run SQL.
    migration.months_from_days(None, SimpleNamespace(connection=connection, execute=execute))
    assert_months_compose_exactly(org)
    # Two reports of the same codes on different days of one month: two day cells, one month cell.
    assert PoolDayCount.objects.count() == PoolMonthCount.objects.count() + 1
