"""GOV.UK-styled error pages: a mistyped link gets help, not Django's bare page; 500 and 503 need no database."""

from __future__ import annotations

import pytest
from django.core.exceptions import SuspiciousOperation
from django.template.loader import render_to_string
from django.test import Client, RequestFactory
from django.urls import reverse
from django.views.defaults import bad_request, server_error

from safelearn.core.types import User

GOVUK_MARKERS = ('class="govuk-template"', 'class="govuk-header"', 'class="govuk-footer"', "govuk-frontend.min.css")


def assert_govuk_page(html: str, heading: str) -> None:
    for marker in GOVUK_MARKERS:
        assert marker in html, marker
    assert f'<h1 class="govuk-heading-l">{heading}</h1>' in html
    assert 'href="/help/"' in html  # footer meta links, even on failure pages


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/no-such-page/", "/r/no-such-council/", "/report/typo/"])
def test_mistyped_links_get_a_helpful_404(client: Client, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 404
    html = response.content.decode()
    assert_govuk_page(html, "Page not found")
    assert "If you typed the web address, check it is correct." in html
    assert reverse("reporting:check_start") in html
    assert "/#find-organisation" in html


@pytest.mark.django_db
def test_refused_page_is_a_govuk_403_for_a_signed_in_person_without_the_role(
    client: Client, people: dict[str, User]
) -> None:
    client.force_login(people["reporter"])
    response = client.get(reverse("review:inbox"))
    assert response.status_code == 403
    html = response.content.decode()
    assert_govuk_page(html, "You cannot see this page")
    assert "Sign out" in html  # the ordinary signed-in header: context processors ran


@pytest.mark.django_db
def test_csrf_failure_page_explains_and_keeps_govuk_styling(people: dict[str, User]) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(people["reporter"])
    response = client.post(reverse("logout"))
    assert response.status_code == 403
    assert_govuk_page(response.content.decode(), "Sorry, that did not work")


# No django_db mark: pytest-django makes any database query in these tests fail loudly.
def test_500_page_renders_without_database_or_context_processors() -> None:
    response = server_error(RequestFactory().get("/report/"))
    assert response.status_code == 500
    html = response.content.decode()
    assert_govuk_page(html, "Sorry, there is a problem with the service")
    assert "Sign out" not in html
    assert reverse("reporting:check_start") in html


def test_400_page_renders_without_database() -> None:
    response = bad_request(RequestFactory().get("/"), exception=SuspiciousOperation("a malformed request"))
    assert response.status_code == 400
    assert_govuk_page(response.content.decode(), "Sorry, there is a problem with that request")


def test_503_page_renders_from_an_empty_context_without_database() -> None:
    html = render_to_string("503.html")
    assert_govuk_page(html, "Sorry, the service is unavailable")
    assert "Try again in a few minutes." in html
