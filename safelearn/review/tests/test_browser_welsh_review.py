"""Issue 21: a Welsh-speaking safety lead with Welsh saved on their account signs in on a new browser and
reviews in Welsh: the inbox and a report's page are marked lang="cy", in Welsh, and axe clean."""

from __future__ import annotations

from typing import Any

from safelearn.accounts.models import AccountSettings
from safelearn.core.types import User
from safelearn.web.tests.browser.checks import BROWSER_TEST, check_page

pytestmark = BROWSER_TEST


def check(page: Any, label: str) -> None:
    check_page(page, label, lang="cy")


def test_welsh_safety_lead_reviews_in_welsh_on_a_new_device(
    new_page: Any, sign_in: Any, people: dict[str, User], submit_report: Any
) -> None:
    result = submit_report(incident_type="missed_visit_or_contact")
    AccountSettings.objects.create(user=people["reviewer"], language="cy")
    page = new_page()
    # A browser that has never seen SafeLearn: the sign-in page is in English, the account says Welsh.
    sign_in(page, people["reviewer"])

    page.goto("/review/")
    check(page, "review inbox in Welsh")
    assert page.get_by_role("heading", name="Adroddiadau i’w hadolygu").is_visible()
    assert page.get_by_text("Ymweliad neu gyswllt a gollwyd").is_visible()  # taxonomy label in Welsh
    assert page.get_by_text("Reports to review").count() == 0

    page.get_by_role("link", name=result.report.reference).click()
    page.wait_for_url(f"**/review/reports/{result.report.pk}/")
    check(page, "report summary in Welsh")
    assert page.get_by_role("heading", name=f"Adroddiad {result.report.reference}").is_visible()
    nav = page.get_by_role("navigation", name="Rhannau’r adolygiad hwn")
    assert nav.get_by_role("link", name="Graddio a chlociau").is_visible()

    nav.get_by_role("link", name="Camau gweithredu").click()
    page.wait_for_url("**/actions/")
    check(page, "report actions in Welsh")
