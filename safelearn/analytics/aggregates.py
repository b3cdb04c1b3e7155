"""The dashboard's counts, made by the database (GROUP BY / conditional COUNT), never by loading every row.

At a million reports, loading each approved copy into Python took tens of seconds and a list of report
ids broke SQLite's parameter limit. Here each figure is one aggregate query over the filtered pool, and
related tables are filtered with a correlated EXISTS on the pool (never a list of ids), so the number
of queries is fixed whatever the number of reports. Only structured columns are ever named.

Totals, months, code combinations, organisations, factors and the median times come from the summary
tables (``safelearn.analytics.summary``), kept in step by the services, so no figure needs a time-based
cache. Actions and statutory clocks are counted from their own (few) rows with an EXISTS on the pool.
``pool_timings_direct`` measures the medians straight from the reports, for tests and checks only.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Count, DurationField, Exists, ExpressionWrapper, F, Min, OuterRef, Q, QuerySet
from django.utils import timezone

from safelearn.analytics.selectors import PoolFilters, filtered_pool
from safelearn.analytics.summary import (
    median_of_histogram,
    summary_counts,
    summary_timings,
    summary_total,
    whole_minutes,
)
from safelearn.privacy.models import DeidentifiedCopy
from safelearn.review.models import (
    OUTSTANDING_ACTION_STATUSES,
    Action,
    ActionStatus,
    ClockStatus,
    Feedback,
    StatutoryClock,
)

#: (incident_type, service_area, outcome, kind)
Combo = tuple[str, str, str, str]


@dataclass
class PoolStats:
    total: int = 0
    months: dict[tuple[int, int], int] = field(default_factory=dict)
    combos: Counter[Combo] = field(default_factory=Counter)
    by_organisation: Counter[uuid.UUID] = field(default_factory=Counter)
    factors: Counter[str] = field(default_factory=Counter)
    timings: list[tuple[float | None, int]] = field(default_factory=list)  # triage, feedback, closure
    actions: list[int] = field(default_factory=list)


def _median_days(durations: list[dt.timedelta]) -> tuple[float | None, int]:
    """(median in days, reports measured) of durations counted in whole minutes, as the summary counts them."""
    zero = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
    minutes = [m for m in (whole_minutes(zero, zero + d) for d in durations) if m is not None]
    median = median_of_histogram([(m, 1) for m in minutes])
    return (None if median is None else median / 1440), len(minutes)


def _step_durations(pool: QuerySet[DeidentifiedCopy]) -> tuple[list[dt.timedelta], list[dt.timedelta]]:
    """Time to triage and to closure, as differences computed by the database, in one scan."""
    took = {
        name: ExpressionWrapper(F(f"report__{name}") - F("report__submitted_at"), output_field=DurationField())
        for name in ("triaged_at", "closed_at")
    }
    rows = (
        pool.order_by()
        .filter(Q(report__triaged_at__isnull=False) | Q(report__closed_at__isnull=False))
        .annotate(triage=took["triaged_at"], closure=took["closed_at"])
        .values_list("triage", "closure")
    )
    zero = dt.timedelta(0)
    triage: list[dt.timedelta] = []
    closure: list[dt.timedelta] = []
    for to_triage, to_close in rows:
        if to_triage is not None and to_triage >= zero:
            triage.append(to_triage)
        if to_close is not None and to_close >= zero:
            closure.append(to_close)
    return triage, closure


def _in_pool(pool: QuerySet[DeidentifiedCopy]) -> Exists:
    """Rows whose report is in the pool, as a correlated EXISTS: never a list of ids (SQLite allows at most
    32,766 parameters), and the work follows the (usually few) actions, clocks or feedback rows rather than
    materialising every report in the pool first."""
    return Exists(pool.order_by().filter(report_id=OuterRef("report_id")).values("id"))


def _feedback_durations(pool: QuerySet[DeidentifiedCopy]) -> list[dt.timedelta]:
    first = (
        Feedback.objects.filter(_in_pool(pool))
        .order_by()
        .values("report_id", "report__submitted_at")
        .annotate(first=Min("created_at"))
    )
    return [row["first"] - row["report__submitted_at"] for row in first if row["first"] >= row["report__submitted_at"]]


def _action_counts(pool: QuerySet[DeidentifiedCopy], now: dt.datetime) -> list[int]:
    today = timezone.localdate(now)
    in_pool = _in_pool(pool)
    open_q = Q(status__in=OUTSTANDING_ACTION_STATUSES)  # handed-over actions are still to be done
    acts = (
        Action.objects.filter(in_pool)
        .order_by()
        .aggregate(
            open=Count("id", filter=open_q),
            overdue=Count("id", filter=open_q & Q(due_on__lt=today)),
            done=Count("id", filter=Q(status=ActionStatus.DONE)),
        )
    )
    notified = Q(status=ClockStatus.NOTIFIED, notified_at__isnull=False)
    running = Q(status=ClockStatus.RUNNING)
    clocks = (
        StatutoryClock.objects.filter(in_pool)
        .order_by()
        .aggregate(
            met=Count("id", filter=notified & Q(notified_at__lte=F("deadline"))),
            late=Count("id", filter=notified & Q(notified_at__gt=F("deadline"))),
            lapsed=Count("id", filter=running & Q(deadline__lt=now)),
            running=Count("id", filter=running & Q(deadline__gte=now)),
        )
    )
    return [
        acts["open"],
        acts["overdue"],
        acts["done"],
        clocks["met"],
        clocks["late"] + clocks["lapsed"],
        clocks["running"],
    ]


def pool_stats(*, filters: PoolFilters, months: list[tuple[int, int]], now: dt.datetime) -> PoolStats:
    """Every count the dashboard needs for these filters, in a fixed number of queries."""
    pool = filtered_pool(filters)
    # The counts come from the summary kept in step with every change (safelearn.analytics.summary): a
    # narrow table per organisation x day x code, never a join over every approved copy.
    counts = summary_counts(filters=filters, months=months)
    stats = PoolStats(
        total=counts.total,
        months=counts.months,
        combos=counts.combos,
        by_organisation=counts.by_organisation,
        factors=counts.factors,
    )
    stats.timings = summary_timings(filters=filters)
    stats.actions = _action_counts(pool, now)
    return stats


def pool_timings_direct(*, filters: PoolFilters) -> list[tuple[float | None, int]]:
    """The median times measured straight from the reports (a scan of the pool): what the summary must equal."""
    pool = filtered_pool(filters)
    triage, closure = _step_durations(pool)
    return [_median_days(triage), _median_days(_feedback_durations(pool)), _median_days(closure)]


def pool_count_cached(*, filters: PoolFilters) -> int:
    """The pool's size for the analytics home page, from the summary (a SUM over its cells; never stale).
    The name is historical: nothing is cached any more."""
    return summary_total(filters=filters)
