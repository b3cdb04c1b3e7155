"""Issue 16: every page each demo role can reach, in Chromium, passes axe at 1280 and 375 px and does not
scroll sideways at 320 px.

The reviewer's pages have their own, fuller check (safelearn/review/tests/test_browser_responsive.py), so
this one covers the other roles and the signed-out public pages. Like test_navigation_reachable.py it
signs in to the demo as each role and follows same-site links from the home page; each kind of page (its
resolved URL name) is checked once, by the first role that reaches it, to keep the run short.
"""

from __future__ import annotations

from collections import deque
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import Resolver404, resolve

from safelearn.demo.loader import load_everything
from safelearn.web.tests.browser.axe import axe_violations, format_violations
from safelearn.web.tests.browser.checks import BROWSER_TEST, OVERFLOW
from safelearn.web.tests.browser.plugin import CHROMIUM, browser, new_page  # noqa: F401
from safelearn.web.tests.test_navigation_reachable import DOWNLOAD_SUFFIXES, HREF, SKIP_PREFIXES

pytestmark = BROWSER_TEST

#: The roles checked here, as demo users; None is a signed-out visitor. The reviewer has its own test.
ROLES = ["nb-reporter", "nb-admin", "analyst", "national-admin", None]
MAX_PAGES_PER_ROLE = 40
#: Links a crawl must not follow: they end the session, leave the site or download a file.
NOT_FOLLOWED = (*SKIP_PREFIXES, "/exit/", "/quick-exit/")
NOT_PAGES = (*DOWNLOAD_SUFFIXES, ".atom", ".xml", ".txt", ".png", ".svg")
#: Reviewer pages: already checked, with a fully reviewed report, by the review app's responsive test.
COVERED_ELSEWHERE_PREFIXES = ("review:",)

#: Page kinds that fail for a reason not fixed yet: URL name -> why. Empty means every page passes.
KNOWN_FAILURES: dict[str, str] = {}


def _crawl(client: Client, seen_names: set[str]) -> list[tuple[str, str]]:
    """(URL name, path) of each new kind of GET page reachable by links from the home page."""
    pages: list[tuple[str, str]] = []
    visited: set[str] = {"/"}
    queue: deque[str] = deque(["/"])
    while queue and len(pages) < MAX_PAGES_PER_ROLE:
        path = queue.popleft()
        response = client.get(path)
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        name = resolve(path).view_name
        if name not in seen_names and not name.startswith(COVERED_ELSEWHERE_PREFIXES):
            seen_names.add(name)
            pages.append((name, path))
        for href in HREF.findall(response.content.decode()):
            target = urlsplit(href).path
            if target in visited or target.startswith(NOT_FOLLOWED) or target.endswith(NOT_PAGES):
                continue
            if "sign-out" in target or "logout" in target or "exit" in target:
                continue
            try:
                target_name = resolve(target).view_name
            except Resolver404:
                continue
            visited.add(target)
            # One page per kind: a second report's page teaches nothing the first one did not.
            if target_name not in seen_names:
                queue.append(target)
    return pages


def _share_session(client: Client, page: Any, base_url: str) -> None:
    """Give the browser the test client's session: the full demo gives its users a second factor to sign in."""
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": base_url}])


def _check(page: Any, role: str, name: str, path: str) -> list[str]:
    failures: list[str] = []
    where = f"{name} ({path}) as {role}"
    for width, height in ((1280, 800), (375, 667)):
        page.set_viewport_size({"width": width, "height": height})
        response = page.goto(path)
        if response is None or response.status != 200 or urlsplit(page.url).path != path:
            # A redirect (to sign in, say) would have axe judge some other page.
            failures.append(f"{where} at {width} px: status {response and response.status} at {page.url}")
            continue
        violations = axe_violations(page)
        if violations:
            failures.append(f"{where} at {width} px:\n{format_violations(violations)}")
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(path)
    overflow = page.evaluate(OVERFLOW, 320)
    if overflow["scroll"] > 320:
        failures.append(f"{where} scrolls sideways at 320 px: {overflow}")
    if page.problems:
        failures.append(f"{where}: {page.problems}")
        page.problems.clear()
    return failures


def test_every_page_of_every_role_on_desktop_and_phones(new_page: Any, live_server: Any) -> None:  # noqa: F811
    # The whole demo, so case reviews, bulletins, alerts and learning have pages of their own to check.
    load_everything()
    seen_names: set[str] = set()
    failures: list[str] = []
    checked: list[str] = []
    for username in ROLES:
        client = Client()
        page = new_page()
        role = username or "signed out"
        if username is not None:
            client.force_login(get_user_model().objects.get(username=username))
            _share_session(client, page, live_server.url)
        for name, path in _crawl(client, seen_names):
            checked.append(name)
            if name in KNOWN_FAILURES:
                continue
            failures.extend(_check(page, role, name, path))
    assert len(checked) > 30, f"the crawl found too few pages to be a real check: {checked}"
    assert not failures, f"{len(failures)} failure(s) over {len(checked)} pages:\n" + "\n".join(failures)
