"""Steps through the public report form that several browser tests take, so each test shows only what it checks."""

from __future__ import annotations

import re
from typing import Any


def choose(page: Any, name: str, *, go_on: str = "Continue") -> None:
    """Pick one answer to a question with radio buttons and go on to the next question."""
    page.get_by_role("radio", name=name, exact=True).check()
    page.get_by_role("button", name=go_on).click()


def stay_anonymous(page: Any) -> None:
    page.get_by_role("radio", name=re.compile("^No, keep me anonymous")).check()
    page.get_by_role("button", name="Continue").click()


def say_what_happened(page: Any, words: str) -> None:
    page.get_by_label("What happened?").fill(words)
    page.get_by_role("button", name="Continue").click()


def report_as_an_anonymous_child(page: Any, org_slug: str, *, danger: str, what: str, when: str) -> None:
    """The shortest public report, from the start page to the receipt: a child or young person, anonymous."""
    page.goto(f"/r/{org_slug}/")
    page.get_by_role("button", name="Start now").click()
    choose(page, danger)
    choose(page, "I am a child or young person")
    stay_anonymous(page)
    say_what_happened(page, what)
    choose(page, when)
    page.get_by_role("button", name="Continue").click()  # the optional questions, left blank
    page.get_by_role("button", name="Send report").click()
    page.wait_for_url("**/sent/")
