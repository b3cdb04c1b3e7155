"""The triage queue's running clock and the acknowledgement form on the report page."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from safelearn.core.models import AuditEvent
from safelearn.core.types import User
from safelearn.reporting.models import Escalation, Report

pytestmark = pytest.mark.django_db
DANGER = "She told me she plans to kill herself tonight and nobody has been told."


@pytest.fixture
def alert(
    submit_report: Callable[..., Any], people: dict[str, User], django_capture_on_commit_callbacks: Any
) -> Escalation:
    submit_report(what_happened="An older report about a missed visit.")
    with django_capture_on_commit_callbacks(execute=True):
        submit_report(what_happened="Nothing urgent here at all.", immediate_risk_answer="not_sure")
    return Escalation.objects.get()


def url(alert: Escalation) -> str:
    return reverse("review:escalation_acknowledge", args=[alert.report_id])


def test_triage_shows_the_unacknowledged_alert_first_with_its_clock(
    client: Any, people: dict[str, User], alert: Escalation
) -> None:
    client.force_login(people["reviewer"])
    page = client.get(reverse("review:triage")).content.decode()
    rows = page.split('<tr class="govuk-table__row')[2:]
    assert alert.report.reference in rows[0] and "Risk now" in rows[0]
    assert "Acknowledge within 15 minutes" in rows[0] or "Acknowledge within 14 minutes" in rows[0]
    assert "countdown.js" in page


def test_an_overdue_alert_says_by_how_much(client: Any, people: dict[str, User], alert: Escalation) -> None:
    Escalation.objects.filter(pk=alert.pk).update(ack_due_at=timezone.now() - dt.timedelta(minutes=3, seconds=10))
    client.force_login(people["reviewer"])
    assert "Overdue by 4 minutes" in client.get(reverse("review:triage")).content.decode()


def test_an_alert_raised_by_a_reply_on_a_report_under_review_still_tops_the_queue(
    client: Any, people: dict[str, User], alert: Escalation
) -> None:
    Report.objects.filter(pk=alert.report_id).update(status="under_review")
    client.force_login(people["reviewer"])
    page = client.get(reverse("review:triage")).content.decode()
    assert alert.report.reference in page.split('<tr class="govuk-table__row')[2]


def test_acknowledging_without_an_action_shows_clear_errors_and_keeps_what_was_typed(
    client: Any, people: dict[str, User], alert: Escalation
) -> None:
    client.force_login(people["reviewer"])
    response = client.post(url(alert), {"ack-notes": "Rang the school; no answer yet.", "ack-action_taken_time": ""})
    assert response.status_code == 400
    page = response.content.decode()
    assert "There is a problem" in page
    assert "Choose who you told about the risk to the child" in page
    assert "Enter the reference numbers you were given" in page
    assert "Enter the time the action was taken" in page
    assert "Rang the school; no answer yet." in page
    alert.refresh_from_db()
    assert alert.is_open


def test_a_badly_typed_time_is_refused_and_nothing_else_is_lost(
    client: Any, people: dict[str, User], alert: Escalation
) -> None:
    client.force_login(people["reviewer"])
    response = client.post(
        url(alert), {"ack-who_was_told": ["police"], "ack-references": "CAD 0193", "ack-action_taken_time": "25:99"}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Enter the time like 14:35" in page and "CAD 0193" in page
    assert re.search(r'value="police"\s+checked="checked"', page), "the ticked box stays ticked"


def test_acknowledging_with_the_action_clears_the_alert_and_shows_it_on_the_report(
    client: Any, people: dict[str, User], alert: Escalation
) -> None:
    client.force_login(people["reviewer"])
    now = timezone.localtime()
    response = client.post(
        url(alert),
        {
            "ack-who_was_told": ["mash", "other"],
            "ack-who_was_told_other": "School designated safeguarding lead",
            "ack-references": "MASH 2026/441",
            "ack-action_taken_on_0": now.day,
            "ack-action_taken_on_1": now.month,
            "ack-action_taken_on_2": now.year,
            "ack-action_taken_time": "00:00",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    alert.refresh_from_db()
    assert not alert.is_open and alert.acknowledged_by == people["reviewer"]
    page = client.get(reverse("review:report_detail", args=[alert.report_id])).content.decode()
    assert "Child at risk now: acknowledged" in page and "MASH 2026/441" in page
    assert "School designated safeguarding lead" in page and "not yet acknowledged" not in page
    assert AuditEvent.objects.filter(verb="report.escalation_acknowledged").count() == 1
    triage = client.get(reverse("review:triage")).content.decode()
    assert "Acknowledge within" not in triage


@pytest.mark.parametrize(("who", "status"), [("other_reviewer", 404), ("reporter", 403), ("org_admin", 403)])
def test_only_the_organisations_safety_leads_can_acknowledge(
    client: Any, people: dict[str, User], alert: Escalation, who: str, status: int
) -> None:
    client.force_login(people[who])
    response = client.post(url(alert), {"ack-who_was_told": ["police"], "ack-references": "x"})
    assert response.status_code == status
    alert.refresh_from_db()
    assert alert.is_open


def test_signed_out_people_are_sent_to_sign_in(client: Any, alert: Escalation) -> None:
    response = client.post(url(alert), {})
    assert response.status_code == 302 and "sign-in" in response["Location"]
