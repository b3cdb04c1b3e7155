"""Reminders before and after deadlines; the tests drive the clock by passing `now`."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core import mail
from django.core.management import call_command

from safelearn.core.models import Notification
from safelearn.core.types import User
from safelearn.review import services
from safelearn.review.models import ActionStatus
from safelearn.review.tests.helpers import action_set, at, emails_to, set_submitted

pytestmark = pytest.mark.django_db


def _subjects(address: str) -> list[str]:
    return [m.subject for m in emails_to(mail.outbox, address)]


@pytest.fixture
def action(people: dict[str, User], submit_report: Any) -> Any:
    report = submit_report().report
    return action_set(
        report,
        people,
        title="Add a cover check to the duty rota",
        measure="Weekly rota audit shows no uncovered visits",
        due_on=dt.date(2030, 1, 10),
        effectiveness_check_on=dt.date(2030, 3, 1),
    )


def test_action_reminders_before_and_after_the_due_date(people: dict[str, User], action: Any) -> None:
    owner, reviewer = people["reporter"].email, people["reviewer"].email
    mail.outbox.clear()
    counts = services.review_send_reminders(now=at(2029, 12, 1))
    assert counts.get("action_due_soon", 0) == 0 and _subjects(owner) == []

    counts = services.review_send_reminders(now=at(2030, 1, 8))
    assert counts["action_due_soon"] == 1
    assert _subjects(owner) == ["Action is due (10 January 2030): Add a cover check to the duty rota"]
    assert services.review_send_reminders(now=at(2030, 1, 9)).get("action_due_soon", 0) == 0  # only once

    mail.outbox.clear()
    counts = services.review_send_reminders(now=at(2030, 1, 11))
    assert counts["action_overdue"] == 1
    overdue = "Action is overdue (10 January 2030): Add a cover check to the duty rota"
    assert overdue in _subjects(owner) and overdue in _subjects(reviewer)
    assert Notification.objects.filter(user=people["reporter"], kind="review_action_overdue").count() == 1
    assert services.review_send_reminders(now=at(2030, 1, 12)).get("action_overdue", 0) == 0


def test_handed_over_actions_are_still_reminded(people: dict[str, User], action: Any) -> None:
    """Handing over lets the report close; it must not let the action be forgotten."""
    services.action_update(action=action, actor=people["reviewer"], status=ActionStatus.HANDED_OVER)
    mail.outbox.clear()
    counts = services.review_send_reminders(now=at(2030, 1, 11))
    assert counts["action_overdue"] == 1
    assert "Action is overdue (10 January 2030): Add a cover check to the duty rota" in _subjects(
        people["reporter"].email
    )


def test_done_actions_get_no_due_reminder_but_an_effectiveness_check(people: dict[str, User], action: Any) -> None:
    services.action_update(action=action, actor=people["reviewer"], status=ActionStatus.DONE, evidence="Audit done")
    mail.outbox.clear()
    counts = services.review_send_reminders(now=at(2030, 1, 11))
    assert counts.get("action_overdue", 0) == 0 and counts.get("action_due_soon", 0) == 0
    counts = services.review_send_reminders(now=at(2030, 3, 2))
    assert counts["action_effectiveness"] == 1
    assert "Check whether it worked: Add a cover check to the duty rota" in _subjects(people["reporter"].email)


def test_statutory_clock_reminds_before_and_after_the_deadline(people: dict[str, User], submit_report: Any) -> None:
    report = set_submitted(submit_report(outcome="severe_harm").report, at(2026, 8, 27, 15))
    services.clock_start(report=report, actor=people["reviewer"], duty="serious_incident_notification")
    mail.outbox.clear()
    assert services.review_send_reminders(now=at(2026, 9, 2)).get("clock_due_soon", 0) == 0
    counts = services.review_send_reminders(now=at(2026, 9, 4, 9))
    assert counts["clock_due_soon"] == 1
    subjects = _subjects(people["reviewer"].email)
    assert any(
        s.startswith("Due soon: Serious incident notification") and "4 September 2026 23:59" in s for s in subjects
    )
    counts = services.review_send_reminders(now=at(2026, 9, 5, 9))
    assert counts["clock_overdue"] == 1
    assert any(s.startswith("Overdue: Serious incident notification") for s in _subjects(people["reviewer"].email))
    # The other organisation's safety lead hears nothing about it.
    assert _subjects(people["other_reviewer"].email) == []


def test_a_notified_clock_stops_reminding(people: dict[str, User], submit_report: Any) -> None:
    report = set_submitted(submit_report(incident_type="allegation_management").report, at(2026, 3, 2, 9))
    clock = services.clock_start(report=report, actor=people["reviewer"], duty="lado_referral")
    services.clock_record_notification(
        clock=clock, actor=people["reviewer"], notified_to="LADO", notified_at=at(2026, 3, 2, 11), method="phone"
    )
    counts = services.review_send_reminders(now=at(2026, 3, 9))
    assert counts.get("clock_overdue", 0) == 0 and counts.get("clock_due_soon", 0) == 0


def test_harm_revisit_and_overdue_triage(people: dict[str, User], submit_report: Any) -> None:
    report = submit_report(immediate_risk_answer="yes").report
    services.assessment_grade(
        report=report,
        actor=people["reviewer"],
        consequence=3,
        likelihood=2,
        harm="unknown",
        harm_revisit_on=dt.date(2030, 2, 1),
    )
    counts = services.review_send_reminders(now=report.submitted_at + dt.timedelta(minutes=30))
    assert counts.get("triage_overdue", 0) == 0  # immediate-risk target is one hour
    counts = services.review_send_reminders(now=report.submitted_at + dt.timedelta(hours=2))
    assert counts["triage_overdue"] == 1
    counts = services.review_send_reminders(now=at(2030, 2, 1, 8))
    assert counts["harm_revisit"] == 1
    assert Notification.objects.filter(user=people["reviewer"], kind="review_harm_revisit").count() == 1


def test_daily_digest_instead_of_immediate_email(people: dict[str, User], action: Any) -> None:
    services.notification_preference_set(user=people["reporter"], email_frequency="daily")
    mail.outbox.clear()
    services.review_send_reminders(now=at(2030, 1, 8, 7))
    owner = people["reporter"].email
    digests = [s for s in _subjects(owner) if "review alert" in s]
    assert len(digests) == 1 and not [s for s in _subjects(owner) if s.startswith("Action is due")]
    digest = emails_to(mail.outbox, owner)[0]
    assert "Action is due (10 January 2030)" in digest.body
    # In-app alerts still arrive at once; the next digest waits a day.
    assert Notification.objects.filter(user=people["reporter"], kind="review_action_due_soon").exists()
    mail.outbox.clear()
    assert services.review_send_reminders(now=at(2030, 1, 8, 20))["digests"] == 0


def test_management_command_runs_the_reminders(people: dict[str, User], submit_report: Any, capsys: Any) -> None:
    call_command("send_reminders")
    assert "reminders sent" in capsys.readouterr().out
    call_command("send-reminders", "--enqueue")  # the ImmediateBackend runs the task at once
    assert "queued" in capsys.readouterr().out


def test_untriaged_serious_report_gets_its_clock_and_reminder_anyway(
    people: dict[str, User], submit_report: Any
) -> None:
    from safelearn.review.models import StatutoryClock

    report = set_submitted(submit_report(outcome="death", service_area="looked_after").report, at(2026, 8, 27, 15))
    mail.outbox.clear()
    counts = services.review_send_reminders(now=at(2026, 9, 4, 9))
    assert counts["clocks_started"] == 2
    clock = StatutoryClock.objects.get(report=report, duty="serious_incident_notification")
    assert clock.started_by is None and clock.started_at == at(2026, 8, 27, 15)
    assert counts["clock_due_soon"] == 1  # the 5-working-day clock; rapid review is weeks away
    assert services.review_send_reminders(now=at(2026, 9, 4, 10))["clocks_started"] == 0
