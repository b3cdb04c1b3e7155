"""The safety lead's review work through the API: assign, grade, respond, clocks, actions, feedback, conversation.

Thin: every write is the same service the report page calls (which checks the role and audits); reads check
the role with organisations.permissions first. A token reaches only its own organisation (others are a 404).
"""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib.auth import get_user_model
from django.http import Http404, HttpRequest
from django.utils import timezone
from ninja import Router, Status

from safelearn.api.auth import STAFF_AUTH, Caller, in_token_org, reviewer_caller, reviewer_report
from safelearn.api.models import Scope
from safelearn.api.schemas import review_work as s
from safelearn.api.schemas.common import Problem
from safelearn.api.schemas.reports import MessageOut
from safelearn.core.types import RequestUser, User
from safelearn.reporting import selectors as reporting_selectors
from safelearn.reporting import services as reporting_services
from safelearn.reporting.models import Message, Report
from safelearn.review import selectors as review_selectors
from safelearn.review import services, workflow
from safelearn.review.models import (
    Action,
    Assessment,
    ClockStatus,
    NotificationStatus,
    OnwardNotification,
    StatutoryClock,
)

router = Router(tags=["review"], auth=STAFF_AUTH)
READ, WRITE = Scope.REVIEW_READ, Scope.REVIEW_WRITE
ERRORS: dict[int, Any] = {400: Problem, 403: Problem, 404: Problem, 422: Problem}


def _report(request: HttpRequest, report_id: uuid.UUID, scope: str) -> tuple[Caller, Report]:
    """The report for a safety lead of its organisation, without reading (or auditing) its narrative."""
    return reviewer_report(request, report_id, scope, reads_narrative=False)


def _user(username: str) -> User | None:
    return get_user_model().objects.filter(username=username.strip()).first()


def _name(user: RequestUser | None) -> str:
    return user.get_username() if user is not None else ""


def _assessment(a: Assessment | None) -> s.AssessmentOut:
    return s.AssessmentOut(
        consequence=a.consequence if a else None,
        likelihood=a.likelihood if a else None,
        risk_score=a.risk_score if a else None,
        risk_band=a.risk_band if a else "",
        graded_potential=a.graded_potential if a else False,
        harm=a.harm if a else "",
        harm_revisit_on=a.harm_revisit_on if a else None,
        response_level=a.response_level if a else "",
        response_reason=a.response_reason if a else "",
        graded_by=_name(a.graded_by) if a else "",
        graded_at=a.graded_at if a else None,
    )


def _clock(clock: StatutoryClock) -> s.ClockOut:
    sent = OnwardNotification.objects.filter(clock=clock, status=NotificationStatus.SENT).first()
    return s.ClockOut(
        id=clock.pk,
        duty=clock.duty,
        status=clock.status,
        started_at=clock.started_at,
        deadline=clock.deadline,
        overdue=clock.status == ClockStatus.RUNNING and clock.deadline < timezone.now(),
        notified_to=clock.notified_to,
        notified_at=clock.notified_at,
        method=sent.method if sent is not None else "",
        reference=sent.body_reference if sent is not None else "",
        notes=clock.notes,
    )


def _action(action: Action, reference: str) -> s.ActionOut:
    return s.ActionOut(
        id=action.pk,
        report_reference=reference,
        title=action.title,
        measure=action.measure,
        owner=_name(action.owner),
        due_on=action.due_on,
        status=action.status,
        evidence=action.evidence,
        completed_at=action.completed_at,
        effectiveness_check_on=action.effectiveness_check_on,
        effectiveness_notes=action.effectiveness_notes,
    )


def _message(m: Message) -> MessageOut:
    return MessageOut(author=m.author_kind, kind=m.kind, body=m.body, sent_at=m.created_at)


@router.post("/reports/{report_id}/assign", response={200: s.Assigned, **ERRORS}, summary="Assign to a safety lead")
def assign_report(request: HttpRequest, report_id: uuid.UUID, payload: s.AssignIn) -> s.Assigned:
    caller, report = _report(request, report_id, WRITE)
    workflow.report_assign(report=report, actor=caller.user, assignee=_user(payload.assignee))
    return s.Assigned(reference=report.reference, assigned_to=_name(report.assigned_to))


@router.get("/reports/{report_id}/assessment", response={200: s.AssessmentOut, **ERRORS}, summary="Grade and response")
def get_assessment(request: HttpRequest, report_id: uuid.UUID) -> s.AssessmentOut:
    _, report = _report(request, report_id, READ)
    return _assessment(Assessment.objects.filter(report=report).select_related("graded_by").first())


@router.post(
    "/reports/{report_id}/grade",
    response={200: s.AssessmentOut, **ERRORS},
    summary="Grade risk (consequence × likelihood) and harm; starts the clocks the answers suggest",
)
def grade_report(request: HttpRequest, report_id: uuid.UUID, payload: s.GradeIn) -> s.AssessmentOut:
    caller, report = _report(request, report_id, WRITE)
    return _assessment(services.assessment_grade(report=report, actor=caller.user, **payload.dict()))


@router.post(
    "/reports/{report_id}/response-level",
    response={200: s.AssessmentOut, **ERRORS},
    summary="Record the proportionate response level and why",
)
def set_response_level(request: HttpRequest, report_id: uuid.UUID, payload: s.ResponseLevelIn) -> s.AssessmentOut:
    caller, report = _report(request, report_id, WRITE)
    return _assessment(
        services.response_level_set(report=report, actor=caller.user, level=payload.level, reason=payload.reason)
    )


@router.get("/reports/{report_id}/clocks", response={200: list[s.ClockOut], **ERRORS}, summary="Statutory clocks")
def list_clocks(request: HttpRequest, report_id: uuid.UUID) -> list[s.ClockOut]:
    _, report = _report(request, report_id, READ)
    return [_clock(c) for c in StatutoryClock.objects.filter(report=report).order_by("deadline")]


@router.post("/reports/{report_id}/clocks", response={201: s.ClockOut, **ERRORS}, summary="Start a statutory clock")
def start_clock(request: HttpRequest, report_id: uuid.UUID, payload: s.ClockStartIn) -> Status[s.ClockOut]:
    caller, report = _report(request, report_id, WRITE)
    return Status(201, _clock(services.clock_start(report=report, actor=caller.user, duty=payload.duty)))


def _clock_for(request: HttpRequest, clock_id: uuid.UUID) -> tuple[Caller, StatutoryClock]:
    caller = reviewer_caller(request, WRITE)
    organisation_id = StatutoryClock.objects.filter(pk=clock_id).values_list("organisation_id", flat=True).first()
    if organisation_id is None:
        raise Http404
    in_token_org(caller, organisation_id)
    return caller, review_selectors.clock_get_for_reviewer(user=caller.user, clock_id=clock_id)


@router.post(
    "/clocks/{clock_id}/notification",
    response={200: s.ClockOut, **ERRORS},
    summary="Record that the notification was sent: to whom, when, how and the body's reference (meets the clock)",
)
def record_notification(request: HttpRequest, clock_id: uuid.UUID, payload: s.ClockNotifiedIn) -> s.ClockOut:
    caller, clock = _clock_for(request, clock_id)
    done = services.clock_record_notification(
        clock=clock,
        actor=caller.user,
        notified_to=payload.notified_to,
        notified_at=payload.notified_at,
        method=payload.method,
        reference=payload.reference,
        notes=payload.notes,
    )
    return _clock(done)


@router.post(
    "/clocks/{clock_id}/not-required",
    response={200: s.ClockOut, **ERRORS},
    summary="Record that a duty does not apply, and why",
)
def clock_not_required(request: HttpRequest, clock_id: uuid.UUID, payload: s.ClockNotRequiredIn) -> s.ClockOut:
    caller, clock = _clock_for(request, clock_id)
    return _clock(services.clock_mark_not_required(clock=clock, actor=caller.user, reason=payload.reason))


@router.get("/reports/{report_id}/actions", response={200: list[s.ActionOut], **ERRORS}, summary="Agreed actions")
def list_actions(request: HttpRequest, report_id: uuid.UUID) -> list[s.ActionOut]:
    _, report = _report(request, report_id, READ)
    return [_action(a, report.reference) for a in Action.objects.filter(report=report).select_related("owner")]


@router.post("/reports/{report_id}/actions", response={201: s.ActionOut, **ERRORS}, summary="Agree a SMART action")
def create_action(request: HttpRequest, report_id: uuid.UUID, payload: s.ActionIn) -> Status[s.ActionOut]:
    caller, report = _report(request, report_id, WRITE)
    action = services.action_create(
        report=report,
        actor=caller.user,
        title=payload.title,
        measure=payload.measure,
        owner=_user(payload.owner),
        due_on=payload.due_on,
        effectiveness_check_on=payload.effectiveness_check_on,
    )
    return Status(201, _action(action, report.reference))


@router.post(
    "/actions/{action_id}",
    response={200: s.ActionOut, **ERRORS},
    summary="Move an action on ('done' needs evidence)",
)
def update_action(request: HttpRequest, action_id: uuid.UUID, payload: s.ActionUpdateIn) -> s.ActionOut:
    caller = reviewer_caller(request, WRITE)
    organisation_id = Action.objects.filter(pk=action_id).values_list("organisation_id", flat=True).first()
    if organisation_id is None:
        raise Http404
    in_token_org(caller, organisation_id)
    action = review_selectors.action_get_for_reviewer(user=caller.user, action_id=action_id)
    updated = services.action_update(action=action, actor=caller.user, **payload.dict())
    return _action(updated, action.report.reference)


@router.post(
    "/reports/{report_id}/feedback",
    response={201: s.FeedbackOut, **ERRORS},
    summary="Tell the reporter what was learned and what changed",
)
def send_feedback(request: HttpRequest, report_id: uuid.UUID, payload: s.FeedbackIn) -> Status[s.FeedbackOut]:
    caller, report = _report(request, report_id, WRITE)
    feedback = services.feedback_send(report=report, actor=caller.user, body=payload.body)
    return Status(
        201, s.FeedbackOut(id=feedback.pk, body=feedback.body, sent_at=feedback.created_at, emailed=feedback.emailed)
    )


@router.get(
    "/reports/{report_id}/conversation",
    response={200: list[MessageOut], **ERRORS},
    summary="The conversation with the reporter",
)
def get_conversation(request: HttpRequest, report_id: uuid.UUID) -> list[MessageOut]:
    caller, report = _report(request, report_id, READ)
    return [_message(m) for m in reporting_selectors.conversation_for_safety_lead(user=caller.user, report=report)]


@router.post(
    "/reports/{report_id}/conversation",
    response={201: MessageOut, **ERRORS},
    summary="Ask the reporter a question (they read it with their receipt code)",
)
def post_question(request: HttpRequest, report_id: uuid.UUID, payload: s.QuestionIn) -> Status[MessageOut]:
    caller, report = _report(request, report_id, WRITE)
    message = reporting_services.conversation_post_as_safety_lead(
        user=caller.user, report=report, body=payload.body, kind=payload.kind
    )
    return Status(201, _message(message))
