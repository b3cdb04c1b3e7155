"""Summary counts of the approved pool per organisation x local day x code, kept in step with reports.

The dashboards count from these narrow tables instead of joining every approved copy to its report.
They are updated, never expired: every service that changes what the pool holds (approving a copy, a
status change such as withdrawn or duplicate, a code set on a report) calls
``safelearn.reporting.changes.report_changed`` inside its transaction, and ``summary_refresh`` recounts
the (organisation, day) cells those reports sit in from the pool itself. Recounting a cell (a handful of
reports) rather than adding and subtracting deltas means the caller need not say what the report was
before, and a cell can never drift: it always equals a direct count of its reports.

The same cells hold a histogram of durations (``PoolDayDuration``: whole minutes from submission to
triage, first feedback and closure, with how many reports took exactly that long), so the dashboard's
median times are exact for durations counted in whole minutes and need no scan of the reports either.
Feedback calls ``report_changed`` too, since a report's first feedback moves its time to feedback.

Bulk loaders that write without the services (the synthetic generator, demo data) call
``summary_rebuild``; ``safelearn analytics rebuild-summary --verify`` compares every cell with a direct
count. Days are local days in the site's time zone: after changing TIME_ZONE, rebuild.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, TypeVar

from django.db import connection, models, transaction
from django.db.models import Count, Min, Q, QuerySet, Sum
from django.db.models.functions import TruncDate
from django.utils import timezone

from safelearn.analytics.models import DurationMeasure, PoolDayCount, PoolDayDuration, PoolDayFactor
from safelearn.analytics.selectors import PoolFilters, local_midnight
from safelearn.core.bulkload import secondary_indexes_dropped
from safelearn.privacy.models import DeidentifiedCopy
from safelearn.privacy.selectors import deidentified_pool
from safelearn.reporting.models import Report

CODES = ("incident_type", "service_area", "outcome", "kind")
#: (organisation_id, day, incident_type, service_area, outcome, kind)
CountKey = tuple[uuid.UUID, dt.date, str, str, str, str]
#: CountKey + (factor,)
FactorKey = tuple[uuid.UUID, dt.date, str, str, str, str, str]
#: CountKey + (measure, whole minutes)
DurationKey = tuple[uuid.UUID, dt.date, str, str, str, str, str, int]
BATCH = 5000
#: The three medians the dashboard shows, in its order.
MEASURES = (DurationMeasure.TRIAGE.value, DurationMeasure.FEEDBACK.value, DurationMeasure.CLOSURE.value)


@dataclass
class Summary:
    counts: Counter[CountKey] = field(default_factory=Counter)
    factors: Counter[FactorKey] = field(default_factory=Counter)
    durations: Counter[DurationKey] = field(default_factory=Counter)


def whole_minutes(start: dt.datetime, end: dt.datetime | None) -> int | None:
    """Whole minutes from ``start`` to ``end`` (rounded down); None when there is no end or it is earlier."""
    if end is None or end < start:
        return None
    return int((end - start).total_seconds() // 60)


def _duration_rows(pool: QuerySet[DeidentifiedCopy]) -> Any:
    return (
        pool.order_by("organisation_id")
        .values(
            "report_id",  # one row per report, even when two share every other column
            "organisation_id",
            "report__submitted_at",
            *(f"report__{c}" for c in CODES),
            "report__triaged_at",
            "report__closed_at",
        )
        .annotate(first_feedback=Min("report__feedback__created_at"))
    )


def _add_durations(summary: Summary, row: dict[str, Any], tz: dt.tzinfo | None = None) -> None:
    submitted = row["report__submitted_at"]
    key: CountKey = (
        _as_uuid(row["organisation_id"]),
        timezone.localdate(submitted, tz or timezone.get_current_timezone()),
        *(row[f"report__{c}"] or "" for c in CODES),  # type: ignore[assignment]
    )
    ends = (row["report__triaged_at"], row["first_feedback"], row["report__closed_at"])
    for measure, end in zip(MEASURES, ends, strict=True):
        minutes = whole_minutes(submitted, end)
        if minutes is not None:
            summary.durations[(*key, measure, minutes)] += 1


def _grouped_rows(pool: QuerySet[DeidentifiedCopy]) -> Any:
    return (
        pool.order_by("organisation_id")
        .annotate(day=TruncDate("report__submitted_at", tzinfo=timezone.get_current_timezone()))
        .values("organisation_id", "day", *(f"report__{c}" for c in CODES), "report__contributory_factors")
        .annotate(n=Count("id"))
    )


def _as_uuid(value: Any) -> uuid.UUID:
    return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))


def _add_counts(summary: Summary, row: dict[str, Any]) -> None:
    key: CountKey = (
        _as_uuid(row["organisation_id"]),
        row["day"],
        *(row[f"report__{c}"] or "" for c in CODES),
    )
    summary.counts[key] += row["n"]
    for code in row["report__contributory_factors"] or []:
        if code:
            summary.factors[(*key, code)] += row["n"]


def _direct(pool: QuerySet[DeidentifiedCopy]) -> Summary:
    """Count ``pool`` straight from the copies and reports, grouped as the summary tables are."""
    summary, tz = Summary(), timezone.get_current_timezone()
    for row in _grouped_rows(pool).iterator(chunk_size=BATCH):
        _add_counts(summary, row)
    for row in _duration_rows(pool).iterator(chunk_size=BATCH):
        _add_durations(summary, row, tz)
    return summary


def _direct_by_organisation(pool: QuerySet[DeidentifiedCopy]) -> Iterator[tuple[uuid.UUID, Summary]]:
    """``_direct`` one organisation at a time (cells never span organisations): two scans ordered by
    organisation, read in step, so memory holds one organisation's cells rather than the whole pool's."""
    counts = _grouped_rows(pool).iterator(chunk_size=BATCH)
    durations = _duration_rows(pool).iterator(chunk_size=BATCH)
    next_count = next(counts, None)
    next_duration = next(durations, None)
    tz = timezone.get_current_timezone()  # once, not per row (each lookup goes through a context-local)
    while next_count is not None or next_duration is not None:
        organisation = min(str(r["organisation_id"]) for r in (next_count, next_duration) if r is not None)
        summary = Summary()
        while next_count is not None and str(next_count["organisation_id"]) == organisation:
            _add_counts(summary, next_count)
            next_count = next(counts, None)
        while next_duration is not None and str(next_duration["organisation_id"]) == organisation:
            _add_durations(summary, next_duration, tz)
            next_duration = next(durations, None)
        yield uuid.UUID(organisation), summary


def _stored(
    counts: QuerySet[PoolDayCount], factors: QuerySet[PoolDayFactor], durations: QuerySet[PoolDayDuration]
) -> Summary:
    summary = Summary()
    for drow in durations.values_list("organisation_id", "day", *CODES, "measure", "minutes", "count"):
        summary.durations[drow[:-1]] += drow[-1]
    for row in counts.values_list("organisation_id", "day", *CODES, "count"):
        summary.counts[row[:-1]] += row[-1]
    for frow in factors.values_list("organisation_id", "day", *CODES, "factor", "count"):
        summary.factors[frow[:-1]] += frow[-1]
    return summary


def _insert(model: type[models.Model], columns: list[str], rows: Iterable[tuple[Any, ...]]) -> None:
    """Plain ``executemany`` of (organisation_id, day, ...) tuples: the summary's cells are plain numbers and
    codes, so Django's per-value preparation in ``bulk_create`` (most of a rebuild's CPU) is not needed.
    Only the first two columns need converting: the id as SQLite stores a UUID (hex), the day as ISO text."""
    sqlite = connection.vendor == "sqlite"
    qn = connection.ops.quote_name
    # Names come from the model's own metadata, quoted; values are parameters.
    sql = "INSERT INTO {} ({}) VALUES ({})".format(  # noqa: S608  # nosec B608
        qn(model._meta.db_table),
        ", ".join(qn(c) for c in columns),  # these models' columns are named as their fields
        ", ".join(["%s"] * len(columns)),
    )
    batch: list[tuple[Any, ...]] = []
    with connection.cursor() as cursor:
        for row in rows:
            organisation_id, day, *rest = row
            batch.append((organisation_id.hex, day.isoformat(), *rest) if sqlite else row)
            if len(batch) >= BATCH:
                cursor.executemany(sql, batch)
                batch = []
        if batch:
            cursor.executemany(sql, batch)


def _write(summary: Summary) -> None:
    head = ["organisation_id", "day", *CODES]
    _insert(PoolDayCount, [*head, "count"], ((*k, n) for k, n in summary.counts.items() if n))
    _insert(PoolDayFactor, [*head, "factor", "count"], ((*k, n) for k, n in summary.factors.items() if n))
    _insert(
        PoolDayDuration, [*head, "measure", "minutes", "count"], ((*k, n) for k, n in summary.durations.items() if n)
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
        PoolDayDuration.objects.filter(in_cells).delete()
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
    """Throw the summary away and count it again from the pool; returns (count rows, factor rows).

    Streams the pool ordered by organisation and writes each organisation's cells as it goes (cells never
    span organisations), so memory holds one organisation's cells, not a million reports' worth."""
    counts = factors = 0
    models_ = (PoolDayCount, PoolDayFactor, PoolDayDuration)
    with transaction.atomic():
        for model in models_:
            model.objects.all().delete()
        # Without their covering indexes while millions of cells go in, then each index built once, sorted:
        # keeping two wide indexes per table up to date row by row was most of a rebuild at 1M reports.
        # In the same transaction, so a reader never sees the tables without them.
        with secondary_indexes_dropped(models_):
            for _, summary in _direct_by_organisation(deidentified_pool()):
                _write(summary)
                counts, factors = counts + len(summary.counts), factors + len(summary.factors)
    return counts, factors


def summary_differences(limit: int = 20) -> list[str]:
    """Cells where the stored summary differs from a direct count of the pool (empty when they agree)."""
    problems: list[str] = []
    stored_orgs = {uuid.UUID(str(o)) for o in PoolDayCount.objects.values_list("organisation_id", flat=True).distinct()}
    stored_orgs |= {
        uuid.UUID(str(o)) for o in PoolDayDuration.objects.values_list("organisation_id", flat=True).distinct()
    }
    seen: set[uuid.UUID] = set()

    def compare(organisation_id: uuid.UUID, direct: Summary) -> None:
        stored = _stored(
            PoolDayCount.objects.filter(organisation_id=organisation_id),
            PoolDayFactor.objects.filter(organisation_id=organisation_id),
            PoolDayDuration.objects.filter(organisation_id=organisation_id),
        )
        pairs: list[tuple[str, Counter[Any], Counter[Any]]] = [
            ("count", direct.counts, stored.counts),
            ("factor", direct.factors, stored.factors),
            ("duration", direct.durations, stored.durations),
        ]
        for name, want, have in pairs:
            for key in sorted(set(want) | set(have), key=str):
                if want[key] != have[key]:
                    where = "/".join(str(k) for k in key)
                    problems.append(f"{name} {where}: summary {have[key]}, direct {want[key]}")

    for organisation_id, direct in _direct_by_organisation(deidentified_pool()):
        seen.add(organisation_id)
        compare(organisation_id, direct)
    for organisation_id in sorted(stored_orgs - seen):  # cells left for an organisation with nothing pooled
        compare(organisation_id, Summary())
    return problems[:limit] if limit else problems


# --- Reads -------------------------------------------------------------------------------------------


_Pool = TypeVar("_Pool", PoolDayCount, PoolDayFactor, PoolDayDuration)


def _filtered(model: type[_Pool], filters: PoolFilters) -> QuerySet[_Pool]:
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


def summary_timings(*, filters: PoolFilters) -> list[tuple[float | None, int]]:
    """(median days, reports measured) for time to triage, first feedback and closure, from the histogram:
    exact for durations in whole minutes. One GROUP BY returning a row per distinct (measure, minutes)."""
    histograms: dict[str, list[tuple[int, int]]] = {m: [] for m in MEASURES}
    rows = _filtered(PoolDayDuration, filters).order_by().values("measure", "minutes").annotate(n=Sum("count"))
    for row in rows:
        histograms[row["measure"]].append((row["minutes"], row["n"]))
    result: list[tuple[float | None, int]] = []
    for measure in MEASURES:
        median = median_of_histogram(histograms[measure])
        measured = sum(n for _, n in histograms[measure])
        result.append((None if median is None else median / 1440, measured))
    return result
