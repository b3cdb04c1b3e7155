"""The reporting kit page and the national administration pages in a real browser, scanned by axe-core."""

from __future__ import annotations

from typing import Any

from safelearn.organisations.models import Organisation, Role
from safelearn.web.tests.browser.checks import BROWSER_TEST
from safelearn.web.tests.browser.checks import check_page as check

pytestmark = BROWSER_TEST


def test_reporting_kit_page_is_accessible_and_offers_the_pdfs(
    new_page: Any, sign_in: Any, people: dict[str, Any], org: Organisation
) -> None:
    page = new_page()
    sign_in(page, people["org_admin"])
    page.get_by_role("link", name="Public reporting link and posters").first.click()
    page.wait_for_url(f"**/reporting-kit/{org.slug}/")
    check(page, "reporting kit page")
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the A4 poster (PDF)").click()
    assert download.value.suggested_filename == f"safelearn-{org.slug}-poster.pdf"


def test_national_pages_are_accessible(
    new_page: Any, sign_in: Any, make_user: Any, national_org: Organisation, org: Organisation
) -> None:
    admin = make_user("national-admin", Role.ORG_ADMIN, national_org)
    page = new_page()
    sign_in(page, admin)
    page.get_by_role("link", name="Organisations: set-up status, and setting up a new one").click()
    page.wait_for_url("**/national/organisations/")
    check(page, "national organisations list")
    page.get_by_role("button", name="Set up an organisation").click()
    page.wait_for_url("**/national/organisations/new/")
    check(page, "set up an organisation")
    page.get_by_role("button", name="Set up organisation").click()
    page.locator(".govuk-error-summary").wait_for()
    assert page.title().startswith("Error:")
    check(page, "set up an organisation, with errors")
    page.get_by_label("Organisation name").fill("Eastvale Family Services")
    page.get_by_label("Agency").check()
    page.get_by_label("Short web name").fill("eastvale")
    page.get_by_label("Reference prefix").fill("EV")
    page.get_by_label("First administrator's email address").fill("first@eastvale.example.org")
    page.get_by_role("button", name="Set up organisation").click()
    page.wait_for_url("**/national/organisations/")
    assert "Eastvale Family Services" in page.locator("#setup-status").inner_text()
    check(page, "national organisations list after setting one up")
