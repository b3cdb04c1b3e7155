"""Issue 21: a young person completes the public report in Welsh on a phone (axe clean, lang="cy")."""

from __future__ import annotations

import re
from typing import Any

from safelearn.reporting.models import Report
from safelearn.reporting.tests.browser.public_steps import choose as choose_answer
from safelearn.web.tests.browser.axe import assert_accessible
from safelearn.web.tests.browser.checks import BROWSER_TEST, PHONE

pytestmark = BROWSER_TEST


def check(page: Any, label: str) -> None:
    assert not page.problems, f"problems on {label}: {page.problems}"
    assert page.evaluate("document.documentElement.lang") == "cy", f"{label} is not marked as Welsh"
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"), f"{label} scrolls sideways"
    assert_accessible(page, label)


def choose(page: Any, name: str) -> None:
    choose_answer(page, name, go_on="Parhau")


def test_young_person_reports_in_welsh_on_a_phone(new_page: Any, org: Any) -> None:
    page = new_page(**PHONE)
    page.goto(f"/r/{org.slug}/")
    assert page.evaluate("document.documentElement.lang") == "en-gb"
    # The GOV.UK language select: the link is named in Welsh for screen readers.
    page.get_by_role("link", name="Newid yr iaith i’r Gymraeg").click()
    page.wait_for_url(f"**/r/{org.slug}/")
    check(page, "public start in Welsh")
    assert page.get_by_text("Os yw plentyn mewn perygl ar hyn o bryd, ffoniwch 999").is_visible()
    page.get_by_role("button", name="Dechrau nawr").click()

    check(page, "danger question in Welsh")
    page.get_by_role("button", name="Parhau").click()
    page.locator(".govuk-error-summary").wait_for()
    check(page, "danger question with a Welsh error")
    assert page.get_by_role("link", name="Dewiswch ie, na neu dydw i ddim yn siŵr").is_visible()
    choose(page, "Na")
    check(page, "who question in Welsh")
    choose(page, "Plentyn neu berson ifanc ydw i")
    page.get_by_role("radio", name=re.compile("^Nac ydw, cadwch fi’n ddienw")).check()
    page.get_by_role("button", name="Parhau").click()
    check(page, "what question in Welsh")
    page.get_by_label("Beth ddigwyddodd?").fill("Ni ddaeth fy ngweithiwr cymdeithasol i’m gweld.")
    page.get_by_role("button", name="Parhau").click()
    choose(page, "Ddoe")
    page.get_by_role("button", name="Parhau").click()

    check(page, "check answers in Welsh")
    assert page.get_by_role("heading", name="Gwirio eich atebion").is_visible()
    page.get_by_role("button", name="Anfon adroddiad").click()
    page.wait_for_url("**/sent/")
    check(page, "receipt in Welsh")
    assert page.get_by_role("heading", name="Eich cod derbynneb").is_visible()
    assert page.get_by_text(re.compile(r"erbyn Dydd \w+ \d+ \w+ \d{4}")).first.is_visible()
    words = page.locator("#receipt-words").inner_text().strip()
    assert len(words.split()) == 8  # the receipt as words, in a Welsh page
    page.get_by_label("Rwyf wedi cadw fy nghod").check()
    page.get_by_role("button", name="Parhau").click()
    page.wait_for_url("**/done/")
    check(page, "thank you in Welsh")

    report = Report.objects.get()
    assert report.reporter_role == "young_person" and report.mode == "anonymous"
    # Switching back keeps the visitor on the same page, in English.
    page.get_by_role("link", name="Change the language to English").click()
    page.wait_for_url("**/done/")
    assert page.evaluate("document.documentElement.lang") == "en-gb"
    assert page.get_by_role("heading", name="Thank you").is_visible()
    # Later, the young person checks the report with the words, in Welsh again.
    page.goto("/check/")
    page.get_by_role("link", name="Newid yr iaith i’r Gymraeg").click()
    page.wait_for_url("**/check/")
    check(page, "check your report in Welsh")
    page.get_by_label("Eich cod derbynneb").fill(words)
    page.get_by_role("button", name="Agor fy adroddiad").click()
    page.wait_for_url("**/check/report/")
    check(page, "your report in Welsh")
    assert report.reference in page.content()
