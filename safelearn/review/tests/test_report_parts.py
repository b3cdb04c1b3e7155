"""Issue 16: the review is short parts with a sub-navigation, each form returns to its part, and the history
reads as grouped sentences."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

from safelearn.core.audit import audit_record
from safelearn.core.models import AuditEvent
from safelearn.core.types import User
from safelearn.reporting.models import Report
from safelearn.review import services
from safelearn.review.history import report_history
from safelearn.review.views.common import SECTIONS

pytestmark = pytest.mark.django_db

PARTS = [s.url_name for s in SECTIONS]


@pytest.fixture
def lead(client: Any, people: dict[str, Any]) -> Any:
    client.force_login(people["reviewer"])
    return client


def _reads(report: Report, user: User) -> int:
    return AuditEvent.objects.filter(
        verb="report.narrative_read", target_id=str(report.pk), actor=user, payload={}
    ).count()


@pytest.mark.parametrize("name", PARTS)
def test_each_part_is_for_the_reports_own_safety_leads_only(
    name: str, people: dict[str, Any], submit_report: Any
) -> None:
    report = submit_report().report
    url = reverse(name, args=[report.pk])
    anonymous = Client().get(url)
    assert anonymous.status_code == 302 and "/sign-in/" in anonymous["Location"]
    for who, status in (("other_reviewer", 404), ("other_reporter", 404), ("reporter", 403), ("org_admin", 403)):
        client = Client()
        client.force_login(people[who])
        response = client.get(url)
        assert response.status_code == status, (name, who)
        assert report.what_happened not in response.content.decode()
    client = Client()
    client.force_login(people["reviewer"])
    assert client.get(url).status_code == 200


@pytest.mark.parametrize(
    ("name", "shows_words", "reads"),
    [
        ("review:report_detail", True, 1),
        ("review:report_account", True, 1),
        ("review:report_feedback", False, 1),  # the reporter's replies are their own words
        ("review:report_grading", False, 0),
        ("review:report_actions", False, 0),
        ("review:report_learning", False, 0),
        ("review:report_history", False, 0),
    ],
)
def test_only_parts_showing_the_reporters_words_record_a_read(
    name: str, shows_words: bool, reads: int, lead: Any, people: dict[str, Any], submit_report: Any
) -> None:
    report = submit_report(what_happened="The Larkspur Close visit was missed on Friday.").report
    body = lead.get(reverse(name, args=[report.pk])).content.decode()
    assert ("Larkspur Close" in body) is shows_words
    assert _reads(report, people["reviewer"]) == reads


def test_the_summary_shows_status_risk_running_clocks_and_what_is_missing(
    lead: Any, people: dict[str, Any], submit_report: Any
) -> None:
    report = submit_report(incident_type="allegation_management").report
    services.clock_start(report=report, actor=people["reviewer"], duty="lado_referral")
    services.assessment_grade(report=report, actor=people["reviewer"], consequence=4, likelihood=3, harm="no_harm")
    body = lead.get(reverse("review:report_detail", args=[report.pk])).content.decode()
    assert "Submitted" in body and "score 12" in body
    assert "Running clocks" in body and "Local Authority Designated Officer" in body
    assert "Missing before closure" in body and "de-identified copy has not been made" in body
    assert reverse("review:report_grading", args=[report.pk]) + "#clock-" in body
    # The summary is short: the grading form, clock forms and actions live on their own parts.
    assert 'name="grade-consequence"' not in body and "Add an action" not in body


@pytest.mark.parametrize(
    ("post_to", "data", "lands_on"),
    [
        (
            "review:report_grade",
            {"grade-consequence": "2", "grade-likelihood": "2", "grade-harm": "no_harm"},
            "grading",
        ),
        ("review:report_response", {"response-level": "local_learning", "response-reason": "Low risk"}, "grading"),
        ("review:clock_start", {"clock-duty": "lado_referral"}, "grading"),
        ("review:feedback_send", {"feedback-body": "Thank you: the rota now has a named cover person."}, "feedback"),
    ],
)
def test_each_form_returns_to_its_part(
    post_to: str, data: dict[str, str], lands_on: str, lead: Any, submit_report: Any
) -> None:
    report = submit_report().report
    response = lead.post(reverse(post_to, args=[report.pk]), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert response["Location"] == reverse(f"review:report_{lands_on}", args=[report.pk])


def test_a_form_with_errors_is_shown_again_on_its_part(lead: Any, people: dict[str, Any], submit_report: Any) -> None:
    report = submit_report().report
    response = lead.post(reverse("review:action_add", args=[report.pk]), {"action-title": "Add a rota check"})
    body = response.content.decode()
    assert response.status_code == 400 and "There is a problem" in body
    assert "Add a rota check" in body  # nothing typed is lost
    assert "<title>Error: Actions – Report" in body
    assigned = lead.post(reverse("review:report_assign", args=[report.pk]), {"assign-assignee": people["reviewer"].pk})
    assert assigned["Location"] == reverse("review:report_detail", args=[report.pk])


def test_history_groups_repeats_into_sentences(lead: Any, people: dict[str, Any], submit_report: Any) -> None:
    reviewer = people["reviewer"]
    reviewer.first_name, reviewer.last_name = "Priya", "Shah"
    reviewer.save()
    report = submit_report().report  # anonymous
    for _ in range(3):
        lead.get(reverse("review:report_account", args=[report.pk]))
    lead.post(reverse("review:report_transition", args=[report.pk]), {"to_status": "triaged"})
    days = report_history(report=report)
    assert [d.label for d in days] == ["Today"]
    sentences = [line.sentence for line in days[0].lines]
    # Three page reads plus the one the status change's form makes: one line, with the count.
    assert "Priya Shah read the report, 4 times" in sentences
    assert "Priya Shah moved the report to triaged" in sentences
    assert "The reporter sent the report" in sentences
    assert len([s for s in sentences if "read the report" in s]) == 1
    body = lead.get(reverse("review:report_history", args=[report.pk])).content.decode()
    assert "Priya Shah read the report, 4 times" in body  # the history itself shows no words: not a read
    assert "report.narrative_read" not in body


def test_history_splits_days_and_names_unknown_acts_in_plain_words(people: dict[str, Any], submit_report: Any) -> None:
    report = submit_report().report
    with override_settings(SAFELEARN_AUDIT_VERBS_STRICT=False):  # an act recorded before the verb registry
        audit_record(actor=people["reviewer"], verb="report.tagged_for_audit", target=report)
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    days = report_history(report=report, today=tomorrow)
    assert days[0].label == "Yesterday"
    assert "reviewer recorded report: tagged for audit" in [line.sentence for line in days[0].lines]
