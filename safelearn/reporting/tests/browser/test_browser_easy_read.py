"""Issue 21: a young person reports in easy read on a phone, start to end (axe clean, bigger words, pictures)."""

from __future__ import annotations

import re
from typing import Any

from safelearn.reporting.models import Report
from safelearn.web.tests.browser.axe import assert_accessible
from safelearn.web.tests.browser.checks import BROWSER_TEST, PHONE

pytestmark = BROWSER_TEST


def check(page: Any, label: str, picture: str | None = None) -> None:
    assert not page.problems, f"problems on {label}: {page.problems}"
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"), f"{label} scrolls sideways"
    # Bigger words: easy read's body text is 24px (standard GOV.UK text is 16px on a phone).
    size = page.evaluate(
        "parseFloat(getComputedStyle(document.querySelector('.sl-easy-read .govuk-body, "
        ".sl-easy-read .govuk-hint, .sl-easy-read .govuk-radios__label')).fontSize)"
    )
    assert size >= 24, f"{label}: easy-read text is {size}px"
    if picture:
        image = page.get_by_role("img", name=picture)
        assert image.is_visible(), f"{label}: no picture '{picture}'"
        assert image.evaluate("img => img.complete && img.naturalWidth > 0"), f"{label}: the picture did not load"
    assert_accessible(page, label)


def go_on(page: Any) -> None:
    page.get_by_role("button", name="Continue").click()


def test_young_person_reports_in_easy_read_on_a_phone(new_page: Any, org: Any) -> None:
    page = new_page(**PHONE)
    page.goto(f"/r/{org.slug}/")
    assert page.get_by_role("heading", name="Easy read").is_visible()
    page.get_by_role("button", name="Start in easy read").click()

    page.wait_for_url(f"**/r/{org.slug}/danger/")
    check(page, "danger in easy read", "Picture: a warning sign")
    assert page.get_by_role("group", name="Is a child in danger now?").is_visible()
    assert page.get_by_text("Danger means a child could be badly hurt.").is_visible()
    go_on(page)  # no answer: the error keeps the easy words
    page.locator(".govuk-error-summary").wait_for()
    check(page, "danger error in easy read", "Picture: a warning sign")
    page.get_by_role("radio", name="No", exact=True).check()
    go_on(page)

    check(page, "who in easy read", "Picture: a group of people")
    page.get_by_role("radio", name="I am a child or young person").check()
    go_on(page)
    check(page, "name question in easy read", "Picture: a padlock")
    assert page.get_by_role("group", name="Do you want to tell us your name?").is_visible()
    page.get_by_role("radio", name="No. Nobody will know it was me.").check()
    go_on(page)
    check(page, "what in easy read", "Picture: a speech bubble")
    page.get_by_label("What happened?").fill("My social worker did not come. Nobody told me why.")
    go_on(page)
    check(page, "when in easy read", "Picture: a calendar")
    page.get_by_role("radio", name="In the last 7 days").check()
    go_on(page)
    check(page, "help in easy read", "Picture: a light bulb")
    page.get_by_label("What would help stop it happening again?").fill("Tell me if she cannot come.")
    go_on(page)

    check(page, "check answers in easy read")
    assert page.get_by_text("In the last 7 days").is_visible()
    page.get_by_role("button", name="Send report").click()
    page.wait_for_url("**/sent/")
    check(page, "receipt in easy read")
    assert re.fullmatch(r"[0-9A-Z]{4}(-[0-9A-Z]{4}){4}", page.locator("#receipt-code").inner_text().strip())
    page.get_by_label("I have saved my code").check()
    go_on(page)
    page.wait_for_url("**/done/")
    check(page, "thank you in easy read")

    # The same data as the standard journey stores.
    report = Report.objects.get()
    assert report.reporter_role == "young_person" and report.mode == "anonymous"
    assert report.immediate_risk_answer == "no" and report.occurred_on_is_approximate
    assert report.what_would_help == "Tell me if she cannot come."
