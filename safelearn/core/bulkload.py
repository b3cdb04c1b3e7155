"""Loading millions of rows: one bulk insert for each database, and a table's secondary indexes dropped for the
load and built once afterwards.

Keeping several growing B-trees up to date row by row was most of the time of a 1M-report demo and of a
summary rebuild; building each index once, sorted, at the end is several times cheaper.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from django.db import connection, models


def _secondary_indexes(tables: list[str]) -> list[tuple[str, str]]:
    """(name, CREATE INDEX sql) of the tables' non-unique indexes, as the database made them."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":  # automatic (unique) indexes have no SQL and cannot be dropped
            cursor.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
                "AND tbl_name IN (SELECT value FROM json_each(%s)) AND sql NOT LIKE 'CREATE UNIQUE%%'",
                [json.dumps(tables)],
            )
        else:
            cursor.execute(
                "SELECT i.indexname, i.indexdef FROM pg_indexes i JOIN pg_class c ON c.relname = i.indexname "
                "JOIN pg_index x ON x.indexrelid = c.oid WHERE i.schemaname = current_schema() "
                "AND i.tablename = ANY(%s) AND NOT x.indisunique",
                [tables],
            )
        return [(str(name), str(sql)) for name, sql in cursor.fetchall()]


@contextmanager
def secondary_indexes_dropped(models_: Iterable[type[models.Model]]) -> Iterator[None]:
    """Drop the models' tables' non-unique indexes for the block, then create them again with the very SQL
    they were made with (unique ones stay, so keys are still checked during the load).

    Inside a transaction the drop is part of it: readers never see the tables without their indexes, and a
    failure rolls the drop back with everything else. Outside one, the indexes are created again whatever
    happens in the block."""
    if connection.vendor not in ("sqlite", "postgresql"):
        yield
        return
    indexes = _secondary_indexes([m._meta.db_table for m in models_])
    with connection.cursor() as cursor:
        for name, _ in indexes:
            cursor.execute(f"DROP INDEX {connection.ops.quote_name(name)}")  # a name read from the catalogue

    def create_again() -> None:
        with connection.cursor() as cursor:
            for _, sql in indexes:
                cursor.execute(sql)

    if connection.in_atomic_block:
        yield  # on an error the transaction's rollback brings the indexes back
        create_again()
    else:
        try:
            yield
        finally:
            create_again()


def insert_rows(table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    """Insert many rows into ``table``, each value already in the form this database's driver takes.

    On PostgreSQL the rows go in one ``COPY … FROM STDIN`` stream: the server parses one statement instead of
    executing a prepared INSERT per row, which was most of the server's share of a 1M-report demo. Elsewhere
    one ``executemany``. No signals and no ``save()``: for bulk loads of rows the caller has built itself."""
    if not rows:
        return
    qn = connection.ops.quote_name
    names = ", ".join(qn(column) for column in columns)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # Names come from the models' own metadata, quoted; values are streamed, never spliced into SQL.
            with cursor.cursor.copy(f"COPY {qn(table)} ({names}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            values = ", ".join(["%s"] * len(columns))
            cursor.executemany(f"INSERT INTO {qn(table)} ({names}) VALUES ({values})", rows)  # noqa: S608  # nosec B608
