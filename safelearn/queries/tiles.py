"""Saved queries pinned to a person's dashboard, as tiles for analytics' dashboard hook."""

from __future__ import annotations

import logging

from django.urls import reverse

from safelearn.analytics.tiles import Tile
from safelearn.core.types import RequestUser, User
from safelearn.queries.access import query_scope_or_none
from safelearn.queries.definition import QueryDefinition
from safelearn.queries.engine import query_run
from safelearn.queries.selectors import pinned_queries_for

logger = logging.getLogger(__name__)


def pinned_query_tiles(user: RequestUser | None) -> list[Tile]:
    scope = query_scope_or_none(user)
    if scope is None or not isinstance(user, User):  # a query scope means someone is signed in
        return []
    tiles = []
    for query in pinned_queries_for(user=user):
        try:
            definition = QueryDefinition.from_json(query.definition)
            result = query_run(definition, scope=scope, actor=user)
        except (AssertionError, KeyError, ValueError):  # a field retired since it was saved: skip, say so
            logger.warning("pinned query %s could not run", query.pk)
            continue
        tiles.append(
            Tile(
                title=query.name,
                url=reverse("queries:detail", args=[query.pk]),
                columns=result.header(),
                rows=result.table(),
                notes=[f"{result.scope_label}, {result.period_label}.", *result.notes],
            )
        )
    return tiles
