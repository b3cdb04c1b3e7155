"""Search the library's findings and recommendations by their words: one interface, two engines.

`library_search(query)` returns ranked hits with an HTML excerpt whose only markup is <mark>. On SQLite it
asks the FTS5 table (bm25 ranking, snippet()); on PostgreSQL it uses SearchVector/SearchQuery/SearchRank
and SearchHeadline. Both engines mark matches with control characters, never HTML: the excerpt is escaped
first and only then are the markers turned into <mark>, so a finding that says <script> shows as text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from django.db import connection
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from safelearn.casereviews.models import CaseReview, Finding, Recommendation
from safelearn.casereviews.search_index import (
    ANGLE_CLOSE,
    ANGLE_OPEN,
    MARK_END,
    MARK_START,
    PG_CONFIG,
    uses_fts5,
)

MAX_QUERY = 200
MAX_TERMS = 12
_TOKEN = re.compile(r'"([^"]*)"|(\S+)')
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Hit:
    kind: str  # "finding" or "recommendation"
    item_id: Any
    review: CaseReview
    text: str
    excerpt: SafeString
    rank: float  # higher is better, only comparable within one search


@dataclass(frozen=True)
class SearchQuery:
    """The user's words parsed into phrases (quoted) and single words; nothing else reaches the engine."""

    phrases: tuple[tuple[str, ...], ...]

    @property
    def empty(self) -> bool:
        return not self.phrases


def parse_query(raw: str) -> SearchQuery:
    """Quoted text is a phrase, every other word must appear; punctuation and operators are ignored."""
    phrases: list[tuple[str, ...]] = []
    for quoted, bare in _TOKEN.findall(raw[:MAX_QUERY]):
        words = tuple(w.lower() for w in _WORD.findall(quoted if quoted else bare))
        if quoted and words:
            phrases.append(words)
        else:
            phrases.extend((w,) for w in words)
    return SearchQuery(tuple(phrases[:MAX_TERMS]))


def library_search(query: str | SearchQuery, *, limit: int = 50) -> list[Hit]:
    """Findings and recommendations matching every word and phrase of the query, best match first."""
    parsed = parse_query(query) if isinstance(query, str) else query
    if parsed.empty:
        return []
    return _search_fts5(parsed, limit) if uses_fts5() else _search_postgres(parsed, limit)


def mark_excerpt(raw: str) -> SafeString:
    """Escape an engine's excerpt, then turn its control-character markers (and only them) into <mark>."""
    escaped = escape(raw).replace(MARK_START, "<mark>").replace(MARK_END, "</mark>")
    escaped = escaped.replace(ANGLE_OPEN, "&lt;").replace(ANGLE_CLOSE, "&gt;")
    # Safe: escaped above, and the only tags are the <mark>s put in here.
    return mark_safe(escaped)  # noqa: S308  # nosec B308 B703


def _fts5_expression(parsed: SearchQuery) -> str:
    # Every word is double-quoted, so nothing the user types is read as FTS5 syntax (AND, NEAR, *, :).
    return " ".join('"' + " ".join(words) + '"' for words in parsed.phrases)


def _search_fts5(parsed: SearchQuery, limit: int) -> list[Hit]:
    sql = (
        "SELECT kind, item_id, snippet(casereviews_search, 0, %s, %s, '…', 40), bm25(casereviews_search) "
        "FROM casereviews_search WHERE casereviews_search MATCH %s ORDER BY bm25(casereviews_search) LIMIT %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [MARK_START, MARK_END, _fts5_expression(parsed), limit])
        rows = cursor.fetchall()
    ids = {kind: [r[1] for r in rows if r[0] == kind] for kind in ("finding", "recommendation")}
    items = _load(ids["finding"], ids["recommendation"])
    hits = []
    for kind, item_id, snippet, bm25 in rows:
        item = items.get((kind, str(item_id).replace("-", "")))
        if item is not None:  # an index row left behind by a deletion is skipped until the next rebuild
            hits.append(Hit(kind, item.pk, item.review, item.text, mark_excerpt(snippet), -float(bm25)))
    return hits


def _load(finding_ids: list[Any], recommendation_ids: list[Any]) -> dict[tuple[str, str], Any]:
    items: dict[tuple[str, str], Any] = {}
    for kind, model, ids in (("finding", Finding, finding_ids), ("recommendation", Recommendation, recommendation_ids)):
        if ids:
            for item in model.objects.select_related("review").filter(pk__in=ids):
                items[(kind, item.pk.hex)] = item
    return items


def _search_postgres(parsed: SearchQuery, limit: int) -> list[Hit]:
    from django.contrib.postgres.search import SearchHeadline, SearchRank, SearchVector
    from django.contrib.postgres.search import SearchQuery as PgQuery
    from django.db.models import F, Value
    from django.db.models.functions import Replace

    parts = [PgQuery(" ".join(words), config=PG_CONFIG, search_type="phrase") for words in parsed.phrases]
    pg_query: Any = parts[0]  # library_search never calls with an empty query
    for part in parts[1:]:
        pg_query = pg_query & part
    vector = SearchVector("text", config=PG_CONFIG)  # the expression the GIN index in migration 0002 covers
    # ts_headline drops anything shaped like an HTML tag, so a finding quoting "<script>" would lose words;
    # the brackets go in as control characters and come back escaped in mark_excerpt.
    shown = Replace(Replace(F("text"), Value("<"), Value(ANGLE_OPEN)), Value(">"), Value(ANGLE_CLOSE))
    hits: list[Hit] = []
    for kind, model in (("finding", Finding), ("recommendation", Recommendation)):
        rows = (
            model.objects.annotate(search=vector)
            .filter(search=pg_query)
            .annotate(
                rank=SearchRank(vector, pg_query),
                headline=SearchHeadline(
                    shown, pg_query, config=PG_CONFIG, start_sel=MARK_START, stop_sel=MARK_END, max_words=40
                ),
            )
            .select_related("review")
            .order_by("-rank")[:limit]
        )
        hits.extend(Hit(kind, r.pk, r.review, r.text, mark_excerpt(r.headline), float(r.rank)) for r in rows)
    hits.sort(key=lambda h: -h.rank)
    return hits[:limit]
