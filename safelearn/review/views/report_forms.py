"""The forms of a report's review. Each posts here, then returns to the part of the review it lives on (or shows
that part again with the errors)."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from safelearn.core.forms import form_submit
from safelearn.reporting.forms import TransitionForm
from safelearn.reporting.models import Report
from safelearn.reporting.selectors import report_by_reference
from safelearn.review import selectors, services, workflow
from safelearn.review.forms import ActionForm, AssignForm, ClockStartForm, FeedbackForm, GradeForm, ResponseForm
from safelearn.review.views.common import FORM_SECTION, clock_form, render_report, section_url

F = TypeVar("F", bound=forms.Form)


def _handle(request: HttpRequest, report: Report, form: forms.Form, key: str, do: Callable[[], str]) -> HttpResponse:
    """Validate, run the service, then go back to the form's part of the review; on any error show it bound."""
    if form_submit(request, form, do, lambda message: message):
        return redirect(section_url(report, FORM_SECTION[key]))
    bound: dict[str, Any] = {key: form}
    return render_report(request, report, status=400, **bound)


def _report(request: HttpRequest, report_id: str) -> Report:
    return selectors.report_get_for_reviewer(user=request.user, report_id=report_id)


FormFor = Callable[[HttpRequest, Report], F]
Posted = Callable[[HttpRequest, Report, F], str]


def _report_form(key: str, form_for: FormFor[F]) -> Callable[[Posted[F]], Callable[[HttpRequest, str], HttpResponse]]:
    """Make a view of a form posted on one report: build the form, run what the decorated function does with it
    (it returns the message saying what was done), then go back to the form's part of the review."""

    def decorate(posted: Posted[F]) -> Callable[[HttpRequest, str], HttpResponse]:
        @login_required
        @require_POST
        @functools.wraps(posted)
        def view(request: HttpRequest, report_id: str) -> HttpResponse:
            report = _report(request, report_id)
            form = form_for(request, report)
            return _handle(request, report, form, key, lambda: posted(request, report, form))

        return view

    return decorate


@_report_form("form", lambda request, report: TransitionForm(request.POST))
def report_transition(request: HttpRequest, report: Report, form: TransitionForm) -> str:
    primary = report_by_reference(organisation_id=report.organisation_id, reference=form.cleaned_data["duplicate_of"])
    moved = workflow.report_transition(
        report=report,
        actor=request.user,
        to_status=form.cleaned_data["to_status"],
        reason=form.cleaned_data["reason"],
        duplicate_of=primary,
    )
    return f"Report {moved.reference} is now {moved.get_status_display().lower()}."


def _assign_form(request: HttpRequest, report: Report) -> AssignForm:
    reviewers = selectors.reviewers_in(organisation_id=report.organisation_id)
    return AssignForm(request.POST, prefix="assign", reviewers=reviewers)


@_report_form("assign_form", _assign_form)
def report_assign(request: HttpRequest, report: Report, form: AssignForm) -> str:
    assignee = form.cleaned_data["assignee"]
    workflow.report_assign(report=report, actor=request.user, assignee=assignee)
    return f"Report {report.reference} is assigned to {assignee.get_full_name() or assignee.get_username()}."


@_report_form("grade_form", lambda request, report: GradeForm(request.POST, prefix="grade"))
def report_grade(request: HttpRequest, report: Report, form: GradeForm) -> str:
    a = services.assessment_grade(report=report, actor=request.user, **form.cleaned_data)
    return f"Graded: risk {a.risk_score} ({a.risk_band}), harm {a.get_harm_display().lower()}."


@_report_form("response_form", lambda request, report: ResponseForm(request.POST, prefix="response"))
def report_response(request: HttpRequest, report: Report, form: ResponseForm) -> str:
    a = services.response_level_set(report=report, actor=request.user, **form.cleaned_data)
    return f"Response level recorded: {a.get_response_level_display().lower()}."


@_report_form("clock_form", lambda request, report: ClockStartForm(request.POST, prefix="clock"))
def clock_start(request: HttpRequest, report: Report, form: ClockStartForm) -> str:
    clock = services.clock_start(report=report, actor=request.user, duty=form.cleaned_data["duty"])
    return f"Clock started: {clock.get_duty_display()}."


@login_required
@require_POST
def clock_update(request: HttpRequest, clock_id: str) -> HttpResponse:
    clock = selectors.clock_get_for_reviewer(user=request.user, clock_id=clock_id)
    report = _report(request, str(clock.report_id))
    form = clock_form(clock, request.POST)

    def do() -> str:
        services.clock_mark_not_required(clock=clock, actor=request.user, reason=form.cleaned_data["notes"])
        return f"Marked as not required: {clock.get_duty_display()}."

    return _handle(request, report, form, "clock_update", do)


def _action_form(request: HttpRequest, report: Report) -> ActionForm:
    members = selectors.members_in(organisation_id=report.organisation_id)
    return ActionForm(request.POST, prefix="action", members=members)


@_report_form("action_form", _action_form)
def action_add(request: HttpRequest, report: Report, form: ActionForm) -> str:
    action = services.action_create(report=report, actor=request.user, **form.cleaned_data)
    return f"Action added: {action.title}."


@_report_form("feedback_form", lambda request, report: FeedbackForm(request.POST, prefix="feedback"))
def feedback_send(request: HttpRequest, report: Report, form: FeedbackForm) -> str:
    feedback = services.feedback_send(report=report, actor=request.user, body=form.cleaned_data["body"])
    how = " and by email" if feedback.emailed else ""
    return f"Feedback sent to the reporter through their receipt code{how}."
