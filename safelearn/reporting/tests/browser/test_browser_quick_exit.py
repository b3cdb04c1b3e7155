"""Quick exit in a real Chromium: button and Shift x3 leave for the neutral site, and Back cannot return.

The neutral site is external, so its address is answered by a local stub (Playwright route): no request
leaves the machine.
"""

from __future__ import annotations

import re
from typing import Any

from safelearn.reporting.models import ReportDraft
from safelearn.web.tests.browser.axe import assert_accessible
from safelearn.web.tests.browser.checks import BROWSER_TEST, PHONE

pytestmark = BROWSER_TEST
NEUTRAL = re.compile(r"^https://www\.bbc\.co\.uk/weather")
STUB = "<!doctype html><title>Weather</title><h1>Weather</h1>"


def _with_neutral_stub(page: Any) -> Any:
    """Serve a stub wherever our server sends the browser to the neutral site; record each such 303.

    Playwright does not reliably pass the second hop of a redirect (the neutral site) to a route handler,
    so our pages' GETs are fetched here without following redirects: a 303 to the neutral site is
    recorded in ``page.left_from`` and answered with the stub, anything else is handed over unchanged.
    """
    page.left_from = []

    def handle(route: Any) -> None:
        request = route.request
        if NEUTRAL.match(request.url):
            route.fulfill(status=200, content_type="text/html", body=STUB)
            return
        if request.method != "GET" or request.resource_type != "document":
            route.continue_()
            return
        response = route.fetch(max_redirects=0)
        if response.status == 303 and NEUTRAL.match(response.headers.get("location", "")):
            page.left_from.append(request.url.split("/", 3)[3])
            route.fulfill(status=200, content_type="text/html", body=STUB)
        else:
            route.fulfill(response=response)

    page.context.route("**/*", handle)
    return page


def _answer_two_questions(page: Any, org: Any) -> None:
    page.goto(f"/r/{org.slug}/")
    page.get_by_role("button", name="Start now").click()
    page.get_by_role("radio", name="No", exact=True).check()
    page.get_by_role("button", name="Continue").click()
    page.get_by_role("radio", name="I am a child or young person", exact=True).check()
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url("**/mode/")


def _assert_left(page: Any, org: Any, history_before: int) -> None:
    page.get_by_role("heading", name="Weather").wait_for()
    assert page.left_from == [f"r/{org.slug}/exit/"]
    # location.replace: the question page's history entry became the exit, no entry was added.
    assert page.evaluate("history.length") == history_before
    assert ReportDraft.objects.count() == 0
    # Back lands on the previous question's entry: the server sends it on to the neutral site.
    page.go_back()
    page.get_by_role("heading", name="Weather").wait_for()
    assert page.left_from[-1] == f"r/{org.slug}/who/"
    assert page.locator("form, input").count() == 0


def test_exit_button_on_a_phone_forgets_the_draft_and_back_does_not_return(new_page: Any, org: Any) -> None:
    page = _with_neutral_stub(new_page(**PHONE))
    _answer_two_questions(page, org)
    assert ReportDraft.objects.count() == 1
    button = page.get_by_role("button", name="Emergency Exit this page")
    assert button.is_visible()
    assert not page.problems, page.problems
    assert_accessible(page, "question page with exit button")

    history_before = page.evaluate("history.length")
    button.click()
    _assert_left(page, org, history_before)


def test_pressing_shift_three_times_leaves_too(new_page: Any, org: Any) -> None:
    page = _with_neutral_stub(new_page())
    _answer_two_questions(page, org)
    history_before = page.evaluate("history.length")
    for _ in range(3):
        page.keyboard.press("Shift")
    _assert_left(page, org, history_before)
