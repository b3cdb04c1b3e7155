"""The review pages as a safety lead uses them: happy paths and errors that keep what was typed."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from django.urls import reverse

from safelearn.core.types import User
from safelearn.reporting.models import Message
from safelearn.review import selectors, services
from safelearn.review.models import Action, Assessment, ClockStatus, EpisodeFactor, JustCultureAssessment
from safelearn.review.tests.helpers import action_set, approve_deidentified, at, set_submitted

pytestmark = pytest.mark.django_db


@pytest.fixture
def lead(client: Any, people: dict[str, User]) -> Any:
    client.force_login(people["reviewer"])
    return client


def test_triage_queue_puts_risk_first_and_highlights_overdue(lead: Any, submit_report: Any) -> None:
    old = set_submitted(submit_report().report, at(2026, 1, 5))
    risky = submit_report(immediate_risk_answer="yes").report
    body = lead.get(reverse("review:triage")).content.decode()
    assert body.index(risky.reference) < body.index(old.reference)
    assert "Overdue" in body and "past the triage target" in body
    items = selectors.triage_queue(user=_user(lead))
    assert [i.overdue for i in items] == [False, True]


def _user(client: Any) -> Any:
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(pk=client.session["_auth_user_id"])


def test_grading_errors_keep_the_answers_and_success_saves(lead: Any, submit_report: Any) -> None:
    report = submit_report().report
    url = reverse("review:report_grade", args=[report.pk])
    response = lead.post(url, {"grade-consequence": "4", "grade-harm": "unknown"})
    assert response.status_code == 400
    body = response.content.decode()
    assert "There is a problem" in body and "Choose how likely it is to happen again" in body
    assert "Harm is not yet known: enter a date to look at it again" in body
    assert re.search(r'name="grade-consequence"[^>]*value="4"[^>]*checked', body)
    response = lead.post(url, {"grade-consequence": "4", "grade-likelihood": "4", "grade-harm": "moderate_harm"})
    assert response.status_code == 302
    assessment = Assessment.objects.get(report=report)
    assert (assessment.risk_score, assessment.risk_band) == (16, "extreme")
    page = lead.get(reverse("review:report_grading", args=[report.pk])).content.decode()
    assert "score 16" in page and "Harm is not yet known" not in page
    lead.post(
        url,
        {
            "grade-consequence": "4",
            "grade-likelihood": "4",
            "grade-harm": "unknown",
            "grade-harm_revisit_on_0": "1",
            "grade-harm_revisit_on_1": "6",
            "grade-harm_revisit_on_2": "2031",
        },
    )
    page = lead.get(reverse("review:report_grading", args=[report.pk])).content.decode()
    assert "Harm is not yet known. Look at it again by 1 June 2031" in page


def test_action_form_keeps_typed_text_on_error(lead: Any, people: dict[str, User], submit_report: Any) -> None:
    report = submit_report().report
    url = reverse("review:action_add", args=[report.pk])
    response = lead.post(url, {"action-title": "Add a rota cover check", "action-measure": ""})
    assert response.status_code == 400
    body = response.content.decode()
    assert 'value="Add a rota cover check"' in body and "Say how you will know it is done and working" in body
    response = lead.post(
        url,
        {
            "action-title": "Add a rota cover check",
            "action-measure": "Weekly audit",
            "action-owner": str(people["reporter"].pk),
            "action-due_on_0": "1",
            "action-due_on_1": "2",
            "action-due_on_2": "2030",
        },
    )
    assert response.status_code == 302
    assert Action.objects.get().due_on == dt.date(2030, 2, 1)


def test_a_duty_that_does_not_apply_through_the_page(lead: Any, submit_report: Any) -> None:
    report = set_submitted(submit_report(incident_type="allegation_management").report, at(2026, 3, 2, 9))
    workflow_clock = services.clock_start(report=report, actor=_user(lead), duty="lado_referral")
    prefix = f"clock-{workflow_clock.pk}"
    url = reverse("review:clock_update", args=[workflow_clock.pk])
    response = lead.post(url, {f"{prefix}-notes": "  "})
    assert response.status_code == 400 and "Say why this duty does not apply" in response.content.decode()
    workflow_clock.refresh_from_db()
    assert workflow_clock.status == ClockStatus.RUNNING
    response = lead.post(url, {f"{prefix}-notes": "The LADO said on the phone this is not an allegation."})
    assert response.status_code == 302
    workflow_clock.refresh_from_db()
    assert workflow_clock.status == ClockStatus.NOT_REQUIRED


def test_feedback_then_close_through_the_page(lead: Any, submit_report: Any) -> None:
    report = submit_report(mode="anonymous").report
    transition = reverse("review:report_transition", args=[report.pk])
    lead.post(transition, {"to_status": "triaged"})
    lead.post(transition, {"to_status": "under_review"})
    approve_deidentified(report, _user(lead))
    refused = lead.post(transition, {"to_status": "closed"})
    assert refused.status_code == 400
    assert "The reporter has had no real feedback" in refused.content.decode()
    assert lead.post(reverse("review:feedback_send", args=[report.pk]), {"feedback-body": ""}).status_code == 400
    sent = lead.post(reverse("review:feedback_send", args=[report.pk]), {"feedback-body": "We changed the rota."})
    assert sent.status_code == 302
    assert Message.objects.filter(report=report, kind="feedback").count() == 1
    assert lead.post(transition, {"to_status": "closed"}).status_code == 302
    report.refresh_from_db()
    assert report.status == "closed"


def test_systems_review_pages(lead: Any, submit_report: Any) -> None:
    report = submit_report().report
    url = reverse("review:systems_review", args=[report.pk])
    bad = lead.post(url, {"episode-when": "Friday", "episode-what_happened": "Rota gap"})
    assert bad.status_code == 400 and 'value="Friday"' in bad.content.decode()
    ok = lead.post(
        url,
        {
            "episode-when": "Friday",
            "episode-what_happened": "Rota gap",
            "episode-why_it_made_sense": "Two staff off sick; cover was usual practice",
            "episode-recovery_factors": ["supervision"],
        },
    )
    assert ok.status_code == 302
    episode = report.practice_episodes.get()
    prefix = f"factor-{episode.pk}"
    factor_url = reverse("review:factor_add", args=[episode.pk])
    assert lead.post(factor_url, {f"{prefix}-factor": "workload_and_staffing"}).status_code == 400
    assert (
        lead.post(factor_url, {f"{prefix}-factor": "workload_and_staffing", f"{prefix}-evidence": "Rota"}).status_code
        == 302
    )
    assert EpisodeFactor.objects.get().factor == "workload_and_staffing"
    assert (
        lead.post(reverse("review:finding_add", args=[report.pk]), {"finding-pattern": "No cover check"}).status_code
        == 302
    )
    page = lead.get(url).content.decode()
    assert "Workload and staffing" in page and "No cover check" in page


def test_just_culture_page_steers_to_the_system(lead: Any, people: dict[str, User], submit_report: Any) -> None:
    report = submit_report().report
    url = reverse("review:just_culture", args=[report.pk])
    assert lead.post(url, {"deliberate_harm": "no"}).status_code == 400
    answers = {"deliberate_harm": "no", "health_factor": "no", "foresight": "no", "substitution": "yes"}
    assert lead.post(url, answers).status_code == 302
    assert "This is about the system" in lead.get(url).content.decode()
    assert JustCultureAssessment.objects.get().completed_by == people["reviewer"]
    # An administrator (often a line manager) never reads it, even through the selector.
    assert selectors.just_culture_get(user=people["org_admin"], report=report) is None
    assert selectors.just_culture_get(user=people["reviewer"], report=report) is not None


def test_actions_overview_counts_overdue(lead: Any, people: dict[str, User], submit_report: Any) -> None:
    report = submit_report().report
    for title in ("Overdue one", "Later one"):
        action_set(report, people, title=title)
    Action.objects.filter(title="Overdue one").update(due_on=dt.date(2020, 1, 1))
    overview = selectors.actions_for_reviewer(user=people["reviewer"])
    assert (overview.overdue, overview.open, overview.done) == (1, 2, 0)
    body = lead.get(reverse("review:actions") + "?status=overdue").content.decode()
    assert "Overdue one" in body and "Later one" not in body
    action = Action.objects.get(title="Later one")
    update = reverse("review:action_update", args=[action.pk])
    assert lead.post(update, {"status": "done"}).status_code == 400
    assert lead.post(update, {"status": "done", "evidence": "Audit shows it in use"}).status_code == 302


def test_primary_report_shows_the_duplicate_account(lead: Any, people: dict[str, User], submit_report: Any) -> None:
    primary = submit_report(what_happened="Primary account words").report
    second = submit_report(what_happened="Supplemental account words").report
    response = lead.post(
        reverse("review:report_transition", args=[second.pk]),
        {"to_status": "duplicate", "reason": "Same visit", "duplicate_of": primary.reference.lower()},
    )
    assert response.status_code == 302
    page = lead.get(reverse("review:report_account", args=[primary.pk])).content.decode()
    assert "Supplemental account words" in page and "Primary account words" in page


def test_assign_and_preferences_pages(lead: Any, people: dict[str, User], submit_report: Any) -> None:
    report = submit_report().report
    url = reverse("review:report_assign", args=[report.pk])
    assert lead.post(url, {"assign-assignee": str(people["reporter"].pk)}).status_code == 400
    assert lead.post(url, {"assign-assignee": str(people["reviewer"].pk)}).status_code == 302
    assert lead.post(reverse("review:preferences"), {"email_frequency": "weekly"}).status_code == 400
    assert lead.post(reverse("review:preferences"), {"email_frequency": "daily"}).status_code == 302
    assert re.search(r'value="daily"[^>]*checked', lead.get(reverse("review:preferences")).content.decode())
