"""Codes the reporter chose stay the reporter's: suggestions beside them, never over them; who chose the final code."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from safelearn.core.types import User
from safelearn.learning.forms import SuggestionDecisionForm
from safelearn.learning.models import Suggestion, SuggestionStatus
from safelearn.learning.services import suggestion_decide
from safelearn.reporting.models import Report
from safelearn.review.models import CodeChoice, CodeSource
from safelearn.review.services.coding import code_choose, code_rows, reporter_code

pytestmark = pytest.mark.django_db


@pytest.fixture
def report(submit_report: Any) -> Report:
    """The reporter coded it as a missed visit in residential care; the engine thinks it is a medication error."""
    r: Report = submit_report(incident_type="missed_visit_or_contact", service_area="residential").report
    Suggestion.objects.filter(report=r).delete()  # only the suggestions this test makes
    Suggestion.objects.create(
        report=r, field="incident_type", value="medication_error", score=0.81, details={}, model_version="t1"
    )
    Suggestion.objects.create(
        report=r, field="service_area", value="fostering", score=0.3, details={"withheld": True}, model_version="t1"
    )
    return r


@pytest.fixture
def lead(client: Any, people: dict[str, User]) -> Any:
    client.force_login(people["reviewer"])
    return client


def _url(report: Report, field: str) -> str:
    return reverse("review:code_choose", args=[report.pk, field])


def _selected(html: str, select_id: str) -> str:
    select = re.search(rf'<select[^>]*id="{select_id}".*?</select>', html, re.S)
    assert select, select_id
    chosen = re.search(r'<option value="([^"]*)"[^>]*selected', select.group(0))
    return chosen.group(1) if chosen else ""


def test_the_suggestion_is_shown_beside_the_reporters_code_never_filled_in_over_it(lead: Any, report: Report) -> None:
    page = lead.get(reverse("review:report_learning", args=[report.pk])).content.decode()
    card = page[page.index('id="code-incident_type"') : page.index('id="code-service_area"')]
    assert "The reporter chose" in card and "Missed" in card and "Medication" in card
    assert "Accept the suggestion" in card and "81% confidence" in card
    assert (
        _selected(page, "id_code-incident_type-value") == "missed_visit_or_contact"
    )  # the reporter's, not the engine's
    assert "the reporter's own code, not yet confirmed" in card
    withheld = page[page.index('id="code-service_area"') : page.index('id="code-outcome"')]
    assert "not confident enough" in withheld and "Accept the suggestion" not in withheld
    # The learning engine's own form is pre-filled with the reporter's code as well.
    suggestion = Suggestion.objects.get(report=report, field="incident_type")
    assert SuggestionDecisionForm(suggestion=suggestion).initial["value"] == "missed_visit_or_contact"
    report.refresh_from_db()
    assert report.incident_type == "missed_visit_or_contact" and not CodeChoice.objects.exists()


def test_accepting_a_suggestion_is_one_click_and_records_who(
    lead: Any, people: dict[str, User], report: Report
) -> None:
    response = lead.post(_url(report, "incident_type"), {"source": "suggestion"})
    assert response.status_code == 302 and response["Location"].endswith("#code-incident_type")
    report.refresh_from_db()
    choice = CodeChoice.objects.get(report=report, field="incident_type")
    assert report.incident_type == "medication_error"
    assert (choice.source, choice.chosen_by, choice.reporter_value) == (
        CodeSource.SUGGESTION,
        people["reviewer"],
        "missed_visit_or_contact",
    )
    assert choice.suggestion is not None and choice.suggestion.status == SuggestionStatus.CONFIRMED
    page = lead.get(reverse("review:report_learning", args=[report.pk])).content.decode()
    final = re.search(r'id="code-incident_type-final">(.*?)</dd>', page, re.S)
    assert final and "an accepted suggestion, chosen by" in final.group(1)
    assert "Keep the reporter&#x27;s code" in page or "Keep the reporter's code" in page


def test_reviewers_code_then_back_to_the_reporters(people: dict[str, User], report: Report) -> None:
    reviewer = people["reviewer"]
    choice = code_choose(report=report, actor=reviewer, field="incident_type", source="reviewer", value="other")
    report.refresh_from_db()
    assert (report.incident_type, choice.source, choice.reporter_value) == (
        "other",
        "reviewer",
        "missed_visit_or_contact",
    )
    # The suggestion was decided (changed) so the engine learns it was not taken.
    assert Suggestion.objects.get(report=report, field="incident_type").status == SuggestionStatus.CHANGED
    choice = code_choose(report=report, actor=reviewer, field="incident_type", source="reporter")
    report.refresh_from_db()
    assert (report.incident_type, choice.source, choice.chosen_by) == ("missed_visit_or_contact", "reporter", reviewer)
    assert reporter_code(report, "incident_type", choice) == "missed_visit_or_contact"
    # Choosing the reporter's own code by hand is recorded as the reporter's, confirmed by the reviewer.
    again = code_choose(report=report, actor=reviewer, field="service_area", source="reviewer", value="residential")
    assert again.source == CodeSource.REPORTER


def test_a_decision_on_the_learning_page_keeps_the_reporters_code(people: dict[str, User], report: Report) -> None:
    suggestion = Suggestion.objects.get(report=report, field="incident_type")
    suggestion_decide(suggestion=suggestion, actor=people["reviewer"], action="save", value="medication_error")
    report.refresh_from_db()
    assert report.incident_type == "medication_error"
    assert reporter_code(report, "incident_type") == "missed_visit_or_contact"
    [row] = [r for r in code_rows(report=report) if r.field == "incident_type"]
    assert row.reporter_value == "missed_visit_or_contact" and row.current_value == "medication_error"


def test_bad_choices_are_refused_with_clear_messages(lead: Any, people: dict[str, User], report: Report) -> None:
    response = lead.post(_url(report, "incident_type"), {"source": "reviewer", "code-incident_type-value": ""})
    body = response.content.decode()
    assert response.status_code == 400 and "There is a problem" in body and "Choose a code from the list" in body
    response = lead.post(_url(report, "service_area"), {"source": "suggestion"})  # withheld: nothing to accept
    assert response.status_code == 400 and "no suggestion to accept" in response.content.decode()
    response = lead.post(_url(report, "outcome"), {"source": "reporter"})  # the reporter left it blank
    assert response.status_code == 400 and "did not choose a code here" in response.content.decode()
    assert lead.post(_url(report, "what_happened"), {"source": "reporter"}).status_code == 404
    with pytest.raises(ValidationError):
        code_choose(report=report, actor=people["reviewer"], field="incident_type", source="reviewer", value="nope")
    report.refresh_from_db()
    assert report.incident_type == "missed_visit_or_contact" and not CodeChoice.objects.exists()


@pytest.mark.parametrize(("who", "expected"), [("other_reviewer", 404), ("org_admin", 403), ("reporter", 403)])
def test_only_the_organisations_safety_leads_choose_codes(
    client: Any, people: dict[str, User], report: Report, who: str, expected: int
) -> None:
    client.force_login(people[who])
    response = client.post(_url(report, "incident_type"), {"source": "suggestion"})
    assert response.status_code == expected and report.reference.encode() not in response.content
    with pytest.raises((PermissionDenied, Exception)):
        code_choose(report=report, actor=people[who], field="incident_type", source="suggestion")
    report.refresh_from_db()
    assert report.incident_type == "missed_visit_or_contact" and not CodeChoice.objects.exists()


def test_the_risk_screens_suggestion_still_shows_below_the_codes(lead: Any, report: Report) -> None:
    risk = Suggestion.objects.create(
        report=report, field="immediate_risk", value=True, score=0.9, details={}, model_version="t1"
    )
    page = lead.get(reverse("review:report_learning", args=[report.pk])).content.decode()
    assert "may a child be at risk now?" in page
    assert reverse("learning:suggestion_decide", args=[report.pk, risk.pk]) in page
    # The coded fields are decided in the code panel only, never in a second form below it.
    coded = Suggestion.objects.get(report=report, field="incident_type")
    assert reverse("learning:suggestion_decide", args=[report.pk, coded.pk]) not in page
