"""Shapes of a report: submission, locations, the receipt-code check and reply, the reviewer's summary and
detail, harm grading and status transitions. Field names follow the taxonomy and the web form."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from ninja import Field, Schema

from safelearn.reporting import about

NARRATIVE = Field(default="", max_length=20_000)


def _codes(choices: Any) -> str:
    return ", ".join(choices.values)


class ChildIn(Schema):
    """About one child or young person: coded answers only, never a name. Each answer is optional."""

    age_band: str = Field(default="", max_length=16, description=f"One of: {_codes(about.AgeBand)}")
    sex: str = Field(default="", max_length=16, description=f"One of: {_codes(about.Sex)}")
    legal_status: str = Field(default="", max_length=32, description=f"One of: {_codes(about.LegalStatus)}")
    disability: str = Field(default="", max_length=16, description=f"One of: {_codes(about.YesNoNotKnown)}")
    ethnicity: str = Field(
        default="", max_length=32, description=f"ONS 2021 category, one of: {_codes(about.Ethnicity)}"
    )
    told: str = Field(
        default="", max_length=24, description=f"Was the child told or involved? One of: {_codes(about.ChildTold)}"
    )


class ChildOut(ChildIn):
    position: int


class LocationOut(Schema):
    id: uuid.UUID
    name: str
    setting_type: str


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
    location: str = Field(
        default="",
        max_length=40,
        description="Id of one of the organisation's current locations (GET /locations); needs an API token",
    )
    location_type: str = Field(
        default="",
        max_length=32,
        description=f"Type of setting, if no location is named (only the type is ever pooled). One of: {_codes(about.SettingType)}",
    )
    children: list[ChildIn] = Field(
        default_factory=list, max_length=20, description="About each child or young person (optional)"
    )


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
    location: str = Field(default="", description="The organisation's own name for the place (never pooled)")
    location_type: str = ""
    children: list[ChildOut] = Field(default_factory=list)
    physical_harm: str = Field(default="", description=f"Graded by the reviewer. One of: {_codes(about.PhysicalHarm)}")
    psychological_harm: str = Field(default="", description=f"One of: {_codes(about.PsychologicalHarm)}")
    missed_opportunity: bool | None = Field(default=None, description="null until the reviewer grades it")


class HarmIn(Schema):
    """Harm graded apart, as Learn from Patient Safety Events does (issue 17)."""

    physical_harm: str = Field(max_length=16, description=f"One of: {_codes(about.PhysicalHarm)}")
    psychological_harm: str = Field(max_length=16, description=f"One of: {_codes(about.PsychologicalHarm)}")
    missed_opportunity: bool = Field(description="Was there a missed opportunity to prevent it?")


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
