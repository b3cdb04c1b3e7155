"""Shared pieces of the review pages: the report page's context, and turning service errors into form errors."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template import TemplateDoesNotExist
from django.template.loader import get_template
from django.utils import timezone

from safelearn.casereviews.selectors import findings_for_report
from safelearn.core.audit import audit_history
from safelearn.learning.views import learning_context
from safelearn.organisations.models import Role
from safelearn.organisations.selectors import organisations_where
from safelearn.reporting.forms import TransitionForm
from safelearn.reporting.models import Report, ReportStatus
from safelearn.review import selectors, workflow
from safelearn.review.clocks import triage_due
from safelearn.review.escalation_forms import AcknowledgeForm
from safelearn.review.forms import (
    ActionForm,
    AssignForm,
    ClockStartForm,
    ClockUpdateForm,
    FeedbackForm,
    GradeForm,
    ResponseForm,
)
from safelearn.web.forms import apply_errors  # noqa: F401 - used by the review views through this module

CONVERSATION_TEMPLATE = "reporting/conversation.html"


def require_any_reviewer(request: HttpRequest) -> None:
    if not organisations_where(request.user, Role.REVIEWER):
        raise PermissionDenied("Only safety leads can see this.")


def _conversation_template() -> str:
    try:
        get_template(CONVERSATION_TEMPLATE)
    except TemplateDoesNotExist:
        return ""
    return CONVERSATION_TEMPLATE


def _conversation(request: HttpRequest, report: Report) -> dict[str, Any]:
    """The reporting app's conversation panel, when it is installed (it is built alongside this app)."""
    template = _conversation_template()
    if not template:
        return {"conversation_template": ""}
    from safelearn.reporting import selectors as reporting_selectors

    read = getattr(reporting_selectors, "conversation_for_safety_lead", None)
    conversation = read(user=request.user, report=report) if read else []
    return {"conversation_template": template, "conversation": conversation}


def _escalations(report: Report) -> dict[str, Any]:
    """The open child-at-risk-now alert with its timer, and every earlier one with the action recorded."""
    from safelearn.reporting import selectors as reporting_selectors

    escalations = reporting_selectors.escalations_for_report(report=report)
    open_one = next((e for e in escalations if e.is_open), None)
    return {
        "escalations": escalations,
        "open_escalation": open_one,
        "escalation_timer": reporting_selectors.escalation_timer(open_one) if open_one else None,
    }


def clock_form(clock: Any, data: Any = None) -> ClockUpdateForm:
    return ClockUpdateForm(data, prefix=f"clock-{clock.pk}")


def render_report(request: HttpRequest, report: Report, *, status: int = 200, **bound: Any) -> HttpResponse:
    """The report page with every review form; `bound` replaces one form with the submitted one to show errors."""
    bundle = selectors.review_bundle(report=report)
    a = bundle.assessment
    reviewers = selectors.reviewers_in(organisation_id=report.organisation_id)
    context: dict[str, Any] = {
        "form": TransitionForm(),
        "assign_form": AssignForm(prefix="assign", reviewers=reviewers, initial={"assignee": report.assigned_to_id}),
        "grade_form": GradeForm(
            prefix="grade",
            initial={"consequence": a.consequence, "likelihood": a.likelihood, "harm": a.harm} if a else {},
        ),
        "response_form": ResponseForm(
            prefix="response", initial={"level": a.response_level, "reason": a.response_reason} if a else {}
        ),
        "clock_form": ClockStartForm(prefix="clock"),
        "action_form": ActionForm(
            prefix="action", members=selectors.members_in(organisation_id=report.organisation_id)
        ),
        "feedback_form": FeedbackForm(prefix="feedback"),
        "ack_form": AcknowledgeForm.blank(prefix="ack"),
    }
    context.update({k: v for k, v in bound.items() if k != "clock_update"})
    failed_clock = bound.get("clock_update")
    clock_rows = [
        (
            clock,
            failed_clock
            if failed_clock is not None and failed_clock.prefix == f"clock-{clock.pk}"
            else clock_form(clock),
        )
        for clock in bundle.clocks
    ]
    forms_on_page = [v for v in context.values() if isinstance(v, forms.Form)] + [f for _, f in clock_rows]
    due = None
    if report.status == ReportStatus.SUBMITTED:
        org = report.organisation
        due = triage_due(
            submitted_at=report.submitted_at,
            immediate_risk=report.immediate_risk_flagged,
            working_days=org.triage_target_working_days,
            risk_hours=org.immediate_risk_target_hours,
        )
    context.update(
        {
            "report": report,
            "bundle": bundle,
            "assessment": a,
            "clock_rows": clock_rows,
            "error_form": next((f for f in forms_on_page if f.is_bound and f.errors), None),
            # Closing has its own page: the checklist of what is missing, feedback and the override.
            "transitions": [t for t in workflow.allowed_transitions(report) if t.to_status != ReportStatus.CLOSED],
            "can_close": any(t.to_status == ReportStatus.CLOSED for t in workflow.allowed_transitions(report)),
            "history": audit_history(report),
            "duplicates": selectors.duplicate_accounts(user=request.user, report=report),
            **_conversation(request, report),
            "triage_due": due,
            "triage_overdue": bool(due and due <= timezone.now()),
            "now": timezone.now(),
            "today": timezone.localdate(),
            "has_feedback": bool(bundle.feedback),
            "linked_findings": findings_for_report(report, limit=5),
            **_escalations(report),
            **learning_context(request, report),
        }
    )
    return render(request, "review/report_detail.html", context, status=status)
