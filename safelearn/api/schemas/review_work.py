"""Shapes for the safety lead's review work: grading, clocks, actions, feedback, conversation, assignment."""

from __future__ import annotations

import datetime as dt
import uuid

from ninja import Field, Schema

USERNAME = Field(max_length=150, description="The person's username in SafeLearn")


class AssignIn(Schema):
    assignee: str = USERNAME


class Assigned(Schema):
    reference: str
    assigned_to: str


class GradeIn(Schema):
    consequence: int = Field(ge=1, le=5, description="Potential consequence, 1 (lowest) to 5, on the risk matrix")
    likelihood: int = Field(ge=1, le=5, description="Likelihood of it happening again, 1 to 5")
    harm: str = Field(max_length=32, description="outcome id, or 'unknown' (then harm_revisit_on is needed)")
    harm_revisit_on: dt.date | None = None


class ResponseLevelIn(Schema):
    level: str = Field(max_length=32, description="no_further_review, local_learning, after_action_review, ...")
    reason: str = Field(max_length=5000)


class AssessmentOut(Schema):
    consequence: int | None
    likelihood: int | None
    risk_score: int | None
    risk_band: str
    graded_potential: bool
    harm: str
    harm_revisit_on: dt.date | None
    response_level: str
    response_reason: str
    graded_by: str
    graded_at: dt.datetime | None


class ClockStartIn(Schema):
    duty: str = Field(max_length=48, description="statutory_notification id")


class ClockNotifiedIn(Schema):
    notified_to: str = Field(max_length=200, description="Who was notified (e.g. Ofsted)")
    notified_at: dt.datetime
    method: str = Field(default="", description="How it was sent: email, portal, phone or post (required)")
    reference: str = Field(
        default="", max_length=100, description="The receiving body's reference (required when sent by portal)"
    )
    notes: str = Field(default="", max_length=5000)


class ClockNotRequiredIn(Schema):
    reason: str = Field(max_length=5000)


class ClockOut(Schema):
    id: uuid.UUID
    duty: str
    status: str
    started_at: dt.datetime
    deadline: dt.datetime
    overdue: bool
    notified_to: str
    notified_at: dt.datetime | None
    method: str = Field(default="", description="How the notification was sent (empty until a sending is recorded)")
    reference: str = Field(default="", description="The receiving body's reference, when it gave one")
    notes: str


class ActionIn(Schema):
    title: str = Field(max_length=200, description="Specifically what will be done")
    measure: str = Field(max_length=5000, description="How you will know it is done and working")
    owner: str = USERNAME
    due_on: dt.date
    effectiveness_check_on: dt.date | None = None


class ActionUpdateIn(Schema):
    status: str = Field(max_length=16, description="open, in_progress, done or cancelled")
    evidence: str = Field(default="", max_length=10_000, description="Needed to mark done or cancelled")
    effectiveness_notes: str = Field(default="", max_length=10_000)
    due_on: dt.date | None = None


class ActionOut(Schema):
    id: uuid.UUID
    report_reference: str
    title: str
    measure: str
    owner: str
    due_on: dt.date
    status: str
    evidence: str
    completed_at: dt.datetime | None
    effectiveness_check_on: dt.date | None
    effectiveness_notes: str


class FeedbackIn(Schema):
    body: str = Field(max_length=20_000, description="What was learned and what changed")


class FeedbackOut(Schema):
    id: uuid.UUID
    body: str
    sent_at: dt.datetime
    emailed: bool


class QuestionIn(Schema):
    body: str = Field(max_length=20_000)
    kind: str = Field(default="question", description="question, message or feedback")
