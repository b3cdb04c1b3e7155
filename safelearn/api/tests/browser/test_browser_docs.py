"""/api/v1/docs in a real Chromium under the site's CSP: Swagger UI loads from our own static files and runs."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from safelearn.web.tests.browser.checks import BROWSER_TEST

pytestmark = BROWSER_TEST


def test_swagger_ui_renders_under_the_csp(new_page: Any, live_server: Any) -> None:
    page = new_page()
    hosts: set[str] = set()
    page.on("request", lambda request: hosts.add(urlsplit(request.url).netloc))
    response = page.goto("/api/v1/docs")
    assert response is not None and "script-src 'self'" in response.headers["content-security-policy"]
    # Swagger UI built the page from the OpenAPI document: title and the operations are there.
    page.locator(".swagger-ui .info .title").filter(has_text="SafeLearn API").wait_for()
    page.locator(".opblock-summary-path", has_text="/api/v1/receipts/status").first.wait_for()
    assert page.locator(".opblock").count() > 10
    # Opening an operation works (scripts run, nothing refused by the CSP on the way).
    page.locator(".opblock-summary", has_text="/api/v1/receipts/status").first.click()
    page.get_by_role("button", name="Try it out").first.wait_for()
    assert not page.problems, page.problems  # CSP refusals, JavaScript errors, assets that failed to load
    assert hosts == {urlsplit(live_server.url).netloc}, f"requests left the site: {sorted(hosts)}"
