"""National analysts: the de-identified pool, the dashboard's aggregates, and the quarterly open data.

Only analytics selectors are read here, so only approved de-identified text and structured codes leave.
A token needs analytics:read, must belong to the national organisation, and act as an analyst.
"""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from ninja import Query, Router

from safelearn.analytics import selectors
from safelearn.analytics.dashboard import dashboard_build
from safelearn.analytics.opendata import Quarter, build_release, release_csv
from safelearn.api.auth import STAFF_AUTH, analyst_caller
from safelearn.api.schemas import analytics as s
from safelearn.api.schemas.common import Problem

router = Router(tags=["analytics"], auth=STAFF_AUTH)
ERRORS = {401: Problem, 403: Problem, 422: Problem}


def _filters(q: s.PoolQuery) -> selectors.PoolFilters:
    return selectors.PoolFilters(
        date_from=q.date_from,
        date_to=q.date_to,
        organisation_id=q.organisation_id,
        service_area=q.service_area,
        incident_type=q.incident_type,
        outcome=q.outcome,
        kind=q.kind,
    )


@router.get("/pool", response={200: s.PoolPage, **ERRORS}, summary="Approved de-identified reports, newest first")
def pool(request: HttpRequest, query: Query[s.PoolPageQuery]) -> s.PoolPage:
    caller = analyst_caller(request)
    # The selector caps by count; ask for one page beyond the offset and slice (offset is bounded by the schema).
    rows = selectors.pool_reports_for_analyst(
        user=caller.user, filters=_filters(query), limit=query.offset + query.limit + 1
    )
    page = rows[query.offset : query.offset + query.limit]
    more = len(rows) > query.offset + query.limit
    return s.PoolPage(
        items=[s.PoolItem(**{k: v for k, v in row.items() if k in s.PoolItem.model_fields}) for row in page],
        limit=query.limit,
        offset=query.offset,
        next_offset=query.offset + query.limit if more else None,
    )


@router.get(
    "/aggregates",
    response={200: s.AggregatesOut, **ERRORS},
    summary="The dashboard's figures: monthly counts with XmR limits, Paretos, heat map, ratios",
)
def aggregates(request: HttpRequest, query: Query[s.PoolQuery]) -> s.AggregatesOut:
    analyst_caller(request)
    board = dashboard_build(filters=_filters(query), compare_org=None)
    return s.AggregatesOut(
        scope=board.scope_label,
        date_from=board.filters.date_from,
        date_to=board.filters.date_to,
        total=board.total,
        national_total=board.national_total,
        figures=[
            s.FigureOut(
                id=f.id, title=f.title, description=f.description, columns=f.columns, rows=f.rows, notes=f.notes
            )
            for f in board.figures.values()
        ],
    )


def _quarter(text: str) -> Quarter:
    try:
        return Quarter.parse(text)
    except ValueError:
        raise Http404 from None


@router.get(
    "/open-data/{quarter}",
    response={200: s.OpenDataOut, 404: Problem, **ERRORS},
    summary="One quarter's open-data release (small counts suppressed), e.g. 2026-Q1",
)
def open_data(request: HttpRequest, quarter: str) -> s.OpenDataOut:
    analyst_caller(request)
    parsed = _quarter(quarter)
    release = build_release(parsed)
    return s.OpenDataOut(
        quarter=str(parsed),
        csv_url=reverse("api-v1:open_data_csv", kwargs={"quarter": str(parsed)}),
        rows=[s.OpenDataRow(**row) for row in release.rows],
    )


@router.get(
    "/open-data/{quarter}/data.csv",
    response={200: None, 404: Problem, **ERRORS},
    summary="The same release as CSV (UTF-8 with BOM, suppressed counts marked)",
    openapi_extra={"responses": {200: {"description": "CSV", "content": {"text/csv": {}}}}},
)
def open_data_csv(request: HttpRequest, quarter: str) -> HttpResponse:
    analyst_caller(request)
    parsed = _quarter(quarter)
    response = HttpResponse(release_csv(build_release(parsed)), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="safelearn-{parsed}-data.csv"'
    return response
