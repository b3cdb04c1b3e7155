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

Each table has a month grain beside it (``PoolMonth*``: the same cells summed over a local calendar
month), which the reads use for a period's whole months (``safelearn.analytics.summary_reads``). A refresh
adds the difference it made to the day cells to their months' cells in the same transaction, so a month
cell always equals the sum of its day cells.

Bulk loaders that write without the services (the synthetic generator, demo data) call
``summary_rebuild``; ``safelearn analytics rebuild-summary --verify`` compares every cell of both grains
with a direct count. Days are local days in the site's time zone: after changing TIME_ZONE, rebuild.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable, Iterator
from typing import Any

from django.db import transaction
from django.db.models import Count, Min, Q, QuerySet
from django.db.models.functions import TruncDate
from django.utils import timezone

from safelearn.analytics.selectors import local_midnight
from safelearn.analytics.summary_cells import (
    BATCH,
    CODES,
    GRAINS,
    MEASURES,
    CountKey,
    Summary,
    by_month,
    month_deltas,
    month_deltas_apply,
    months_from_days,
    summary_write,
)
from safelearn.analytics.summary_reads import (
    median_of_histogram,
    summary_counts,
    summary_rows,
    summary_timings,
    summary_total,
)
from safelearn.core.bulkload import secondary_indexes_dropped
from safelearn.privacy.models import DeidentifiedCopy
from safelearn.privacy.selectors import deidentified_pool
from safelearn.reporting.models import Report

# The reads live in summary_reads; they are exported here too, under the names their callers know.
__all__ = [
    "median_of_histogram",
    "summary_counts",
    "summary_differences",
    "summary_rebuild",
    "summary_refresh",
    "summary_rows",
    "summary_timings",
    "summary_total",
    "whole_minutes",
]


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


def _stored(cells: Q, *, month: bool = False) -> Summary:
    """The stored cells matching ``cells`` (a filter on the tables' shared key), day or month grain."""
    summary = Summary()
    for kind, stored in summary.tables():
        day_model, month_model, extra = GRAINS[kind]
        model = month_model if month else day_model
        for row in model._default_manager.filter(cells).values_list("organisation_id", "day", *CODES, *extra, "count"):
            stored[(_as_uuid(row[0]), *row[1:-1])] += row[-1]
    return summary


def _cell_filter(cells: set[tuple[uuid.UUID, dt.date]]) -> Q:
    q = Q()
    for organisation_id, day in cells:
        q |= Q(organisation_id=organisation_id, day=day)
    return q


def summary_refresh(report_ids: Iterable[uuid.UUID]) -> int:
    """Recount the (organisation, local day) cells these reports fall in, and add the difference to their
    months' cells, in the caller's transaction; returns the day cells recounted."""
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
        before = _stored(in_cells)
        for day_model, _, _ in GRAINS.values():
            day_model._default_manager.filter(in_cells).delete()
        pool = deidentified_pool().none()
        for organisation_id, day in cells:
            pool = pool | deidentified_pool().filter(
                organisation_id=organisation_id,
                report__submitted_at__gte=local_midnight(day),
                report__submitted_at__lt=local_midnight(day + dt.timedelta(days=1)),
            )
        after = _direct(pool)
        summary_write(after)
        month_deltas_apply(month_deltas(before, after))
    return len(cells)


def summary_rebuild() -> tuple[int, int]:
    """Throw the summary away (both grains) and count it again from the pool; returns (count rows, factor
    rows) of the day grain.

    Streams the pool ordered by organisation and writes each organisation's cells as it goes (cells never
    span organisations), so memory holds one organisation's cells, not a million reports' worth."""
    counts = factors = 0
    models_ = [model for day_model, month_model, _ in GRAINS.values() for model in (day_model, month_model)]
    with transaction.atomic():
        for model in models_:
            model._default_manager.all().delete()
        # Without their covering indexes while millions of cells go in, then each index built once, sorted:
        # keeping two wide indexes per table up to date row by row was most of a rebuild at 1M reports.
        # In the same transaction, so a reader never sees the tables without them.
        with secondary_indexes_dropped(models_):
            for _, summary in _direct_by_organisation(deidentified_pool()):
                summary_write(summary)
                counts, factors = counts + len(summary.counts), factors + len(summary.factors)
            months_from_days()
    return counts, factors


def _organisations_stored() -> set[uuid.UUID]:
    found: set[uuid.UUID] = set()
    for day_model, month_model, _ in GRAINS.values():
        for model in (day_model, month_model):
            found |= {_as_uuid(o) for o in model._default_manager.values_list("organisation_id", flat=True).distinct()}
    return found


def summary_differences(limit: int = 20) -> list[str]:
    """Cells where the stored summary, day or month grain, differs from a direct count of the pool (empty
    when they agree)."""
    problems: list[str] = []
    seen: set[uuid.UUID] = set()

    def compare(organisation_id: uuid.UUID, direct: Summary) -> None:
        in_organisation = Q(organisation_id=organisation_id)
        for grain, want, have in (
            ("day", direct, _stored(in_organisation)),
            ("month", by_month(direct), _stored(in_organisation, month=True)),
        ):
            for (kind, wanted), (_, stored) in zip(want.tables(), have.tables(), strict=True):
                differing = [key for key in set(wanted) | set(stored) if wanted[key] != stored[key]]
                for key in sorted(differing, key=str):
                    where = "/".join(str(k) for k in key)
                    problems.append(f"{grain} {kind} {where}: summary {stored[key]}, direct {wanted[key]}")

    for organisation_id, direct in _direct_by_organisation(deidentified_pool()):
        seen.add(organisation_id)
        compare(organisation_id, direct)
    for organisation_id in sorted(_organisations_stored() - seen):  # cells left for an organisation with nothing pooled
        compare(organisation_id, Summary())
    return problems[:limit] if limit else problems
