"""The public-body pages, the home search and the error pages in a real browser, each scanned by axe-core."""

from __future__ import annotations

from typing import Any

import pytest

from safelearn.organisations.models import Organisation
from safelearn.web.tests.browser.axe import assert_accessible
from safelearn.web.tests.browser.checks import BROWSER_TEST

pytestmark = BROWSER_TEST


def check(page: Any, label: str) -> None:
    """Styled by GOV.UK Frontend, its icons and scripts loaded, no CSP refusal, no axe violation."""
    font = page.evaluate("getComputedStyle(document.querySelector('h1')).fontFamily")
    assert "GDS Transport" in font, f"GOV.UK Frontend's stylesheet did not apply on {label} (font: {font})"
    assert not page.problems, f"problems on {label}: {page.problems}"
    assert_accessible(page, label)


def test_public_pages_are_accessible(new_page: Any, org: Organisation, other_org: Organisation) -> None:
    page = new_page()
    for url, label in [
        ("/accessibility/", "accessibility statement"),
        ("/privacy/", "privacy notices"),
        (f"/privacy/{org.slug}/", "privacy notice of an organisation"),
        ("/cookies/", "cookies page"),
        ("/help/", "help and contact page"),
    ]:
        page.goto(url)
        check(page, label)

    # The favicon the page names is really served (from node_modules through the static files finders).
    icon = page.evaluate("document.querySelector('link[rel=icon]').href")
    assert page.request.get(icon).status == 200


def test_find_an_organisation_from_the_home_page(new_page: Any, org: Organisation, other_org: Organisation) -> None:
    page = new_page()
    page.goto("/")
    check(page, "home page")
    page.get_by_label("Organisation name").fill("x")
    page.get_by_role("button", name="Search").click()
    page.locator("#organisation-error").wait_for()
    assert page.title().startswith("Error:")
    check(page, "home page with a search error")
    page.get_by_label("Organisation name").fill(org.name.split()[0])
    page.get_by_role("button", name="Search").click()
    page.get_by_role("link", name=f"Report to {org.name}").click()
    page.wait_for_url(f"**/r/{org.slug}/")


def test_error_pages_are_accessible(new_page: Any, org: Organisation) -> None:
    page = new_page()
    response = page.goto("/r/no-such-council/")
    assert response is not None and response.status == 404
    check(page, "404 page")
    response = page.goto("/privacy/no-such-council/")
    assert response is not None and response.status == 404
    check(page, "unknown privacy notice page")


@pytest.mark.parametrize("template", ["500.html", "503.html", "400.html"])
def test_failure_pages_are_accessible(new_page: Any, template: str) -> None:
    # These pages are rendered by Django's handlers (or the middleware that catches a locked database), not
    # at a URL: put the exact HTML into a page of this site so its stylesheet and scripts load as usual.
    from django.template.loader import render_to_string

    page = new_page()
    page.goto("/help/")
    page.set_content(render_to_string(template))
    page.wait_for_load_state("load")
    check(page, template)
