"""The summary's cells in memory and on disk: keys, the day and month grains, and how cells are written.

A ``Summary`` holds counts keyed as the tables are (organisation, day, the four codes, then the factor or
the measure and minutes). The month grain is the day grain with each day replaced by its month's first day
(``by_month``), so a month cell always equals the sum of its day cells; ``month_deltas_apply`` adds a
change's day-cell difference to the month cells with one upsert per cell.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from django.db import connection, models

from safelearn.analytics.models import (
    DurationMeasure,
    PoolDayCount,
    PoolDayDuration,
    PoolDayFactor,
    PoolMonthCount,
    PoolMonthDuration,
    PoolMonthFactor,
)
from safelearn.core.bulkload import insert_rows

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

_HEAD = ["organisation_id", "day", *CODES]
#: Per table kind: (day model, month model, the key's columns after the codes).
GRAINS: dict[str, tuple[type[models.Model], type[models.Model], list[str]]] = {
    "counts": (PoolDayCount, PoolMonthCount, []),
    "factors": (PoolDayFactor, PoolMonthFactor, ["factor"]),
    "durations": (PoolDayDuration, PoolMonthDuration, ["measure", "minutes"]),
}


@dataclass
class Summary:
    counts: Counter[CountKey] = field(default_factory=Counter)
    factors: Counter[FactorKey] = field(default_factory=Counter)
    durations: Counter[DurationKey] = field(default_factory=Counter)

    def tables(self) -> Iterator[tuple[str, Counter[Any]]]:
        """(kind, cells) for counts, factors and durations: the keys of ``GRAINS``."""
        yield from (("counts", self.counts), ("factors", self.factors), ("durations", self.durations))


def by_month(summary: Summary) -> Summary:
    """The same cells at the month grain: each key's day becomes its month's first day, counts summed."""
    months = Summary()
    for kind, cells in summary.tables():
        target: Counter[Any] = getattr(months, kind)
        for key, n in cells.items():
            target[(key[0], key[1].replace(day=1), *key[2:])] += n
    return months


def month_deltas(before: Summary, after: Summary) -> Summary:
    """What to add to the month cells when day cells went from ``before`` to ``after`` (zeros left out)."""
    delta, old = by_month(after), by_month(before)
    for kind, cells in delta.tables():
        cells.subtract(getattr(old, kind))
        for key in [k for k, n in cells.items() if n == 0]:
            del cells[key]
    return delta


def _db_row(row: tuple[Any, ...]) -> tuple[Any, ...]:
    """A key's values as the backend's raw cursor takes them: SQLite stores a UUID as hex, a date as ISO text."""
    if connection.vendor != "sqlite":
        return row
    organisation_id, day, *rest = row
    return (organisation_id.hex, day.isoformat(), *rest)


def _batches(rows: Iterable[tuple[Any, ...]]) -> Iterator[list[tuple[Any, ...]]]:
    """The rows as the backend's raw cursor takes them (``_db_row``), ``BATCH`` at a time."""
    batch: list[tuple[Any, ...]] = []
    for row in rows:
        batch.append(_db_row(row))
        if len(batch) >= BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def _executemany(sql: str, rows: Iterable[tuple[Any, ...]]) -> None:
    with connection.cursor() as cursor:
        for batch in _batches(rows):
            cursor.executemany(sql, batch)


def _names(model: type[models.Model], columns: list[str]) -> tuple[str, str]:
    """The model's quoted table name and these quoted column names (its columns are named as its fields)."""
    qn = connection.ops.quote_name
    return qn(model._meta.db_table), ", ".join(qn(c) for c in columns)


def _insert(model: type[models.Model], columns: list[str], rows: Iterable[tuple[Any, ...]]) -> None:
    """Bulk insert (COPY on PostgreSQL) of (organisation_id, day, ...) tuples, in batches: the summary's cells
    are plain numbers and codes, so Django's per-value preparation in ``bulk_create`` (most of a rebuild's CPU)
    is not needed."""
    for batch in _batches(rows):
        insert_rows(model._meta.db_table, columns, batch)


def months_from_days() -> None:
    """Fill the empty month tables from the day tables, in the database: each month cell is the sum of its
    days' cells (one INSERT ... SELECT ... GROUP BY per table). A rebuild uses it after writing the day cells:
    at 1,000,000 reports writing the month cells from Python doubled the rebuild's time."""
    qn = connection.ops.quote_name
    day = qn("day")
    month = (
        f"date_trunc('month', {day})::date" if connection.vendor == "postgresql" else f"date({day}, 'start of month')"
    )
    for day_model, month_model, extra in GRAINS.values():
        rest = ", ".join(qn(c) for c in [*CODES, *extra])
        org, count = qn("organisation_id"), qn("count")
        month_table, day_table = qn(month_model._meta.db_table), qn(day_model._meta.db_table)
        with connection.cursor() as cursor:
            # Names come from the models' own metadata, quoted; no value is interpolated.
            cursor.execute(
                f"INSERT INTO {month_table} ({org}, {day}, {rest}, {count}) "  # noqa: S608  # nosec B608
                f"SELECT {org}, {month}, {rest}, SUM({count}) FROM {day_table} GROUP BY {org}, {month}, {rest}"
            )


def summary_write(summary: Summary) -> None:
    """Insert the cells (none of which may exist yet) into the day tables."""
    for kind, cells in summary.tables():
        day_model, _, extra = GRAINS[kind]
        _insert(day_model, [*_HEAD, *extra, "count"], ((*k, n) for k, n in cells.items() if n))


def month_deltas_apply(delta: Summary) -> None:
    """Add ``delta`` to the month cells: a cell that gains is inserted or added to in one upsert (safe
    against a concurrent writer of the same cell), one that loses is decreased and removed at zero."""
    qn = connection.ops.quote_name
    for kind, cells in delta.tables():
        _, model, extra = GRAINS[kind]
        key = [*_HEAD, *extra]
        table, names = _names(model, key)
        count = qn("count")
        values = ", ".join(["%s"] * (len(key) + 1))
        where = " AND ".join(f"{qn(c)} = %s" for c in key)
        gains = [(*k, n) for k, n in cells.items() if n > 0]
        losses = [(-n, *k) for k, n in cells.items() if n < 0]
        # Names come from the models' own metadata, quoted; values are parameters.
        _executemany(
            f"INSERT INTO {table} ({names}, {count}) VALUES ({values}) "  # noqa: S608  # nosec B608
            f"ON CONFLICT ({names}) DO UPDATE SET {count} = {table}.{count} + excluded.{count}",
            gains,
        )
        if losses:
            with connection.cursor() as cursor:
                sql = f"UPDATE {table} SET {count} = {count} - %s WHERE {where}"  # noqa: S608  # nosec B608
                cursor.executemany(sql, [(n, *_db_row(tuple(k))) for n, *k in losses])
                sql = f"DELETE FROM {table} WHERE {count} = 0 AND {where}"  # noqa: S608  # nosec B608
                cursor.executemany(sql, [_db_row(tuple(k)) for _, *k in losses])
