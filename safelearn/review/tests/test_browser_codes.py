"""In a real browser: the reporter's code and the machine's suggestion side by side; one click accepts the
suggestion and the final code says who chose it; the reporter's code can be put back. Scanned with axe-core."""

from __future__ import annotations

from typing import Any

from safelearn.core.types import User
from safelearn.learning.models import Suggestion
from safelearn.reporting.models import Report
from safelearn.review.models import CodeChoice, CodeSource
from safelearn.web.tests.browser.checks import BROWSER_TEST
from safelearn.web.tests.browser.checks import check_page as check
from safelearn.web.tests.browser.plugin import CHROMIUM, browser, new_page, sign_in  # noqa: F401

pytestmark = BROWSER_TEST


def test_accept_a_suggestion_in_one_click_then_keep_the_reporters_code(
    new_page: Any,  # noqa: F811
    sign_in: Any,  # noqa: F811
    people: dict[str, User],
    submit_report: Any,
) -> None:
    reviewer = people["reviewer"]
    report: Report = submit_report(incident_type="missed_visit_or_contact", service_area="residential").report
    Suggestion.objects.filter(report=report).delete()
    Suggestion.objects.create(
        report=report, field="incident_type", value="medication_error", score=0.8, details={}, model_version="t1"
    )

    lead = new_page()
    sign_in(lead, reviewer)
    lead.goto(f"/review/reports/{report.pk}/learning/")
    card = lead.locator("#code-incident_type")
    assert "Missed visit or contact" in card.inner_text() and "Medication" in card.inner_text()
    assert card.get_by_label("Choose the type of incident yourself").input_value() == "missed_visit_or_contact"
    check(lead, "codes beside the reporter's own")

    card.get_by_role("button", name="Accept the suggestion: Medication error").click()
    lead.locator(".govuk-notification-banner:visible").wait_for()
    final = lead.locator("#code-incident_type-final").inner_text()
    assert "Medication" in final and "an accepted suggestion, chosen by" in final
    choice = CodeChoice.objects.get(report=report, field="incident_type")
    assert (choice.source, choice.chosen_by, choice.reporter_value) == (
        CodeSource.SUGGESTION,
        reviewer,
        "missed_visit_or_contact",
    )
    check(lead, "a suggestion accepted")

    lead.locator("#code-incident_type").get_by_role(
        "button", name="Keep the reporter's code for type of incident"
    ).click()
    lead.locator(".govuk-notification-banner:visible").wait_for()
    assert "the reporter's own code, chosen by" in lead.locator("#code-incident_type-final").inner_text()
    report.refresh_from_db()
    assert report.incident_type == "missed_visit_or_contact"
