"""The foundation journey in a real browser, with an axe-core scan of every page a person sees on the way.

A reporter sends a report (meeting a validation error first), keeps the receipt code and sees it listed; a
safety lead of the same organisation finds it in the inbox, opens it and marks it triaged.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from safelearn.core.types import User
from safelearn.reporting.models import Report, ReportStatus
from safelearn.web.tests.browser.axe import assert_accessible
from safelearn.web.tests.browser.checks import BROWSER_TEST
from safelearn.web.tests.two_factor import TWO_FACTOR_PATH, current_code, give_authenticator

pytestmark = BROWSER_TEST

WHAT_HAPPENED = "The planned visit to the child did not happen because the duty rota had a gap on Friday."
HOW_NOTICED = "The team manager noticed at the Monday handover meeting."
RECEIPT_CODE = re.compile(r"^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){4}$")


def check_page(page: Any, label: str) -> None:
    """Every page in the journey: styled by GOV.UK Frontend, nothing blocked or broken, no axe violations."""
    font = page.evaluate("getComputedStyle(document.querySelector('h1')).fontFamily")
    assert "GDS Transport" in font, f"GOV.UK Frontend's stylesheet did not apply on {label} (font: {font})"
    assert page.evaluate("document.body.classList.contains('govuk-frontend-supported')"), (
        f"init.js did not run on {label}"
    )
    assert not page.problems, f"problems on {label}: {page.problems}"
    assert_accessible(page, label)


def test_reporter_and_reviewer_journey(new_page: Any, sign_in: Any, people: dict[str, User], settings: Any) -> None:
    settings.SAFELEARN_REQUIRE_2FA = True  # as in production: safety leads enter a security code
    # --- The reporter -------------------------------------------------------------------------------------
    page = new_page()
    page.goto("/sign-in/")
    check_page(page, "sign-in page")
    sign_in(page, people["reporter"])

    page.get_by_role("link", name="Report something").first.click()
    page.wait_for_url("**/report/")
    check_page(page, "report form")

    page.get_by_role("radio", name=re.compile(r"^Named")).check()
    risk = page.get_by_role("group", name=re.compile("Could a child be at risk"))
    risk.get_by_role("radio", name="No", exact=True).check()
    page.get_by_label("How was it noticed or stopped?").fill(HOW_NOTICED)
    page.get_by_label("If it is not on the list, what type of place was it?").select_option("team")
    page.get_by_role("button", name="Send report").click()

    # Missing narrative: the error summary leads to the field, and nothing typed is lost.
    summary = page.locator(".govuk-error-summary")
    summary.wait_for()
    assert page.title().startswith("Error:")
    summary_link = summary.get_by_role("link", name="Tell us what happened")
    assert summary_link.is_visible()
    assert page.get_by_label("How was it noticed or stopped?").input_value() == HOW_NOTICED
    assert page.get_by_role("radio", name=re.compile(r"^Named")).is_checked()
    assert risk.get_by_role("radio", name="No", exact=True).is_checked()
    check_page(page, "report form with errors")
    summary_link.click()
    assert page.evaluate("document.activeElement.id") == "id_what_happened"

    page.get_by_label("What happened?").fill(WHAT_HAPPENED)
    page.get_by_role("button", name="Send report").click()
    page.wait_for_url("**/report/sent/")
    code = page.locator("#receipt-code").inner_text().strip()
    assert RECEIPT_CODE.match(code), code
    report = Report.objects.get()
    assert page.get_by_text(report.reference).first.is_visible()
    check_page(page, "receipt page")

    # Continue without confirming: asked again, code still shown.
    page.get_by_role("button", name="Continue").click()
    page.locator(".govuk-error-summary").wait_for()
    assert page.locator("#receipt-code").inner_text().strip() == code
    check_page(page, "receipt page with error")

    page.get_by_label(re.compile(r"^I have saved my (receipt )?code")).check()
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url("**/my-reports/")
    assert page.get_by_role("link", name=report.reference).is_visible()
    assert f"Report {report.reference} has been sent" in page.locator("main").inner_text()
    check_page(page, "my reports")
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_url(lambda url: "/my-reports/" not in url)

    # --- The safety lead ----------------------------------------------------------------------------------
    device = give_authenticator(people["reviewer"])
    lead = new_page()
    sign_in(lead, people["reviewer"])
    assert TWO_FACTOR_PATH in lead.url  # safety leads prove it is them with their authenticator app
    check_page(lead, "two-factor security code page")
    lead.get_by_label("Security code").fill(current_code(device))
    lead.get_by_role("button", name="Continue").click()
    lead.wait_for_url(lambda url: TWO_FACTOR_PATH not in url)
    lead.get_by_role("link", name="Inbox").first.click()
    lead.wait_for_url("**/review/")
    check_page(lead, "inbox")

    lead.get_by_label("Status").select_option(ReportStatus.SUBMITTED)
    lead.get_by_role("button", name="Filter").click()
    lead.wait_for_url(re.compile(r"status=submitted"))
    check_page(lead, "inbox filtered")
    lead.get_by_role("link", name=report.reference).click()
    lead.wait_for_url(f"**/review/reports/{report.pk}/")
    assert WHAT_HAPPENED in lead.locator("main").inner_text()
    check_page(lead, "report detail")

    lead.get_by_role("radio", name="Mark as triaged").check()
    lead.get_by_role("button", name="Update status").click()
    lead.locator(".govuk-notification-banner:visible").wait_for()
    assert lead.locator(".govuk-summary-list .govuk-tag").first.inner_text().strip() == "Triaged"
    check_page(lead, "report detail after triage")
    report.refresh_from_db()
    assert report.status == ReportStatus.TRIAGED

    # The reporter sees the new status too.
    sign_in(page, people["reporter"])
    page.goto("/my-reports/")
    assert "Triaged" in page.locator("main").inner_text()


def test_report_form_fits_a_phone(new_page: Any, sign_in: Any, people: dict[str, User]) -> None:
    page = new_page(viewport={"width": 375, "height": 667}, is_mobile=True, has_touch=True)
    sign_in(page, people["reporter"])
    page.goto("/report/")
    for label in ("report form on a phone", "report form with errors on a phone"):
        overflow = page.evaluate(
            "() => ({scroll: document.documentElement.scrollWidth, inner: window.innerWidth,"
            " wide: [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right >"
            " window.innerWidth + 1).slice(0, 5).map(e => e.tagName + (e.id ? '#' + e.id : '') + '.' +"
            " [...e.classList].join('.'))})"
        )
        assert overflow["scroll"] <= overflow["inner"], f"{label} scrolls sideways: {overflow}"
        check_page(page, label)
        page.get_by_role("button", name="Send report").click()
        page.locator(".govuk-error-summary").wait_for()


def test_the_accessibility_scan_reports_violations(new_page: Any) -> None:
    """The harness itself: a page with known faults must fail with readable rule ids and selectors."""
    page = new_page()
    page.set_content(
        '<html><head><title>Broken</title></head><body><main><h1>Broken</h1><input id="unlabelled" type="text">'
        '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" id="no-alt"></main></body></html>'
    )
    with pytest.raises(AssertionError) as failure:
        assert_accessible(page, "a deliberately broken page")
    message = str(failure.value)
    assert "image-alt (critical)" in message
    assert "#no-alt" in message
    assert "label" in message and "#unlabelled" in message
