"""Bulk loads: rows inserted in one stream read back as written, and the summary rebuild and the 1M demo load
without their tables' secondary indexes, which must always come back."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from django.db import transaction

from safelearn.analytics.models import PoolDayCount, PoolDayFactor
from safelearn.analytics.summary_cells import _HEAD, _db_row
from safelearn.core.bulkload import _secondary_indexes, insert_rows, secondary_indexes_dropped

TABLES = [PoolDayCount._meta.db_table, PoolDayFactor._meta.db_table]
EXPECTED = {"pooldaycount_day_cover", "pooldaycount_org_cover", "pooldayfactor_day_cover", "pooldayfactor_org_cover"}


def _names() -> set[str]:
    return {name for name, _ in _secondary_indexes(TABLES)}


@pytest.mark.django_db
def test_indexes_are_gone_inside_and_back_with_the_same_sql_after() -> None:
    before = sorted(_secondary_indexes(TABLES))
    assert {name for name, _ in before} == EXPECTED
    with secondary_indexes_dropped([PoolDayCount, PoolDayFactor]):
        assert _names() == set()
    assert sorted(_secondary_indexes(TABLES)) == before


@pytest.mark.django_db
def test_a_failure_inside_a_transaction_rolls_the_drop_back() -> None:
    with pytest.raises(RuntimeError), transaction.atomic(), secondary_indexes_dropped([PoolDayCount]):
        raise RuntimeError("the load failed")
    assert _names() == EXPECTED


@pytest.mark.django_db(transaction=True)
def test_a_failure_outside_a_transaction_still_creates_them_again() -> None:
    with pytest.raises(RuntimeError), secondary_indexes_dropped([PoolDayCount, PoolDayFactor]):
        raise RuntimeError("the load failed")
    assert _names() == EXPECTED


@pytest.mark.django_db
def test_insert_rows_stores_every_value_as_the_orm_reads_it() -> None:
    """COPY on PostgreSQL, executemany elsewhere: either way the ORM reads back exactly what was written, even
    codes with the characters COPY's text format must escape (tab, newline, backslash)."""
    organisation = uuid.uuid4()
    awkward = "tab\there, new\nline, back\\slash 'quoted'"
    rows = [
        (
            organisation,
            dt.date(2026, 3, day),
            awkward if day == 1 else "neglect",
            "fostering",
            "caught",
            "incident",
            day,
        )
        for day in (1, 2, 3)
    ]
    insert_rows(PoolDayCount._meta.db_table, [*_HEAD, "count"], [_db_row(row) for row in rows])
    stored = PoolDayCount.objects.filter(organisation_id=organisation).order_by("day")
    assert [(c.day, c.incident_type, c.count) for c in stored] == [
        (dt.date(2026, 3, 1), awkward, 1),
        (dt.date(2026, 3, 2), "neglect", 2),
        (dt.date(2026, 3, 3), "neglect", 3),
    ]


@pytest.mark.django_db
def test_insert_rows_with_no_rows_writes_nothing() -> None:
    insert_rows(PoolDayCount._meta.db_table, [*_HEAD, "count"], [])
    assert not PoolDayCount.objects.exists()
