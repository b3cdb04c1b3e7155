"""Closure criteria: a report closes only with every statutory clock met, every action finished or handed over,
the de-identified copy approved and a reachable reporter given real feedback; otherwise a safety lead overrides
in writing, which is recorded, audited and shown on the report."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from safelearn.core.models import AuditEvent
from safelearn.core.types import User
from safelearn.privacy.services import deidentify_report
from safelearn.reporting.models import Message, Report, ReportStatus
from safelearn.review import services, workflow
from safelearn.review.models import Action, ActionStatus, ClosureOverride, StatutoryClock
from safelearn.review.services.closure import (
    ACTION,
    CLOCK,
    DEIDENTIFIED,
    ESCALATION,
    FEEDBACK,
    closure_blockers,
    reporter_reachable,
)
from safelearn.review.services.feedback import feedback_problem
from safelearn.review.tests.helpers import action_set, approve_deidentified

pytestmark = pytest.mark.django_db
S = ReportStatus
FEEDBACK_TEXT = "Thank you. Allegations now go to the LADO the same day, and the duty rota names who does it."


def _lado_contact_action(report: Report, people: dict[str, User]) -> Action:
    return action_set(
        report,
        people,
        title="Name the LADO contact on the rota",
        measure="Rota audit",
        due_on=timezone.localdate() + dt.timedelta(days=10),
    )


def _under_review(report: Report, reviewer: Any) -> Report:
    workflow.report_transition(report=report, actor=reviewer, to_status=S.TRIAGED)
    return workflow.report_transition(report=report, actor=reviewer, to_status=S.UNDER_REVIEW)


@pytest.fixture
def allegation(people: dict[str, User], submit_report: Any) -> Report:
    """Triage starts the LADO referral clock for an allegation; its copy is approved and feedback sent."""
    reviewer = people["reviewer"]
    report = _under_review(submit_report(incident_type="allegation_management").report, reviewer)
    approve_deidentified(report, reviewer)
    services.feedback_send(report=report, actor=reviewer, body=FEEDBACK_TEXT)
    return report


def test_a_running_clock_stops_closing_until_it_is_met(people: dict[str, User], allegation: Report) -> None:
    reviewer = people["reviewer"]
    clock = StatutoryClock.objects.get(report=allegation)
    [blocker] = closure_blockers(allegation)
    assert blocker.code == CLOCK and "Local Authority Designated Officer" in blocker.message
    assert blocker.url == reverse("review:report_grading", args=[allegation.pk]) + f"#clock-{clock.pk}"
    with pytest.raises(ValidationError) as exc:
        workflow.report_transition(report=allegation, actor=reviewer, to_status=S.CLOSED)
    assert "statutory clock" in exc.value.message_dict["closure"][0]
    allegation.refresh_from_db()
    assert allegation.status == S.UNDER_REVIEW and allegation.closed_at is None

    services.clock_record_notification(
        clock=clock, actor=reviewer, notified_to="LADO, Northbridge", notified_at=timezone.now(), method="email"
    )
    assert closure_blockers(allegation) == []
    closed = workflow.report_transition(report=allegation, actor=reviewer, to_status=S.CLOSED)
    assert closed.status == S.CLOSED and not ClosureOverride.objects.exists()


def test_an_open_action_stops_closing_unless_finished_or_handed_over(
    people: dict[str, User], allegation: Report
) -> None:
    reviewer = people["reviewer"]
    services.clock_mark_not_required(
        clock=StatutoryClock.objects.get(report=allegation), actor=reviewer, reason="Not about a member of staff"
    )
    action = _lado_contact_action(allegation, people)
    [blocker] = closure_blockers(allegation)
    assert (blocker.code, blocker.url) == (ACTION, reverse("review:action_update", args=[action.pk]))
    services.action_update(action=action, actor=reviewer, status=ActionStatus.IN_PROGRESS)
    assert [b.code for b in closure_blockers(allegation)] == [ACTION]

    # Handing over needs a due date still ahead: an overdue action is not handed over, it is dropped.
    Action.objects.filter(pk=action.pk).update(due_on=timezone.localdate() - dt.timedelta(days=1))
    action.refresh_from_db()
    with pytest.raises(ValidationError) as exc:
        services.action_update(action=action, actor=reviewer, status=ActionStatus.HANDED_OVER)
    assert "due date has passed" in exc.value.message_dict["due_on"][0]
    with pytest.raises(ValidationError) as exc:
        services.action_update(
            action=action, actor=reviewer, status=ActionStatus.HANDED_OVER, due_on=dt.date(2020, 1, 1)
        )
    assert "today or in the future" in exc.value.message_dict["due_on"][0]
    new_due = timezone.localdate() + dt.timedelta(days=30)
    services.action_update(action=action, actor=reviewer, status=ActionStatus.HANDED_OVER, due_on=new_due)
    action.refresh_from_db()
    assert (action.status, action.due_on, action.is_open) == (ActionStatus.HANDED_OVER, new_due, True)
    assert closure_blockers(allegation) == []
    assert workflow.report_transition(report=allegation, actor=reviewer, to_status=S.CLOSED).status == S.CLOSED


def test_the_de_identified_copy_must_exist_and_be_approved(people: dict[str, User], submit_report: Any) -> None:
    reviewer = people["reviewer"]
    report = _under_review(submit_report().report, reviewer)
    services.feedback_send(report=report, actor=reviewer, body=FEEDBACK_TEXT)
    [missing] = closure_blockers(report)
    assert (missing.code, missing.url) == (DEIDENTIFIED, reverse("privacy:queue"))
    assert "not been made yet" in missing.message
    copy = deidentify_report(report_id=report.pk)
    [waiting] = closure_blockers(report)
    assert (waiting.code, waiting.url) == (DEIDENTIFIED, reverse("privacy:review", args=[report.pk]))
    assert "not approved" in waiting.message
    from safelearn.privacy.services import redaction_approve

    redaction_approve(copy=copy, actor=reviewer)
    assert closure_blockers(report) == []


@pytest.mark.parametrize(
    "text",
    ["done", "Done.", "closed", "n/a", "N/A", "NFA", "Thanks", "ok", "Closed, no further action.", "This is now done."],
)
def test_done_is_not_feedback(text: str) -> None:
    assert "not feedback" in feedback_problem(text)


@pytest.mark.parametrize("text", ["We changed the rota.", "Thank you; we fixed it.", FEEDBACK_TEXT])
def test_real_feedback_passes(text: str) -> None:
    assert feedback_problem(text) == ""


def test_only_real_feedback_counts_and_only_for_a_reachable_reporter(
    people: dict[str, User], submit_report: Any
) -> None:
    reviewer = people["reviewer"]
    report = _under_review(submit_report().report, reviewer)
    approve_deidentified(report, reviewer)
    assert reporter_reachable(report)  # anonymous, with a receipt code
    services.feedback_send(report=report, actor=reviewer, body="Done")
    [blocker] = closure_blockers(report)
    assert blocker.code == FEEDBACK and blocker.url.endswith(
        reverse("review:report_close", args=[report.pk]) + "#id_feedback"
    )
    services.feedback_send(report=report, actor=reviewer, body="We changed the rota.")
    assert closure_blockers(report) == []

    # A historic import with no receipt code and no named reporter has nobody to tell.
    historic = _under_review(submit_report().report, reviewer)
    approve_deidentified(historic, reviewer)
    Report.objects.filter(pk=historic.pk).update(receipt_lookup=None, receipt_hash="")
    historic.refresh_from_db()
    assert not reporter_reachable(historic) and closure_blockers(historic) == []


def test_override_needs_a_written_reason_and_is_recorded(people: dict[str, User], allegation: Report) -> None:
    reviewer = people["reviewer"]
    for reason, message in (("", "cannot be closed yet"), ("   ", "cannot be closed yet"), ("ok", "3 words")):
        with pytest.raises(ValidationError) as exc:
            workflow.report_transition(report=allegation, actor=reviewer, to_status=S.CLOSED, override_reason=reason)
        assert message in " ".join(exc.value.messages)
    assert not ClosureOverride.objects.exists()
    reason = "The LADO was told by phone by the previous safety lead; the record is with HR."
    closed = workflow.report_transition(report=allegation, actor=reviewer, to_status=S.CLOSED, override_reason=reason)
    assert closed.status == S.CLOSED
    record = ClosureOverride.objects.get(report=allegation)
    assert (record.by, record.reason, [o["code"] for o in record.outstanding]) == (reviewer, reason, [CLOCK])
    event = AuditEvent.objects.get(verb="report.closure_overridden")
    assert event.payload["reason"] == reason and event.payload["outstanding"] == [CLOCK]


def test_no_override_is_recorded_when_nothing_is_outstanding(people: dict[str, User], allegation: Report) -> None:
    reviewer = people["reviewer"]
    services.clock_mark_not_required(
        clock=StatutoryClock.objects.get(report=allegation), actor=reviewer, reason="Not about a member of staff"
    )
    workflow.report_transition(
        report=allegation, actor=reviewer, to_status=S.CLOSED, override_reason="Just in case it is needed"
    )
    assert not ClosureOverride.objects.exists()


# --- The close page ---------------------------------------------------------------------------------------------


@pytest.fixture
def lead(client: Any, people: dict[str, User]) -> Any:
    client.force_login(people["reviewer"])
    return client


def test_close_page_lists_what_is_missing_with_links(lead: Any, people: dict[str, User], submit_report: Any) -> None:
    reviewer = people["reviewer"]
    report = _under_review(submit_report(incident_type="allegation_management").report, reviewer)
    action = _lado_contact_action(report, people)
    clock = StatutoryClock.objects.get(report=report)
    detail = lead.get(reverse("review:report_detail", args=[report.pk])).content.decode()
    assert reverse("review:report_close", args=[report.pk]) in detail
    assert 'value="closed"' not in detail  # closing is only through the close page
    grading = lead.get(reverse("review:report_grading", args=[report.pk])).content.decode()
    assert f'id="clock-{clock.pk}"' in grading
    page = lead.get(reverse("review:report_close", args=[report.pk]))
    body = page.content.decode()
    assert page.status_code == 200 and "4 things still to do" in body
    for link in (
        reverse("review:report_grading", args=[report.pk]) + f"#clock-{clock.pk}",
        reverse("review:action_update", args=[action.pk]),
        reverse("privacy:queue"),
        reverse("review:report_close", args=[report.pk]) + "#id_feedback",
    ):
        assert f'href="{link}"' in body, link
    assert 'name="feedback"' in body and 'name="override_reason"' in body


def test_close_page_refuses_without_losing_what_was_typed(
    lead: Any, people: dict[str, User], allegation: Report
) -> None:
    url = reverse("review:report_close", args=[allegation.pk])
    Message.objects.filter(report=allegation).delete()
    allegation.feedback.all().delete()
    typed = "We now ring the LADO the same day and write down who we spoke to."
    refused = lead.post(url, {"feedback": typed})
    body = refused.content.decode()
    assert refused.status_code == 400 and "<title>Error:" in body.replace("\n", "")
    assert "This report cannot be closed yet. The statutory clock for" in body and typed in body
    empty_override = lead.post(url, {"feedback": typed, "override": "on", "override_reason": "  "})
    body = empty_override.content.decode()
    assert empty_override.status_code == 400 and typed in body
    assert "Write why you are closing this report with things still outstanding" in body
    done = lead.post(url, {"feedback": "done", "override": "on", "override_reason": "LADO told by phone last week"})
    body = done.content.decode()
    assert done.status_code == 400 and "&#x27;Done&#x27; or &#x27;closed&#x27; is not feedback" in body
    assert "LADO told by phone last week" in body
    allegation.refresh_from_db()
    assert allegation.status == S.UNDER_REVIEW and not allegation.feedback.exists()
    assert not ClosureOverride.objects.exists() and not Message.objects.filter(report=allegation).exists()


def test_close_page_sends_the_feedback_and_closes(lead: Any, people: dict[str, User], allegation: Report) -> None:
    services.clock_mark_not_required(
        clock=StatutoryClock.objects.get(report=allegation),
        actor=people["reviewer"],
        reason="Not about a member of staff",
    )
    allegation.feedback.all().delete()
    Message.objects.filter(report=allegation).delete()
    url = reverse("review:report_close", args=[allegation.pk])
    assert "1 thing still to do" in lead.get(url).content.decode()
    closed = lead.post(url, {"feedback": FEEDBACK_TEXT})
    assert closed.status_code == 302 and closed["Location"] == reverse("review:report_detail", args=[allegation.pk])
    allegation.refresh_from_db()
    assert allegation.status == S.CLOSED
    assert Message.objects.get(report=allegation, kind="feedback").body == FEEDBACK_TEXT


def test_override_through_the_page_is_shown_on_the_report(lead: Any, allegation: Report) -> None:
    url = reverse("review:report_close", args=[allegation.pk])
    reason = "The LADO was told by phone by the previous safety lead; the record is with HR."
    assert lead.post(url, {"override": "on", "override_reason": reason}).status_code == 302
    page = lead.get(reverse("review:report_detail", args=[allegation.pk])).content.decode()
    assert "Closed with override" in page and "By reviewer on" in page and reason in page
    assert "The statutory clock for" in page  # what was outstanding stays visible
    assert reverse("review:report_close", args=[allegation.pk]) not in page  # closed: no close button


def test_a_closed_report_cannot_be_closed_again(lead: Any, people: dict[str, User], allegation: Report) -> None:
    url = reverse("review:report_close", args=[allegation.pk])
    lead.post(url, {"override": "on", "override_reason": "Closing with the clock still open on purpose"})
    assert "cannot be closed" in lead.get(url).content.decode()
    again = lead.post(url, {"override": "on", "override_reason": "Closing with the clock still open on purpose"})
    assert again.status_code == 400 and ClosureOverride.objects.count() == 1


def test_an_unacknowledged_risk_now_alert_stops_closing_even_with_an_override(
    people: dict[str, User], allegation: Report
) -> None:
    """Nobody may close a report whose child-at-risk-now alert nobody has acknowledged with the action taken."""
    from safelearn.reporting.services.escalation import escalation_acknowledge, escalation_raise

    reviewer = people["reviewer"]
    services.clock_mark_not_required(
        clock=StatutoryClock.objects.get(report=allegation), actor=reviewer, reason="Not about a member of staff"
    )
    escalation_raise(report=allegation, reasons=["the reporter said a child may be at risk now"], source="form")
    [blocker] = closure_blockers(allegation)
    assert blocker.code == ESCALATION and not blocker.overridable
    assert blocker.url == reverse("review:report_detail", args=[allegation.pk]) + "#risk-alert"
    with pytest.raises(ValidationError) as exc:
        workflow.report_transition(
            report=allegation,
            actor=reviewer,
            to_status=S.CLOSED,
            override_reason="Closing anyway because the family has moved away",
        )
    assert "acknowledged" in " ".join(exc.value.messages)
    with pytest.raises(ValidationError):
        workflow.report_close(
            report=allegation, actor=reviewer, override=True, override_reason="Closing anyway, family moved away"
        )
    allegation.refresh_from_db()
    assert allegation.status == S.UNDER_REVIEW and not ClosureOverride.objects.exists()

    escalation_acknowledge(
        report=allegation,
        actor=reviewer,
        who_was_told=["mash"],
        references="MASH ref 4471",
        action_taken_at=timezone.now(),
    )
    assert closure_blockers(allegation) == []
    assert workflow.report_transition(report=allegation, actor=reviewer, to_status=S.CLOSED).status == S.CLOSED
