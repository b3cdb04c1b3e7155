"""The dashboard's counts, made by the database (GROUP BY / conditional COUNT), never by loading every row.

At a million reports, loading each approved copy into Python took tens of seconds and a list of report
ids broke SQLite's parameter limit. Here each figure is one aggregate query over the filtered pool, and
related tables are filtered with a subquery (``report_id__in=pool.values("report_id")``), so the number
of queries is fixed whatever the number of reports. Only structured columns are ever named.
"""

from __future__ import annotations

import datetime as dt
import statistics
import uuid
from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Count, DurationField, ExpressionWrapper, F, Min, Q, QuerySet
from django.utils import timezone

from safelearn.analytics.selectors import PoolFilters, filtered_pool, local_midnight
from safelearn.privacy.models import DeidentifiedCopy
from safelearn.review.models import Action, ActionStatus, ClockStatus, Feedback, StatutoryClock

#: (incident_type, service_area, outcome, kind)
Combo = tuple[str, str, str, str]


@dataclass
class PoolStats:
    total: int = 0
    months: dict[tuple[int, int], int] = field(default_factory=dict)
    combos: Counter[Combo] = field(default_factory=Counter)
    by_organisation: Counter[uuid.UUID] = field(default_factory=Counter)
    factors: Counter[str] = field(default_factory=Counter)
    timings: list[tuple[str, int]] = field(default_factory=list)  # triage, feedback, closure: (median, n)
    actions: list[int] = field(default_factory=list)


def _month_bounds(months: list[tuple[int, int]]) -> list[dt.datetime]:
    """Aware local midnights on the first of each month, and of the month after the last (time-zone safe)."""
    if not months:
        return []
    last_y, last_m = months[-1]
    after = (last_y + 1, 1) if last_m == 12 else (last_y, last_m + 1)
    return [local_midnight(dt.date(y, m, 1)) for y, m in [*months, after]]


def _counts(pool: QuerySet[DeidentifiedCopy], months: list[tuple[int, int]]) -> tuple[int, dict[tuple[int, int], int]]:
    # One scan with a conditional COUNT per month: no per-row date function (slow on SQLite, and its
    # TruncMonth would have to convert time zones row by row), and month edges are local midnights.
    bounds = _month_bounds(months)
    aggregates = {
        f"m{i}": Count("id", filter=Q(report__submitted_at__gte=bounds[i], report__submitted_at__lt=bounds[i + 1]))
        for i in range(len(months))
    }
    found = pool.order_by().aggregate(total=Count("id"), **aggregates)
    return found["total"], {month: found[f"m{i}"] for i, month in enumerate(months)}


def _median_days(durations: list[dt.timedelta]) -> tuple[str, int]:
    days = [d.total_seconds() / 86400 for d in durations]
    return (f"{statistics.median(days):.1f}" if days else "–"), len(days)


def _durations(pool: QuerySet[DeidentifiedCopy], end_field: str) -> list[dt.timedelta]:
    """Only the difference is fetched (one column), computed by the database, for completed steps."""
    end = f"report__{end_field}"
    wrapped = ExpressionWrapper(F(end) - F("report__submitted_at"), output_field=DurationField())
    qs = pool.order_by().filter(**{f"{end}__gte": F("report__submitted_at")})
    return list(qs.annotate(took=wrapped).values_list("took", flat=True))


def _feedback_durations(pool: QuerySet[DeidentifiedCopy]) -> list[dt.timedelta]:
    first = (
        Feedback.objects.filter(report_id__in=pool.values("report_id"))
        .order_by()
        .values("report_id", "report__submitted_at")
        .annotate(first=Min("created_at"))
    )
    return [row["first"] - row["report__submitted_at"] for row in first if row["first"] >= row["report__submitted_at"]]


def _action_counts(pool: QuerySet[DeidentifiedCopy], now: dt.datetime) -> list[int]:
    today = timezone.localdate(now)
    in_pool = pool.values("report_id")
    open_q = Q(status__in=(ActionStatus.OPEN, ActionStatus.IN_PROGRESS))
    acts = (
        Action.objects.filter(report_id__in=in_pool)
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
        StatutoryClock.objects.filter(report_id__in=in_pool)
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
    total, month_counts = _counts(pool, months)
    stats = PoolStats(total=total, months=month_counts)
    grouped = pool.order_by().values(
        "report__incident_type", "report__service_area", "report__outcome", "report__kind"
    )
    for row in grouped.annotate(n=Count("id")):
        combo = (row["report__incident_type"], row["report__service_area"], row["report__outcome"], row["report__kind"])
        stats.combos[combo] += row["n"]
    for row in pool.order_by().values("organisation_id").annotate(n=Count("id")):
        stats.by_organisation[row["organisation_id"]] += row["n"]
    # Few distinct factor lists: count each list once in the database, then expand the codes here.
    for row in pool.order_by().values("report__contributory_factors").annotate(n=Count("id")):
        for code in row["report__contributory_factors"] or []:
            if code:
                stats.factors[code] += row["n"]
    stats.timings = [
        _median_days(_durations(pool, "triaged_at")),
        _median_days(_feedback_durations(pool)),
        _median_days(_durations(pool, "closed_at")),
    ]
    stats.actions = _action_counts(pool, now)
    return stats
