"""Where, and who was affected (issue 17), in a real Chromium with axe-core: the organisation's administrator
adds a children's home to the list, a residential worker reports there with two children's details (the
second added with "Add another"), and the safety lead sees both children and the home on the review page and
grades the harm apart."""

from __future__ import annotations

from typing import Any

from safelearn.core.types import User
from safelearn.reporting.models import Location, Report
from safelearn.web.tests.browser.checks import BROWSER_TEST
from safelearn.web.tests.browser.checks import check_page as check
from safelearn.web.tests.browser.plugin import CHROMIUM, browser, new_page, sign_in  # noqa: F401

pytestmark = BROWSER_TEST

WHAT_HAPPENED = "The night staff did not know about the new contact plan, so two young people waited up for a visit."


def test_residential_worker_reports_a_home_and_two_children_and_the_lead_sees_them(
    new_page: Any,  # noqa: F811
    sign_in: Any,  # noqa: F811
    people: dict[str, User],
    org: Any,
) -> None:
    # --- The administrator puts the home on the list -------------------------------------------------------
    admin = new_page()
    sign_in(admin, people["org_admin"])
    admin.goto(f"/organisation/{org.slug}/locations/")
    check(admin, "locations (empty)")
    admin.get_by_role("button", name="Add a location").click()
    admin.get_by_role("button", name="Add location").click()
    admin.locator(".govuk-error-summary").wait_for()
    check(admin, "add a location with errors")
    admin.get_by_label("Name").fill("Oak House")
    admin.get_by_label("Type of setting").select_option("childrens_home")
    admin.get_by_role("button", name="Add location").click()
    admin.wait_for_url(f"**/organisation/{org.slug}/locations/")
    assert "Oak House" in admin.locator("#current-locations").inner_text()
    check(admin, "locations")
    oak = Location.objects.get(organisation=org)

    # --- A residential worker reports, with two children's details ---------------------------------------------
    worker = new_page()
    sign_in(worker, people["reporter"])
    worker.goto("/report/")
    worker.get_by_role("radio", name="Named – Your safety lead sees your name and can talk to you about it.").check()
    risk = worker.get_by_role("group", name="Could a child be at risk of significant harm right now?")
    risk.get_by_role("radio", name="No", exact=True).check()
    worker.get_by_label("What happened?").fill(WHAT_HAPPENED)
    worker.get_by_label("Where did it happen?").select_option(str(oak.pk))
    first = worker.get_by_role("group", name="Child or young person 1")
    first.get_by_label("Age").select_option("13-15")
    first.get_by_label("Legal status").select_option("looked_after")
    worker.get_by_role("button", name="Add another child or young person").click()
    second = worker.get_by_role("group", name="Child or young person 2")
    second.wait_for()
    # Everything typed so far is still there after adding a child.
    assert worker.get_by_label("What happened?").input_value() == WHAT_HAPPENED
    assert worker.get_by_label("Where did it happen?").input_value() == str(oak.pk)
    assert worker.get_by_role("group", name="Child or young person 1").get_by_label("Age").input_value() == "13-15"
    second.get_by_label("Age").select_option("16-17")
    second.get_by_label("Sex").select_option("male")
    second.get_by_label("Ethnicity").select_option("mixed_white_black_caribbean")
    second.get_by_label("Disabled").select_option("yes")
    check(worker, "report form with two children")
    worker.get_by_role("button", name="Send report").click()
    worker.wait_for_url("**/report/sent/")
    report = Report.objects.get()
    assert report.location == oak and report.location_type == "childrens_home"
    assert list(report.children.values_list("age_band", "legal_status", "sex")) == [
        ("13-15", "looked_after", ""),
        ("16-17", "", "male"),
    ]

    # --- The safety lead sees the home and both children, and grades the harm apart ---------------------------
    lead = new_page()
    sign_in(lead, people["reviewer"])
    lead.goto(f"/review/reports/{report.pk}/")
    where = lead.locator("#where-location").inner_text()
    assert "Oak House" in where and "Children's home" in where
    first_card = lead.locator("#child-details-1").inner_text()
    second_card = lead.locator("#child-details-2").inner_text()
    assert "13 to 15" in first_card and "Looked after" in first_card
    assert "16 or 17" in second_card and "Male" in second_card and "White and Black Caribbean" in second_card
    check(lead, "review page with where and who")
    lead.goto(f"/review/reports/{report.pk}/grading/")
    harm = lead.locator("form", has=lead.get_by_role("button", name="Save harm"))
    harm.get_by_role("radio", name="No physical harm").check()
    harm.get_by_role("radio", name="Moderate psychological harm").check()
    harm.get_by_role("radio", name="Yes, there was a missed opportunity").check()
    check(lead, "grading page with harm")
    harm.get_by_role("button", name="Save harm").click()
    lead.wait_for_url(f"**/review/reports/{report.pk}/grading/#harm")
    assert "Harm graded" in lead.locator(".govuk-notification-banner--success").inner_text()
    report.refresh_from_db()
    assert (report.physical_harm, report.psychological_harm, report.missed_opportunity) == ("none", "moderate", True)
