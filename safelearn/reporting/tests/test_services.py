"""Services on the reporter's side: modes and identity, escalation, acknowledgement, conversation."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404

from safelearn.core.models import AuditEvent
from safelearn.core.types import User
from safelearn.privacy.models import IdentityVaultEntry
from safelearn.reporting import selectors
from safelearn.reporting.models import Message, Report
from safelearn.reporting.services import (
    ReporterIdentity,
    add_working_days,
    conversation_post_as_safety_lead,
    next_steps_for,
)

pytestmark = pytest.mark.django_db


def test_named_report_is_linked_to_the_account(submit_report: Any, people: dict[str, User]) -> None:
    report = submit_report(reporter=people["reporter"], mode="named").report
    assert report.reporter == people["reporter"]
    assert not IdentityVaultEntry.objects.filter(report=report).exists()


def test_confidential_staff_report_is_linked_to_nobody_and_vaulted(submit_report: Any, people: dict[str, User]) -> None:
    people["reporter"].first_name, people["reporter"].last_name = "Sam", "Carter"
    people["reporter"].save()
    report = submit_report(reporter=people["reporter"], mode="confidential").report
    assert report.reporter is None
    entry = IdentityVaultEntry.objects.get(report=report)
    assert entry.name == "Sam Carter" and entry.contact == people["reporter"].email
    submitted = AuditEvent.objects.get(verb="report.submitted", target_id=str(report.pk))
    assert submitted.actor is None and "reporter" in submitted.actor_label  # the account is not in the log


def test_anonymous_signed_in_report_keeps_nothing(submit_report: Any, people: dict[str, User]) -> None:
    report = submit_report(reporter=people["reporter"], mode="anonymous").report
    assert report.reporter is None
    assert not IdentityVaultEntry.objects.exists()
    assert not AuditEvent.objects.filter(actor=people["reporter"]).exists()


def test_confidential_without_a_name_is_refused(org: Any) -> None:
    from safelearn.reporting.services import ReportInput, report_submit

    with pytest.raises(ValidationError) as err:
        report_submit(organisation=org, data=ReportInput(what_happened="x", mode="confidential"))
    assert "identity_name" in err.value.message_dict
    with pytest.raises(ValidationError):
        report_submit(
            organisation=org,
            data=ReportInput(what_happened="x", mode="confidential"),
            identity=ReporterIdentity(name=" "),
        )
    assert not Report.objects.exists()


def test_escalation_emails_duty_contact_and_alerts_safety_leads(
    submit_report: Any, people: dict[str, User], org: Any, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        result = submit_report(immediate_risk_answer="yes", what_happened="A plain account.")
    assert result.escalated
    duty = [m for m in mail.outbox if org.duty_contact_email in m.to]
    assert duty and "A plain account." not in duty[0].body
    assert AuditEvent.objects.filter(verb="report.escalated").exists()


def test_acknowledgement_email_for_named_has_dates_but_no_narrative_or_code(
    submit_report: Any, people: dict[str, User], django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        result = submit_report(reporter=people["reporter"], what_happened="Secret words about a child.")
    [email] = mail.outbox
    assert email.to == [people["reporter"].email]
    steps = next_steps_for(report=result.report)
    assert f"{steps.triage_by:%-d %B %Y}" in email.body
    assert "Secret words" not in email.body and result.receipt_code not in email.body


def test_no_acknowledgement_email_when_contact_is_a_phone_number(
    org: Any, django_capture_on_commit_callbacks: Any
) -> None:
    from safelearn.reporting.services import ReportInput, report_submit

    with django_capture_on_commit_callbacks(execute=True):
        report_submit(
            organisation=org,
            data=ReportInput(what_happened="x", mode="confidential"),
            identity=ReporterIdentity(name="Jo", contact="07700 900123"),
        )
    assert mail.outbox == []


def test_working_days_skip_weekends_and_english_bank_holidays() -> None:
    # Thursday 2 April 2026: Good Friday (3rd) and Easter Monday (6th) are bank holidays in England.
    assert add_working_days(dt.date(2026, 4, 2), 1) == dt.date(2026, 4, 7)
    assert add_working_days(dt.date(2026, 3, 27), 1) == dt.date(2026, 3, 30)  # Friday → Monday
    assert add_working_days(dt.date(2026, 3, 30), 5) == dt.date(2026, 4, 8)


def test_next_steps_use_organisation_targets(submit_report: Any, org: Any) -> None:
    org.triage_target_working_days = 3
    org.feedback_target_working_days = 10
    org.save()
    report = submit_report().report
    steps = next_steps_for(report=report)
    assert steps.triage_by < steps.feedback_by
    assert steps.triage_days == 3 and steps.feedback_days == 10


def test_receipt_code_finds_only_its_report(submit_report: Any) -> None:
    first = submit_report()
    second = submit_report()
    assert selectors.report_find_by_receipt(code=first.receipt_code) == first.report
    assert selectors.report_find_by_receipt(code=second.receipt_code.lower()) == second.report
    assert selectors.report_find_by_receipt(code=first.receipt_code[:-1] + "Z") in (
        None,
    ) or first.receipt_code.endswith("Z")
    assert selectors.report_find_by_receipt(code="not a code") is None


def test_only_the_organisations_safety_leads_post_and_read_the_conversation(
    submit_report: Any, people: dict[str, User], django_capture_on_commit_callbacks: Any
) -> None:
    report = submit_report(reporter=people["reporter"]).report
    with django_capture_on_commit_callbacks(execute=True):
        conversation_post_as_safety_lead(user=people["reviewer"], report=report, body="Thank you.", kind="feedback")
    assert Message.objects.get().kind == "feedback"
    assert selectors.conversation_for_safety_lead(user=people["reviewer"], report=report)
    for who, error in (
        ("reporter", PermissionDenied),
        ("org_admin", PermissionDenied),
        ("other_reviewer", Http404),
        ("analyst", Http404),
    ):
        with pytest.raises(error):
            conversation_post_as_safety_lead(user=people[who], report=report, body="x")
        with pytest.raises(error):
            selectors.conversation_for_safety_lead(user=people[who], report=report)
    with pytest.raises(ValidationError):
        conversation_post_as_safety_lead(user=people["reviewer"], report=report, body="x", kind="status")
