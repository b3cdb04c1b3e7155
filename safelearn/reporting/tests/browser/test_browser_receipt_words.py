"""The receipt's 8 words on a phone: shown, copyable, accessible, and they open the report."""

from __future__ import annotations

import re
from typing import Any

from safelearn.reporting.tests.browser.public_steps import report_as_an_anonymous_child
from safelearn.web.tests.browser.axe import assert_accessible
from safelearn.web.tests.browser.checks import BROWSER_TEST, PHONE

pytestmark = BROWSER_TEST


def test_receipt_words_on_a_phone_open_the_report(new_page: Any, org: Any) -> None:
    page = new_page(**PHONE)
    report_as_an_anonymous_child(
        page, org.slug, danger="No", what="Nobody came to my review meeting.", when="Yesterday"
    )

    words = page.locator("#receipt-words").inner_text().strip()
    assert len(words.split()) == 8
    assert page.get_by_role("button", name="Copy words").is_visible()
    assert not page.problems, page.problems
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    assert_accessible(page, "receipt with words")

    other = new_page(**PHONE)
    other.goto("/check/")
    other.get_by_label("Your receipt code").fill(words.replace(words.split()[1], "notaword"))
    other.get_by_role("button", name="Open my report").click()
    other.locator(".govuk-error-summary").wait_for()
    assert "Check the words" in other.locator(".govuk-error-summary").inner_text()
    assert_accessible(other, "check with a word typo")
    other.get_by_label("Your receipt code").fill("-".join(words.upper().split()))
    other.get_by_role("button", name="Open my report").click()
    other.wait_for_url("**/check/report/")
    assert other.get_by_role("heading", name=re.compile("^Your report")).is_visible()
