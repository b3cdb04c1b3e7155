"""Saved queries over the API (issue 17): run one and get its table, exactly as the page shows it.

Read-only. The caller sees only queries they could open in the browser (their own, or shared in their
organisation and scope); a national query's numbers are suppressed as on the page ([c]). Tokens: an
organisation's query needs review:read and that organisation's token; a national query needs an analyst's
national token with analytics:read (the same rules as the other national endpoints).
"""

from __future__ import annotations

import datetime as dt
import uuid

from django.http import HttpRequest
from ninja import Router, Schema

from safelearn.api.auth import STAFF_AUTH, analyst_caller, caller_of, in_token_org, reviewer_caller
from safelearn.api.models import Scope
from safelearn.api.schemas.common import Problem
from safelearn.organisations.selectors import is_analyst
from safelearn.queries.access import query_scope_for
from safelearn.queries.definition import QueryDefinition
from safelearn.queries.engine import query_run
from safelearn.queries.selectors import saved_query_get

router = Router(tags=["queries"], auth=STAFF_AUTH)
ERRORS = {401: Problem, 403: Problem, 404: Problem}


class QueryTableOut(Schema):
    id: uuid.UUID
    name: str
    title: str
    scope: str
    national: bool
    period_from: dt.date | None
    period_to: dt.date | None
    columns: list[str]
    rows: list[list[str]]  # labels then counts as text; "[c]" where a national count is suppressed; total last
    suppressed: bool
    notes: list[str]


@router.get(
    "/{query_id}",
    response={200: QueryTableOut, **ERRORS},
    url_name="run_saved_query",
    summary="Run a saved query: its table of counts (suppressed as [c] for national queries)",
)
def run_saved_query(request: HttpRequest, query_id: uuid.UUID) -> QueryTableOut:
    caller = caller_of(request)
    if caller.user is not None and is_analyst(caller.user):
        caller = analyst_caller(request)
    else:
        caller = reviewer_caller(request, Scope.REVIEW_READ)
    query = saved_query_get(user=caller.user, query_id=query_id)  # 404 unless they could open it
    in_token_org(caller, query.organisation_id)
    result = query_run(
        QueryDefinition.from_json(query.definition), scope=query_scope_for(caller.user), actor=caller.user
    )
    return QueryTableOut(
        id=query.pk,
        name=query.name,
        title=result.title,
        scope=result.scope_label,
        national=result.national,
        period_from=result.date_from,
        period_to=result.date_to,
        columns=result.header(),
        rows=result.table(),
        suppressed=result.any_suppressed,
        notes=result.notes,
    )
