"""Full-text index of findings and recommendations: SQLite FTS5 here, PostgreSQL text search in production.

SQLite keeps a separate FTS5 table (`casereviews_search`), so every write of a finding or recommendation
calls `search_index_put` (services/library.py) and `search_index_rebuild` refills it from the tables (the
`casereviews_search_rebuild` command, after a restore or a bulk load). Findings have UUID keys, which an
FTS5 external-content table cannot use as its rowid, hence a plain FTS5 table with unindexed id columns.
PostgreSQL needs no copy: it searches the tables' own text through a GIN index on the same expression the
query uses (migration 0002), so there the writes are no-ops.
"""

from __future__ import annotations

from typing import Any

from django.db import connection

TABLE = "casereviews_search"
#: FTS5 snippet()/highlight() markers: control characters that cannot come from a form or a CSV cell once
#: `index_text` has removed them, so after HTML-escaping they are the only places a <mark> can go.
MARK_START, MARK_END = "\x02", "\x03"
#: Stand-ins for < and > in the text PostgreSQL's ts_headline reads (it would drop tag-shaped text).
ANGLE_OPEN, ANGLE_CLOSE = "\x04", "\x05"
#: The text-search configuration on PostgreSQL; SQLite's porter tokenizer is the equivalent English stemmer.
PG_CONFIG = "english"

CREATE_SQLITE = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {TABLE} USING fts5("
    "text, kind UNINDEXED, item_id UNINDEXED, review_id UNINDEXED, tokenize='porter unicode61')"
)
DROP_SQLITE = f"DROP TABLE IF EXISTS {TABLE}"
# Whole statements as literals (no string building near SQL): every value goes in as a parameter.
DELETE_ONE = "DELETE FROM casereviews_search WHERE item_id = %s"
DELETE_ALL = "DELETE FROM casereviews_search"
INSERT_ONE = "INSERT INTO casereviews_search (text, kind, item_id, review_id) VALUES (%s, %s, %s, %s)"
SELECT_FINDINGS = "SELECT id, review_id, text FROM casereviews_finding"
SELECT_RECOMMENDATIONS = "SELECT id, review_id, text FROM casereviews_recommendation"


def pg_index_sql(table: str) -> str:
    # The expression matches what SearchVector("text", config=...) emits, so the planner uses the index.
    return (
        f"CREATE INDEX IF NOT EXISTS {table}_text_fts ON {table} "
        f"USING GIN (to_tsvector('{PG_CONFIG}'::regconfig, COALESCE(text, '')))"
    )


def index_text(text: str) -> str:
    for marker in (MARK_START, MARK_END, ANGLE_OPEN, ANGLE_CLOSE):
        text = text.replace(marker, " ")
    return text


def uses_fts5(conn: Any = connection) -> bool:
    return bool(conn.vendor == "sqlite")


def search_index_put(*, kind: str, item_id: Any, review_id: Any, text: str) -> None:
    """Add or replace one finding's or recommendation's text in the SQLite index."""
    if not uses_fts5():
        return
    with connection.cursor() as cursor:
        cursor.execute(DELETE_ONE, [_key(item_id)])
        cursor.execute(
            INSERT_ONE,
            [index_text(text), kind, _key(item_id), _key(review_id)],
        )


def search_index_remove(*, item_ids: list[Any]) -> None:
    if not uses_fts5() or not item_ids:
        return
    with connection.cursor() as cursor:
        for item_id in item_ids:
            cursor.execute(DELETE_ONE, [_key(item_id)])


def search_index_rebuild(conn: Any = connection) -> int:
    """Refill the SQLite index from the findings and recommendations tables; returns rows indexed."""
    if not uses_fts5(conn):
        return 0
    count = 0
    with conn.cursor() as cursor:
        cursor.execute(DELETE_ALL)
        for kind, select in (("finding", SELECT_FINDINGS), ("recommendation", SELECT_RECOMMENDATIONS)):
            cursor.execute(select)
            rows = [(index_text(text), kind, _key(pk), _key(review)) for pk, review, text in cursor.fetchall()]
            cursor.executemany(
                INSERT_ONE,
                rows,
            )
            count += len(rows)
    return count


def _key(value: Any) -> str:
    # Django stores UUIDs on SQLite as 32 hex digits without dashes; keep the same form for the join.
    return value.hex if hasattr(value, "hex") and not isinstance(value, str) else str(value).replace("-", "")
