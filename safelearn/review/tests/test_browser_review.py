"""A near miss walked end to end in a real browser: sent anonymously, triaged, graded, reviewed as a system
with two contributory factors, two actions (one done with evidence, one handed over), closed once the
de-identified copy is approved and real feedback is written, which the anonymous reporter reads with their
receipt code. Every review page is scanned with axe-core."""

from __future__ import annotations

import re
from typing import Any

from safelearn.core.types import User
from safelearn.reporting.models import Report, ReportStatus
from safelearn.review.models import Action, ActionStatus, Assessment, EpisodeFactor
from safelearn.web.tests.browser.checks import BROWSER_TEST
from safelearn.web.tests.browser.checks import check_page as check
from safelearn.web.tests.browser.plugin import CHROMIUM, browser, new_page, sign_in  # noqa: F401

pytestmark = BROWSER_TEST

WHAT_HAPPENED = "The wrong child's medication chart was handed over at the evening shift change."
FEEDBACK = "Thank you. Handover sheets now carry a photo check, and we are testing a new shift overlap."


def flash(page: Any) -> str:
    banner = page.locator(".govuk-notification-banner:visible")
    banner.wait_for()
    text: str = banner.inner_text()
    return text


def date(page: Any, group: str, day: str, month: str, year: str) -> None:
    fieldset = page.get_by_role("group", name=re.compile(group))
    fieldset.get_by_label("Day").fill(day)
    fieldset.get_by_label("Month").fill(month)
    fieldset.get_by_label("Year").fill(year)


def test_near_miss_from_report_to_closure(new_page: Any, sign_in: Any, people: dict[str, User]) -> None:  # noqa: F811
    # --- An anonymous near miss -----------------------------------------------------------------------------
    page = new_page()
    sign_in(page, people["reporter"])
    page.goto("/report/")
    page.get_by_role("radio", name=re.compile(r"^Anonymous")).check()
    risk = page.get_by_role("group", name=re.compile("Could a child be at risk"))
    risk.get_by_role("radio", name="No", exact=True).check()
    page.get_by_label("What happened?").fill(WHAT_HAPPENED)
    page.get_by_label("How far did it get?").select_option("near_miss")
    page.get_by_label("If it is not on the list, what type of place was it?").select_option("team")
    page.get_by_role("button", name="Send report").click()
    page.wait_for_url("**/report/sent/")
    code = page.locator("#receipt-code").inner_text().strip()
    report = Report.objects.get()
    assert report.mode == "anonymous" and report.outcome == "near_miss"

    # --- Triage ------------------------------------------------------------------------------------------------
    lead = new_page()
    sign_in(lead, people["reviewer"])
    lead.goto("/review/triage/")
    check(lead, "triage queue")
    lead.get_by_role("link", name=report.reference).click()
    lead.wait_for_url(f"**/review/reports/{report.pk}/")
    assert WHAT_HAPPENED in lead.locator("main").inner_text()
    check(lead, "report page")
    lead.get_by_label("Assign to").select_option(label="reviewer")
    lead.get_by_role("button", name="Assign").click()
    assert "assigned to reviewer" in flash(lead)
    lead.get_by_role("radio", name="Mark as triaged").check()
    lead.get_by_role("button", name="Update status").click()
    assert "now triaged" in flash(lead)

    # --- Grading: a near miss is graded on what could have happened --------------------------------------------
    parts = lead.get_by_role("navigation", name="Parts of this review")
    parts.get_by_role("link", name="Grading and clocks").click()
    lead.wait_for_url("**/grading/")
    check(lead, "grading and clocks")
    grade = lead.locator("form", has=lead.get_by_role("button", name="Save grading"))
    grade.get_by_role("group", name=re.compile("Potential consequence")).get_by_label("4 – Major").check()
    grade.get_by_role("group", name=re.compile("Likelihood")).get_by_label("3 – Possible").check()
    grade.get_by_role("button", name="Save grading").click()
    lead.locator(".govuk-error-summary").wait_for()  # harm missing: the error summary leads to it
    assert lead.get_by_role("group", name=re.compile("Potential consequence")).get_by_label("4 – Major").is_checked()
    check(lead, "report page with grading errors")
    lead.get_by_role("group", name=re.compile("Harm to the child")).get_by_label("Near miss").check()
    lead.get_by_role("button", name="Save grading").click()
    assert "risk 12 (high)" in flash(lead)
    response = lead.get_by_role("group", name="Proportionate response")
    response.get_by_label("Full systems review").check()
    lead.get_by_label("Why is this response proportionate?").fill("Could have caused serious harm; seen twice.")
    lead.get_by_role("button", name="Save response level").click()
    assert "full systems review" in flash(lead)
    parts.get_by_role("link", name="Summary").click()
    lead.get_by_role("radio", name="Start review").check()
    lead.get_by_role("button", name="Update status").click()
    flash(lead)
    assessment = Assessment.objects.get(report=report)
    assert (assessment.risk_score, assessment.graded_potential) == (12, True)

    # --- Systems review ----------------------------------------------------------------------------------------
    parts.get_by_role("link", name="Systems review").click()
    lead.wait_for_url("**/systems-review/")
    check(lead, "systems review")
    episodes = [
        (
            "Evening, 7pm",
            "Two charts were on the desk at handover.",
            "The shift was short and both charts looked alike.",
        ),
        ("Evening, 8pm", "The night worker checked the chart against the child.", "A photo on the chart made it easy."),
    ]
    for when, what, why in episodes:
        lead.get_by_label("When", exact=True).fill(when)
        lead.get_by_label("What happened", exact=True).fill(what)
        lead.get_by_label("Why it made sense at the time").fill(why)
        lead.get_by_label("A colleague noticed or checked").check()
        lead.get_by_role("button", name="Add episode").click()
        flash(lead)
    for number, factor, evidence in (
        (1, "Workload and staffing", "Rota shows one worker covering two units."),
        (2, "Recording and IT systems", "Both charts use the same template with no photo."),
    ):
        form = lead.locator("form", has=lead.get_by_role("button", name=f"Add factor to episode {number}"))
        form.get_by_label("Contributory factor").select_option(label=factor)
        form.get_by_label("Evidence").fill(evidence)
        form.get_by_role("button", name=f"Add factor to episode {number}").click()
        flash(lead)
    lead.get_by_label("Finding, written as a pattern").fill("Look-alike charts at a busy handover make mix-ups likely.")
    lead.get_by_role("button", name="Add finding").click()
    flash(lead)
    assert EpisodeFactor.objects.count() == 2
    check(lead, "systems review with episodes")
    lead.get_by_role("link", name="Use the just-culture decision aid").click()
    check(lead, "just-culture decision aid")
    for question, answer in (("Deliberate harm", "No"), ("Health", "No"), ("Foresight", "No"), ("Substitution", "Yes")):
        lead.get_by_role("group", name=re.compile(f"^{question}")).get_by_label(answer, exact=True).check()
    lead.get_by_role("button", name="Save answers").click()
    flash(lead)
    assert "This is about the system" in lead.locator("main").inner_text()
    check(lead, "just-culture result")

    # --- Two actions, one done with evidence -------------------------------------------------------------------
    lead.goto(f"/review/reports/{report.pk}/actions/")
    for title in ("Add a photo to every medication chart", "Overlap evening shifts by 15 minutes"):
        lead.locator("summary", has_text="Add an action").click()
        lead.get_by_label("What will be done").fill(title)
        lead.get_by_label("How will we know it is done and working?").fill("Monthly handover audit")
        lead.get_by_label("Owner").select_option(label="reporter")
        date(lead, "Due date", "1", "3", "2031")
        lead.get_by_role("button", name="Add action").click()
        flash(lead)
    lead.get_by_role("link", name="Add a photo to every medication chart").click()
    check(lead, "action page")
    lead.get_by_label("Done").check()
    lead.get_by_role("button", name="Save action").click()
    lead.locator(".govuk-error-summary").wait_for()
    check(lead, "action page with errors")
    lead.get_by_label("Evidence of completion (or why it was cancelled)").fill("All 40 charts now have photos.")
    lead.get_by_role("button", name="Save action").click()
    flash(lead)
    assert sorted(Action.objects.values_list("status", flat=True)) == [ActionStatus.DONE, ActionStatus.OPEN]
    lead.goto("/review/actions/")
    check(lead, "actions overview")
    lead.goto(f"/review/reports/{report.pk}/")
    lead.get_by_role("radio", name="Actions agreed").check()
    lead.get_by_role("button", name="Update status").click()
    flash(lead)

    # --- Closing: the page lists what is missing, each with a link to do it ----------------------------------
    lead.get_by_role("link", name="Close report").click()
    lead.wait_for_url("**/close/")
    check(lead, "close page")
    lead.get_by_role("button", name="Close report").click()
    summary = lead.locator(".govuk-error-summary")
    summary.wait_for()
    assert "Write feedback for the reporter" in summary.inner_text()
    assert "Overlap evening shifts by 15 minutes" in summary.inner_text()
    check(lead, "close page refusing to close")
    # The open action is handed over to its owner; the de-identified copy is checked and approved.
    lead.locator("#closure-blockers").get_by_role("link", name=re.compile("Overlap evening shifts")).click()
    lead.get_by_label("Handed over").check()
    lead.get_by_role("button", name="Save action").click()
    flash(lead)
    lead.goto(f"/review/reports/{report.pk}/close/")
    lead.locator("#closure-blockers").get_by_role("link", name=re.compile("de-identified copy")).click()
    lead.get_by_role("button", name="Approve de-identified copy").click()
    flash(lead)
    lead.goto(f"/review/reports/{report.pk}/close/")
    assert lead.locator("#closure-blockers li").count() == 1  # only the feedback is left
    lead.get_by_label("Feedback to the reporter").fill("Done")
    lead.get_by_role("button", name="Close report").click()
    lead.locator(".govuk-error-summary").wait_for()
    assert "is not feedback" in lead.locator(".govuk-error-summary").inner_text()
    lead.get_by_label("Feedback to the reporter").fill(FEEDBACK)
    lead.get_by_role("button", name="Close report").click()
    assert "is closed" in flash(lead)
    check(lead, "closed report")
    report.refresh_from_db()
    assert report.status == ReportStatus.CLOSED
    assert Action.objects.get(title="Overlap evening shifts by 15 minutes").status == ActionStatus.HANDED_OVER

    # --- The anonymous reporter reads the feedback with the receipt code ---------------------------------------
    anonymous = new_page()
    anonymous.goto("/check/")
    anonymous.get_by_label("Your receipt code").fill(code)
    anonymous.get_by_role("button", name="Open my report").click()
    anonymous.wait_for_url("**/check/report/")
    assert FEEDBACK in anonymous.locator("main").inner_text()
