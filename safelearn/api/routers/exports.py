"""The organisation's own reports as CSV or XLSX: the same export as the inbox's download link."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from ninja import Field, Query, Router, Schema

from safelearn.api import exports
from safelearn.api.auth import STAFF_AUTH, reviewer_caller
from safelearn.api.models import Scope
from safelearn.api.schemas.common import Problem
from safelearn.review.selectors import InboxFilters

router = Router(tags=["exports"], auth=STAFF_AUTH)


class ExportQuery(Schema):
    format: Literal["csv", "xlsx"] = "csv"
    status: str = Field(default="", max_length=20)
    incident_type: str = Field(default="", max_length=48)
    service_area: str = Field(default="", max_length=32)
    submitted_from: dt.date | None = None
    submitted_to: dt.date | None = None
    narratives: bool = Field(
        default=False, description="Include the reporter's narrative (each report's read is audited)"
    )


def download(export: exports.Export, fmt: str) -> HttpResponse | StreamingHttpResponse:
    """A file response for the web page and the API alike."""
    response: HttpResponse | StreamingHttpResponse
    if fmt == "xlsx":
        response = HttpResponse(exports.export_xlsx(export), content_type=exports.XLSX_TYPE)
    else:
        response = StreamingHttpResponse(exports.export_csv(export), content_type=exports.CSV_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{export.filename_stem}.{fmt}"'
    response["Cache-Control"] = "no-store"
    return response


@router.get(
    "/export",
    response={200: None, 401: Problem, 403: Problem, 422: Problem},
    summary="Your organisation's reports as CSV or XLSX, with the inbox's filters",
    openapi_extra={"responses": {200: {"description": "The file", "content": {"text/csv": {}, exports.XLSX_TYPE: {}}}}},
)
def export_reports(request: HttpRequest, query: Query[ExportQuery]) -> HttpResponse | StreamingHttpResponse:
    caller = reviewer_caller(request, Scope.REVIEW_READ)
    export = exports.report_export(
        user=caller.user,
        filters=InboxFilters(
            status=query.status,
            incident_type=query.incident_type,
            service_area=query.service_area,
            submitted_from=query.submitted_from,
            submitted_to=query.submitted_to,
        ),
        organisation_id=caller.token.organisation_id if caller.token else None,
        include_narrative=query.narratives,
    )
    return download(export, query.format)
