"""Request and response shapes. Field names follow the taxonomy and the web form."""

from __future__ import annotations

import datetime as dt
import uuid

from ninja import Field, Schema

NARRATIVE = Field(default="", max_length=20_000)


class ReportIn(Schema):
    organisation: str = Field(description="The organisation's slug, as in its public reporting link", max_length=80)
    what_happened: str = Field(max_length=20_000, description="What happened, in the reporter's words")
    how_noticed: str = NARRATIVE
    why_happened: str = NARRATIVE
    what_would_help: str = NARRATIVE
    mode: str = Field(default="anonymous", description="named, confidential or anonymous")
    kind: str = Field(default="incident", description="report_kind id")
    occurred_on: dt.date | None = None
    occurred_on_is_approximate: bool = False
    outcome: str = ""
    incident_type: str = ""
    service_area: str = ""
    contributory_factors: list[str] = Field(default_factory=list, max_length=20)
    recovery_factor: str = ""
    agencies_involved: list[str] = Field(default_factory=list, max_length=20)
    reporter_role: str = ""
    immediate_risk_answer: str = Field(default="", description="yes, no or not_sure")
    people_involved: str = Field(
        default="", max_length=2000, description="Names to strip from the narrative (private; never shown or shared)"
    )
    identity_name: str = Field(default="", max_length=200, description="Confidential reports: kept in the vault")
    identity_contact: str = Field(default="", max_length=200)


class ReportCreated(Schema):
    id: uuid.UUID
    reference: str
    status: str
    receipt_code: str = Field(description="Shown once. Keep it: it is the only way back to an anonymous report")
    immediate_risk: bool
    what_to_do_now: str = ""


class ReceiptIn(Schema):
    code: str = Field(max_length=64)


class ReplyIn(Schema):
    code: str = Field(max_length=64)
    body: str = Field(max_length=20_000)


class MessageOut(Schema):
    author: str
    kind: str
    body: str
    sent_at: dt.datetime


class ReceiptStatus(Schema):
    reference: str
    organisation: str
    status: str
    status_reason: str
    messages: list[MessageOut]


class ReportSummary(Schema):
    id: uuid.UUID
    reference: str
    status: str
    kind: str
    mode: str
    submitted_at: dt.datetime
    incident_type: str
    service_area: str
    outcome: str
    immediate_risk_flagged: bool


class ReportDetail(ReportSummary):
    what_happened: str
    how_noticed: str
    why_happened: str
    what_would_help: str
    occurred_on: dt.date | None
    contributory_factors: list[str]
    recovery_factor: str
    agencies_involved: list[str]
    status_reason: str
    allowed_transitions: list[str]


class TransitionIn(Schema):
    to_status: str
    reason: str = Field(default="", max_length=2000)
    duplicate_of: str = Field(default="", description="Reference of the primary report, for duplicates", max_length=32)
    override_reason: str = Field(
        default="",
        max_length=2000,
        description="Closing with criteria unmet (errors.closure lists them): the safety lead's written reason, "
        "recorded and shown on the report",
    )


class Problem(Schema):
    type: str
    title: str
    status: int
    detail: str = ""
    errors: dict[str, list[str]] | None = None
