"""Submitting reports and following them by receipt code: the same services as the web form."""

from __future__ import annotations

from dataclasses import fields

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest
from ninja import Router, Status

from safelearn.api.auth import token_auth
from safelearn.api.errors import RateLimited
from safelearn.api.limits import enforce, window_seconds
from safelearn.api.models import ApiToken, Scope
from safelearn.api.schemas.common import Problem
from safelearn.api.schemas.reports import (
    LocationOut,
    MessageOut,
    ReceiptIn,
    ReceiptStatus,
    ReplyIn,
    ReportCreated,
    ReportIn,
)
from safelearn.organisations.models import Organisation
from safelearn.organisations.permissions import can_report
from safelearn.reporting import receipts
from safelearn.reporting import selectors as reporting_selectors
from safelearn.reporting import services as reporting_services
from safelearn.reporting.models import Channel

router = Router(tags=["reports"])
_INPUT_FIELDS = {f.name for f in fields(reporting_services.ReportInput)} - {"children", "location_id"}
WHAT_TO_DO_NOW = (
    "This report may describe a child at risk now. The duty team has been alerted. "
    "If a child is in danger, call 999 now."
)


class OptionalToken(type(token_auth)):  # type: ignore[misc]
    """A token is optional for submission: systems send one, people reporting anonymously do not.

    A token that is sent must be valid: a revoked one, or one whose creator has gone, is a 401, never
    quietly taken as an anonymous report."""

    def __call__(self, request: HttpRequest) -> object:
        if request.headers.get("Authorization"):
            return super().__call__(request)
        return True


@router.post(
    "/reports",
    response={201: ReportCreated, 400: Problem, 422: Problem},
    auth=[OptionalToken()],
    summary="Submit a report",
)
def submit_report(request: HttpRequest, payload: ReportIn) -> Status[ReportCreated]:
    auth = getattr(request, "auth", None)
    token = auth if isinstance(auth, ApiToken) else None
    if token is None:
        enforce(request, "api-submit", "10/m")
    organisation = Organisation.objects.filter(slug=payload.organisation).first()
    if organisation is None or (token is None and not organisation.public_reporting_enabled):
        raise ValidationError({"organisation": ["No organisation takes reports with that link"]})
    if token is not None:
        if Scope.REPORT_SUBMIT not in token.scopes:
            raise PermissionDenied("This token cannot submit reports.")
        if token.organisation_id != organisation.pk:
            raise PermissionDenied("This token belongs to another organisation.")
        if not can_report(token.created_by, organisation.pk):
            # Rights are the creator's, now: a token outlives nobody's membership.
            raise PermissionDenied("The person who created this token can no longer report for this organisation.")
    if payload.location and token is None:
        # The public link offers types of place, never an organisation's named homes.
        raise ValidationError({"location": ["Naming a location needs an API token; send location_type instead"]})
    data = reporting_services.ReportInput(
        **{k: v for k, v in payload.dict().items() if k in _INPUT_FIELDS},
        location_id=payload.location,
        children=[reporting_services.ChildInput.from_mapping(child.dict()) for child in payload.children],
    )
    identity = None
    if payload.identity_name.strip():
        identity = reporting_services.ReporterIdentity(name=payload.identity_name, contact=payload.identity_contact)
    result = reporting_services.report_submit(
        organisation=organisation,
        data=data,
        # A named report through a token is its creator's: a token cannot name anyone else.
        reporter=token.created_by if token and data.mode == "named" else None,
        channel=Channel.API,
        identity=identity,
    )
    return Status(
        201,
        ReportCreated(
            id=result.report.pk,
            reference=result.report.reference,
            status=result.report.status,
            receipt_code=result.receipt_code,
            immediate_risk=result.escalated,
            what_to_do_now=WHAT_TO_DO_NOW if result.escalated else "",
        ),
    )


@router.get(
    "/locations",
    response={200: list[LocationOut], 401: Problem, 403: Problem},
    auth=[token_auth],
    summary="Your organisation's current locations, to name one in a report",
)
def list_locations(request: HttpRequest) -> list[LocationOut]:
    token = request.auth  # type: ignore[attr-defined]
    if not isinstance(token, ApiToken) or Scope.REPORT_SUBMIT not in token.scopes:
        raise PermissionDenied("This token cannot submit reports.")
    if not can_report(token.created_by, token.organisation_id):
        raise PermissionDenied("The person who created this token can no longer report for this organisation.")
    locations = reporting_selectors.locations_of(organisation=token.organisation_id, include_retired=False)
    return [LocationOut(id=loc.pk, name=loc.name, setting_type=loc.setting_type) for loc in locations]


def _report_for_code(request: HttpRequest, code: str):  # type: ignore[no-untyped-def]
    # The web page's limit and budget: the API is no faster way to guess codes.
    if receipts.lookup_limited(request):
        raise RateLimited(receipts.LOOKUP_LIMIT_GROUP, retry_after=window_seconds(receipts.lookup_rate()))
    report = reporting_selectors.report_find_by_receipt(code=code)
    if report is None:
        raise Http404
    return report


def _status(report) -> ReceiptStatus:  # type: ignore[no-untyped-def]
    messages = [
        MessageOut(author=m.author_kind, kind=m.kind, body=m.body, sent_at=m.created_at)
        for m in reporting_selectors.conversation_for(report=report)
    ]
    return ReceiptStatus(
        reference=report.reference,
        organisation=report.organisation.name,
        status=report.get_status_display(),
        status_reason=report.status_reason,
        messages=messages,
    )


@router.post(
    "/receipts/status",
    response={200: ReceiptStatus, 404: Problem, 429: Problem},
    auth=None,
    summary="Status and conversation for a receipt code",
)
def receipt_status(request: HttpRequest, payload: ReceiptIn) -> ReceiptStatus:
    report = _report_for_code(request, payload.code)
    reporting_services.conversation_mark_read_by_reporter(report=report)
    return _status(report)


@router.post(
    "/receipts/reply",
    response={201: ReceiptStatus, 400: Problem, 404: Problem, 429: Problem},
    auth=None,
    summary="Reply as the reporter",
)
def receipt_reply(request: HttpRequest, payload: ReplyIn) -> Status[ReceiptStatus]:
    report = _report_for_code(request, payload.code)
    reporting_services.conversation_post_as_reporter(report=report, body=payload.body)
    return Status(201, _status(report))
