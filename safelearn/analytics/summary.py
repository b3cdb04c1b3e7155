"""Summary counts of the approved pool per organisation x local day x code, kept in step with reports.

The dashboards count from these narrow tables instead of joining every approved copy to its report.
They are updated, never expired: every service that changes what the pool holds (approving a copy, a
status change such as withdrawn or duplicate, a code set on a report) calls
``safelearn.reporting.changes.report_changed`` inside its transaction, and ``summary_refresh`` recounts
the (organisation, day) cells those reports sit in from the pool itself. Recounting a cell (a handful of
reports) rather than adding and subtracting deltas means the caller need not say what the report was
before, and a cell can never drift: it always equals a direct count of its reports.

Bulk loaders that write without the services (the synthetic generator, demo data) call
``summary_rebuild``; ``safelearn analytics rebuild-summary --verify`` compares every cell with a direct
count. Days are local days in the site's time zone: after changing TIME_ZONE, rebuild.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.db.models import Count, Q, QuerySet, Sum
from django.db.models.functions import TruncDate
from django.utils import timezone

from safelearn.analytics.models import PoolDayCount, PoolDayFactor
from safelearn.analytics.selectors import PoolFilters, local_midnight
from safelearn.privacy.models import DeidentifiedCopy
from safelearn.privacy.selectors import deidentified_pool
from safelearn.reporting.models import Report

CODES = ("incident_type", "service_area", "outcome", "kind")
#: (organisation_id, day, incident_type, service_area, outcome, kind)
CountKey = tuple[uuid.UUID, dt.date, str, str, str, str]
#: CountKey + (factor,)
FactorKey = tuple[uuid.UUID, dt.date, str, str, str, str, str]
BATCH = 5000


@dataclass
class Summary:
    counts: Counter[CountKey] = field(default_factory=Counter)
    factors: Counter[FactorKey] = field(default_factory=Counter)


def _direct(pool: QuerySet[DeidentifiedCopy]) -> Summary:
    """Count ``pool`` straight from the copies and reports, grouped as the summary tables are."""
    summary = Summary()
    grouped = (
        pool.order_by()
        .annotate(day=TruncDate("report__submitted_at", tzinfo=timezone.get_current_timezone()))
        .values("organisation_id", "day", *(f"report__{c}" for c in CODES), "report__contributory_factors")
        .annotate(n=Count("id"))
    )
    for row in grouped:
        key: CountKey = (
            uuid.UUID(str(row["organisation_id"])),
            row["day"],
            *(row[f"report__{c}"] or "" for c in CODES),  # type: ignore[assignment]
        )
        summary.counts[key] += row["n"]
        for code in row["report__contributory_factors"] or []:
            if code:
                summary.factors[(*key, code)] += row["n"]
    return summary


def _stored(counts: QuerySet[PoolDayCount], factors: QuerySet[PoolDayFactor]) -> Summary:
    summary = Summary()
    for row in counts.values_list("organisation_id", "day", *CODES, "count"):
        summary.counts[row[:-1]] += row[-1]  # type: ignore[index]
    for frow in factors.values_list("organisation_id", "day", *CODES, "factor", "count"):
        summary.factors[frow[:-1]] += frow[-1]  # type: ignore[index]
    return summary


def _write(summary: Summary) -> None:
    PoolDayCount.objects.bulk_create(
        (
            PoolDayCount(organisation_id=k[0], day=k[1], **dict(zip(CODES, k[2:], strict=True)), count=n)
            for k, n in summary.counts.items()
            if n
        ),
        batch_size=BATCH,
    )
    PoolDayFactor.objects.bulk_create(
        (
            PoolDayFactor(organisation_id=k[0], day=k[1], **dict(zip(CODES, k[2:6], strict=True)), factor=k[6], count=n)
            for k, n in summary.factors.items()
            if n
        ),
        batch_size=BATCH,
    )


def _cell_filter(cells: set[tuple[uuid.UUID, dt.date]]) -> Q:
    q = Q()
    for organisation_id, day in cells:
        q |= Q(organisation_id=organisation_id, day=day)
    return q


def summary_refresh(report_ids: Iterable[uuid.UUID]) -> int:
    """Recount the (organisation, local day) cells these reports fall in; returns the cells recounted."""
    cells = {
        (uuid.UUID(str(org)), timezone.localdate(submitted))
        for org, submitted in Report.objects.filter(pk__in=list(report_ids)).values_list(
            "organisation_id", "submitted_at"
        )
    }
    if not cells:
        return 0
    with transaction.atomic():
        in_cells = _cell_filter(cells)
        PoolDayCount.objects.filter(in_cells).delete()
        PoolDayFactor.objects.filter(in_cells).delete()
        pool = deidentified_pool().none()
        for organisation_id, day in cells:
            pool = pool | deidentified_pool().filter(
                organisation_id=organisation_id,
                report__submitted_at__gte=local_midnight(day),
                report__submitted_at__lt=local_midnight(day + dt.timedelta(days=1)),
            )
        _write(_direct(pool))
    return len(cells)


def summary_rebuild() -> tuple[int, int]:
    """Throw the summary away and count it again from the pool; returns (count rows, factor rows)."""
    with transaction.atomic():
        PoolDayCount.objects.all().delete()
        PoolDayFactor.objects.all().delete()
        summary = _direct(deidentified_pool())
        _write(summary)
    return len(summary.counts), len(summary.factors)


def summary_differences(limit: int = 20) -> list[str]:
    """Cells where the stored summary differs from a direct count of the pool (empty when they agree)."""
    direct = _direct(deidentified_pool())
    stored = _stored(PoolDayCount.objects.all(), PoolDayFactor.objects.all())
    problems: list[str] = []
    pairs: list[tuple[str, Counter[Any], Counter[Any]]] = [
        ("count", direct.counts, stored.counts),
        ("factor", direct.factors, stored.factors),
    ]
    for name, want, have in pairs:
        for key in sorted(set(want) | set(have), key=str):
            if want[key] != have[key]:
                where = "/".join(str(k) for k in key)
                problems.append(f"{name} {where}: summary {have[key]}, direct {want[key]}")
    return problems[:limit] if limit else problems


# --- Reads -------------------------------------------------------------------------------------------


def _filtered(model: type[PoolDayCount] | type[PoolDayFactor], filters: PoolFilters) -> QuerySet:  # type: ignore[type-arg]
    qs = model.objects.all()
    if filters.date_from:
        qs = qs.filter(day__gte=filters.date_from)
    if filters.date_to:
        qs = qs.filter(day__lte=filters.date_to)
    if filters.organisation_id:
        qs = qs.filter(organisation_id=filters.organisation_id)
    for name in CODES:
        value = getattr(filters, name)
        if value:
            qs = qs.filter(**{name: value})
    return qs


def summary_total(*, filters: PoolFilters) -> int:
    """How many approved copies match, from the summary."""
    return int(_filtered(PoolDayCount, filters).aggregate(n=Sum("count"))["n"] or 0)


@dataclass
class SummaryCounts:
    total: int = 0
    months: dict[tuple[int, int], int] = field(default_factory=dict)
    combos: Counter[tuple[str, str, str, str]] = field(default_factory=Counter)
    by_organisation: Counter[uuid.UUID] = field(default_factory=Counter)
    factors: Counter[str] = field(default_factory=Counter)


def _month_sums(months: list[tuple[int, int]]) -> dict[str, Sum]:
    sums = {}
    for i, (year, month) in enumerate(months):
        after = dt.date(year + 1, 1, 1) if month == 12 else dt.date(year, month + 1, 1)
        sums[f"m{i}"] = Sum("count", filter=Q(day__gte=dt.date(year, month, 1), day__lt=after))
    return sums


def summary_counts(*, filters: PoolFilters, months: list[tuple[int, int]]) -> SummaryCounts:
    """The dashboard's counts (totals, months, code combinations, organisations, factors).

    Three narrow GROUP BYs that each return few rows (organisations with their month sums, the code
    combinations, the factors), rather than one grouping by everything at once: at pool densities a day
    holds few reports per organisation, so that grouping returned nearly a row per report to Python.
    """
    result = SummaryCounts(months=dict.fromkeys(months, 0))
    cells = _filtered(PoolDayCount, filters).order_by()
    # Per organisation (a few hundred rows at most), each with its month sums: totals, months, rates.
    for org in cells.values("organisation_id").annotate(n=Sum("count"), **_month_sums(months)):
        result.total += org["n"]
        result.by_organisation[uuid.UUID(str(org["organisation_id"]))] += org["n"]
        for i, month in enumerate(months):
            result.months[month] += org[f"m{i}"] or 0
    for row in cells.values(*CODES).annotate(n=Sum("count")):
        result.combos[(row["incident_type"], row["service_area"], row["outcome"], row["kind"])] += row["n"]
    for frow in _filtered(PoolDayFactor, filters).order_by().values("factor").annotate(n=Sum("count")):
        result.factors[frow["factor"]] += frow["n"]
    return result


def summary_rows(*, filters: PoolFilters) -> list[dict[str, Any]]:
    """Counts per organisation and code combination (``organisation_id``, the codes, ``n``): open data's input."""
    return list(_filtered(PoolDayCount, filters).order_by().values("organisation_id", *CODES).annotate(n=Sum("count")))
