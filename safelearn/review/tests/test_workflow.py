"""The one transition table: closing needs the closure criteria (see test_closure), duplicates merge, withdrawals tell the reporter."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import ValidationError

from safelearn.core.models import AuditEvent, Notification
from safelearn.core.types import User
from safelearn.reporting.models import Message, ReportStatus
from safelearn.review import selectors, services, workflow
from safelearn.review.models import StatutoryClock
from safelearn.review.tests.helpers import approve_deidentified

pytestmark = pytest.mark.django_db
S = ReportStatus


def _to_under_review(report: Any, reviewer: Any) -> None:
    workflow.report_transition(report=report, actor=reviewer, to_status=S.TRIAGED)
    workflow.report_transition(report=report, actor=reviewer, to_status=S.UNDER_REVIEW)


def test_closing_without_feedback_is_refused(people: dict[str, User], submit_report: Any) -> None:
    report = submit_report().report
    reviewer = people["reviewer"]
    _to_under_review(report, reviewer)
    approve_deidentified(report, reviewer)
    with pytest.raises(ValidationError) as exc:
        workflow.report_transition(report=report, actor=reviewer, to_status=S.CLOSED)
    assert exc.value.message_dict["closure"] == [
        "This report cannot be closed yet. The reporter has had no real feedback: tell them what was learned and "
        "what changed."
    ]
    report.refresh_from_db()
    assert report.status == S.UNDER_REVIEW
    assert not AuditEvent.objects.filter(verb="report.transition", payload__to=S.CLOSED).exists()


def test_closing_with_feedback_but_a_reason_is_not_feedback(people: dict[str, User], submit_report: Any) -> None:
    reviewer = people["reviewer"]
    with_feedback = submit_report().report
    _to_under_review(with_feedback, reviewer)
    approve_deidentified(with_feedback, reviewer)
    services.feedback_send(report=with_feedback, actor=reviewer, body="We added a rota check.")
    closed = workflow.report_transition(report=with_feedback, actor=reviewer, to_status=S.CLOSED)
    assert closed.status == S.CLOSED and closed.closed_at is not None
    event = AuditEvent.objects.filter(verb="report.transition", target_id=str(with_feedback.pk)).last()
    assert event is not None and event.payload["to"] == S.CLOSED

    # The anonymous reporter can read feedback with their receipt code, so a status reason does not replace it.
    with_reason = submit_report().report
    _to_under_review(with_reason, reviewer)
    approve_deidentified(with_reason, reviewer)
    with pytest.raises(ValidationError) as exc:
        workflow.report_transition(
            report=with_reason, actor=reviewer, to_status=S.CLOSED, reason="Reporter left; no contact route."
        )
    assert "no real feedback" in exc.value.message_dict["closure"][0]


def test_duplicate_keeps_every_account_visible_on_the_primary(people: dict[str, User], submit_report: Any) -> None:
    reviewer = people["reviewer"]
    primary = submit_report(what_happened="First account of the missed visit.").report
    second = submit_report(mode="anonymous", what_happened="Second account from the carer.").report
    with pytest.raises(ValidationError):
        workflow.report_transition(report=second, actor=reviewer, to_status=S.DUPLICATE, reason="Same")
    workflow.report_transition(
        report=second, actor=reviewer, to_status=S.DUPLICATE, reason="Same visit", duplicate_of=primary
    )
    merged = selectors.duplicate_accounts(user=reviewer, report=primary)
    assert [r.what_happened for r in merged] == ["Second account from the carer."]
    # The anonymous reporter reads why through the receipt code.
    status = Message.objects.get(report=second, kind="status")
    assert primary.reference in status.body and "Same visit" in status.body
    # A duplicate cannot itself be a primary.
    third = submit_report().report
    with pytest.raises(ValidationError):
        workflow.report_transition(report=third, actor=reviewer, to_status=S.DUPLICATE, reason="x", duplicate_of=second)


def test_not_for_this_system_tells_the_reporter_why(people: dict[str, User], submit_report: Any) -> None:
    report = submit_report(mode="anonymous").report
    with pytest.raises(ValidationError):
        workflow.report_transition(report=report, actor=people["reviewer"], to_status=S.WITHDRAWN)
    workflow.report_transition(
        report=report, actor=people["reviewer"], to_status=S.WITHDRAWN, reason="This is a staffing grievance; see HR."
    )
    assert "staffing grievance" in Message.objects.get(report=report, kind="status").body


def test_triage_starts_the_suggested_clocks(people: dict[str, User], submit_report: Any) -> None:
    report = submit_report(incident_type="allegation_management").report
    workflow.report_transition(report=report, actor=people["reviewer"], to_status=S.TRIAGED)
    assert list(StatutoryClock.objects.filter(report=report).values_list("duty", flat=True)) == ["lado_referral"]


def test_assign_only_to_a_safety_lead_of_the_organisation(
    people: dict[str, User], submit_report: Any, django_capture_on_commit_callbacks: Any
) -> None:
    report = submit_report().report
    for wrong in (people["reporter"], people["other_reviewer"]):
        with pytest.raises(ValidationError):
            workflow.report_assign(report=report, actor=people["reviewer"], assignee=wrong)
    with django_capture_on_commit_callbacks(execute=True):
        workflow.report_assign(report=report, actor=people["reviewer"], assignee=people["reviewer"])
    report.refresh_from_db()
    assert report.assigned_to == people["reviewer"]
    assert Notification.objects.filter(user=people["reviewer"], kind="review_assigned").exists()
