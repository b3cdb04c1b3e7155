"""Shared pieces of the review pages: each part of a report's review with its context, and form errors."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template import TemplateDoesNotExist
from django.template.loader import get_template
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from safelearn.casereviews.selectors import findings_for_report
from safelearn.core.forms import apply_errors as apply_errors  # re-exported: the review views use it through here
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
from safelearn.review.history import report_history
from safelearn.review.services.closure import closure_blockers

CONVERSATION_TEMPLATE = "reporting/conversation.html"

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


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


@dataclass(frozen=True)
class Section:
    key: str
    url_name: str
    label: StrOrPromise


#: The parts of a report's review, each its own short page (the GOV.UK sub-navigation pattern).
SECTIONS = (
    Section("summary", "review:report_detail", _("Summary")),
    Section("account", "review:report_account", _("The reporter's account")),
    Section("casework", "casework:report", _("Files, additions and links")),
    Section("grading", "review:report_grading", _("Grading and clocks")),
    Section("systems", "review:systems_review", _("Systems review")),
    Section("actions", "review:report_actions", _("Actions")),
    Section("feedback", "review:report_feedback", _("Feedback and conversation")),
    Section("learning", "review:report_learning", _("Learning")),
    Section("history", "review:report_history", _("History")),
)
SECTION_BY_KEY = {s.key: s for s in SECTIONS}

#: Which part of the review each form lives on: a form with errors is shown again there, and success returns there.
FORM_SECTION = {
    "form": "summary",
    "assign_form": "summary",
    "ack_form": "summary",
    "grade_form": "grading",
    "response_form": "grading",
    "clock_form": "grading",
    "clock_update": "grading",
    "action_form": "actions",
    "feedback_form": "feedback",
}


def section_url(report: Report, key: str) -> str:
    return reverse(SECTION_BY_KEY[key].url_name, args=[report.pk])


def section_nav(report: Report, current: str) -> dict[str, Any]:
    """Context for review/report/subnav.html."""
    return {
        "report_sections": [
            {"url": section_url(report, s.key), "label": s.label, "current": s.key == current} for s in SECTIONS
        ],
        "section_label": SECTION_BY_KEY[current].label,
    }


def _triage_due(report: Report) -> Any:
    if report.status != ReportStatus.SUBMITTED:
        return None
    org = report.organisation
    return triage_due(
        submitted_at=report.submitted_at,
        immediate_risk=report.immediate_risk_flagged,
        working_days=org.triage_target_working_days,
        risk_hours=org.immediate_risk_target_hours,
    )


def _summary(request: HttpRequest, report: Report, bundle: selectors.ReviewBundle) -> dict[str, Any]:
    reviewers = selectors.reviewers_in(organisation_id=report.organisation_id)
    due = _triage_due(report)
    allowed = workflow.allowed_transitions(report)
    closable = report.status not in (ReportStatus.CLOSED, ReportStatus.WITHDRAWN, ReportStatus.DUPLICATE)
    return {
        "form": TransitionForm(),
        "assign_form": AssignForm(prefix="assign", reviewers=reviewers, initial={"assignee": report.assigned_to_id}),
        "ack_form": AcknowledgeForm.blank(prefix="ack"),
        # Closing has its own page: the checklist of what is missing, feedback and the override.
        "transitions": [t for t in allowed if t.to_status != ReportStatus.CLOSED],
        "can_close": any(t.to_status == ReportStatus.CLOSED for t in allowed),
        "blockers": closure_blockers(report) if closable else [],
        "closable": closable,
        "running_clocks": [c for c in bundle.clocks if c.status == "running"],
        "triage_due": due,
        "triage_overdue": bool(due and due <= timezone.now()),
        **_escalations(report),
    }


def _grading(report: Report, bundle: selectors.ReviewBundle, failed_clock: Any) -> dict[str, Any]:
    a = bundle.assessment
    return {
        "grade_form": GradeForm(
            prefix="grade",
            initial={"consequence": a.consequence, "likelihood": a.likelihood, "harm": a.harm} if a else {},
        ),
        "response_form": ResponseForm(
            prefix="response", initial={"level": a.response_level, "reason": a.response_reason} if a else {}
        ),
        "clock_form": ClockStartForm(prefix="clock"),
        "clock_rows": [
            (
                clock,
                failed_clock
                if failed_clock is not None and failed_clock.prefix == f"clock-{clock.pk}"
                else clock_form(clock),
            )
            for clock in bundle.clocks
        ],
    }


def _section_context(request: HttpRequest, report: Report, key: str, bound: dict[str, Any]) -> dict[str, Any]:
    bundle = selectors.review_bundle(report=report)
    context: dict[str, Any] = {"bundle": bundle, "assessment": bundle.assessment}
    if key == "summary":
        context.update(_summary(request, report, bundle))
    elif key == "account":
        context["duplicates"] = selectors.duplicate_accounts(user=request.user, report=report)
    elif key == "grading":
        context.update(_grading(report, bundle, bound.get("clock_update")))
    elif key == "actions":
        members = selectors.members_in(organisation_id=report.organisation_id)
        context["action_form"] = ActionForm(prefix="action", members=members)
    elif key == "feedback":
        context.update({"feedback_form": FeedbackForm(prefix="feedback"), **_conversation(request, report)})
    elif key == "learning":
        context.update({"linked_findings": findings_for_report(report, limit=5), **learning_context(request, report)})
    elif key == "history":
        context["history"] = report_history(report=report)
    return context


def render_report(
    request: HttpRequest, report: Report, *, section: str = "", status: int = 200, **bound: Any
) -> HttpResponse:
    """One part of the report's review; `bound` replaces one form with the submitted one to show its errors.

    Without `section`, the part is the one the bound form lives on (the summary when nothing is bound).
    """
    key = section or next((FORM_SECTION[k] for k in bound if k in FORM_SECTION), "summary")
    context = _section_context(request, report, key, bound)
    context.update({k: v for k, v in bound.items() if k != "clock_update"})
    forms_on_page = [v for v in context.values() if isinstance(v, forms.Form)]
    forms_on_page += [f for _, f in context.get("clock_rows", [])]
    context.update(
        {
            "report": report,
            "error_form": next((f for f in forms_on_page if f.is_bound and f.errors), None),
            "now": timezone.now(),
            "today": timezone.localdate(),
            **section_nav(report, key),
        }
    )
    return render(request, f"review/report/{key}.html", context, status=status)
