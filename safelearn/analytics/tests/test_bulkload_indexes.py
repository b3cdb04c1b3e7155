"""The summary rebuild and the 1M demo load without their tables' secondary indexes: they must always come back."""

from __future__ import annotations

import pytest
from django.db import transaction

from safelearn.analytics.models import PoolDayCount, PoolDayFactor
from safelearn.core.bulkload import _secondary_indexes, secondary_indexes_dropped

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
