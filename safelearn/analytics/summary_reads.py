"""The dashboards' reads of the summary: a period's whole months from the month cells, its edges from days.

A period such as 14 March to 9 November reads the month cells of April to October and the day cells of
14–31 March and 1–9 November; each figure is the sum of those (at most three) parts, so it is exactly the
day grain's answer (a month cell is the sum of its day cells) while reading a twelfth of the cells for a
year. ``month_cells=False`` reads the day cells alone: what the composition must equal, for checks.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from django.db.models import QuerySet, Sum

from safelearn.analytics.selectors import PoolFilters
from safelearn.analytics.summary_cells import CODES, GRAINS, MEASURES

#: A closed range of days (None: unbounded on that side).
Days = tuple[dt.date | None, dt.date | None]


def _next_month(day: dt.date) -> dt.date:
    return dt.date(day.year + 1, 1, 1) if day.month == 12 else dt.date(day.year, day.month + 1, 1)


def period_parts(date_from: dt.date | None, date_to: dt.date | None) -> tuple[Days | None, list[Days]]:
    """Split a period into (the first days of its first and last whole months, or None when it holds no whole
    month; the day ranges left at its edges). An open side counts as whole months all the way."""
    first = date_from if date_from is None or date_from.day == 1 else _next_month(date_from)
    last: dt.date | None = None
    if date_to is not None:
        month_start = date_to.replace(day=1)
        ends_its_month = date_to + dt.timedelta(days=1) == _next_month(date_to)
        last = month_start if ends_its_month else (month_start - dt.timedelta(days=1)).replace(day=1)
    if first is not None and last is not None and first > last:
        return None, [(date_from, date_to)]
    edges: list[Days] = []
    if date_from is not None and first is not None and date_from < first:
        edges.append((date_from, first - dt.timedelta(days=1)))
    if date_to is not None and last is not None and date_to >= _next_month(last):
        edges.append((_next_month(last), date_to))
    return (first, last), edges


def _coded(qs: QuerySet[Any], filters: PoolFilters) -> QuerySet[Any]:
    if filters.organisation_id:
        qs = qs.filter(organisation_id=filters.organisation_id)
    for name in CODES:
        value = getattr(filters, name)
        if value:
            qs = qs.filter(**{name: value})
    return qs.order_by()


def _between(qs: QuerySet[Any], days: Days) -> QuerySet[Any]:
    if days[0] is not None:
        qs = qs.filter(day__gte=days[0])
    if days[1] is not None:
        qs = qs.filter(day__lte=days[1])
    return qs


def _parts(kind: str, filters: PoolFilters, month_cells: bool = True) -> Iterator[QuerySet[Any]]:
    """The (at most three) filtered querysets of ``kind``'s cells that together cover the filters' period."""
    day_model, month_model, _ = GRAINS[kind]
    days_qs = _coded(day_model._default_manager.all(), filters)
    if not month_cells:
        yield _between(days_qs, (filters.date_from, filters.date_to))
        return
    months, edges = period_parts(filters.date_from, filters.date_to)
    if months is not None:
        yield _between(_coded(month_model._default_manager.all(), filters), months)
    for days in edges:
        yield _between(days_qs, days)


def summary_total(*, filters: PoolFilters, month_cells: bool = True) -> int:
    """How many approved copies match, from the summary."""
    return sum(int(qs.aggregate(n=Sum("count"))["n"] or 0) for qs in _parts("counts", filters, month_cells))


@dataclass
class SummaryCounts:
    total: int = 0
    months: dict[tuple[int, int], int] = field(default_factory=dict)
    combos: Counter[tuple[str, str, str, str]] = field(default_factory=Counter)
    by_organisation: Counter[uuid.UUID] = field(default_factory=Counter)
    factors: Counter[str] = field(default_factory=Counter)


def summary_counts(*, filters: PoolFilters, months: list[tuple[int, int]], month_cells: bool = True) -> SummaryCounts:
    """The dashboard's counts (totals, months, code combinations, organisations, factors).

    Per part of the period, three narrow GROUP BYs that each return few rows (organisations by cell day, the
    code combinations, the factors), rather than one grouping by everything at once: at pool densities a day
    holds few reports per organisation, so that grouping returned nearly a row per report.
    """
    result = SummaryCounts(months=dict.fromkeys(months, 0))
    for cells in _parts("counts", filters, month_cells):
        # Per organisation and cell day (a month cell's day is its month's first): totals, months, rates. The
        # organisation index gives the groups in order; a conditional sum per month was 6x slower on SQLite.
        for org in cells.values("organisation_id", "day").annotate(n=Sum("count")):
            result.total += org["n"]
            result.by_organisation[uuid.UUID(str(org["organisation_id"]))] += org["n"]
            month = (org["day"].year, org["day"].month)
            if month in result.months:
                result.months[month] += org["n"]
        for row in cells.values(*CODES).annotate(n=Sum("count")):
            result.combos[(row["incident_type"], row["service_area"], row["outcome"], row["kind"])] += row["n"]
    for factors in _parts("factors", filters, month_cells):
        for frow in factors.values("factor").annotate(n=Sum("count")):
            result.factors[frow["factor"]] += frow["n"]
    return result


def summary_rows(*, filters: PoolFilters, month_cells: bool = True) -> list[dict[str, Any]]:
    """Counts per organisation and code combination (``organisation_id``, the codes, ``n``): open data's input."""
    summed: Counter[tuple[Any, ...]] = Counter()
    for cells in _parts("counts", filters, month_cells):
        for row in cells.values("organisation_id", *CODES).annotate(n=Sum("count")):
            summed[(row["organisation_id"], *(row[c] for c in CODES))] += row["n"]
    return [{"organisation_id": key[0], **dict(zip(CODES, key[1:], strict=True)), "n": n} for key, n in summed.items()]


def median_of_histogram(histogram: list[tuple[int, int]]) -> float | None:
    """The median of the values a (value, how many) histogram holds, as ``statistics.median`` would give for
    the expanded list (the mean of the two middle values when their number is even); None when empty."""
    ordered = sorted((value, n) for value, n in histogram if n > 0)
    total = sum(n for _, n in ordered)
    if not total:
        return None
    low_at, high_at = (total - 1) // 2, total // 2  # 0-based positions of the middle value(s)
    low = high = None
    seen = 0
    for value, n in ordered:
        if low is None and low_at < seen + n:
            low = value
        if high_at < seen + n:
            high = value
            break
        seen += n
    assert low is not None and high is not None
    return (low + high) / 2


def summary_timings(*, filters: PoolFilters, month_cells: bool = True) -> list[tuple[float | None, int]]:
    """(median days, reports measured) for time to triage, first feedback and closure, from the histogram:
    exact for durations in whole minutes. Per part, one GROUP BY returning a row per distinct (measure, minutes)."""
    histograms: dict[str, Counter[int]] = {m: Counter() for m in MEASURES}
    for cells in _parts("durations", filters, month_cells):
        for row in cells.values("measure", "minutes").annotate(n=Sum("count")):
            histograms[row["measure"]][row["minutes"]] += row["n"]
    result: list[tuple[float | None, int]] = []
    for measure in MEASURES:
        median = median_of_histogram(list(histograms[measure].items()))
        measured = sum(histograms[measure].values())
        result.append((None if median is None else median / 1440, measured))
    return result
