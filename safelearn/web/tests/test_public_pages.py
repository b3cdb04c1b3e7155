"""Public-body pages (issue 16): accessibility, privacy notices, cookies, help; phase banner and footer."""

from __future__ import annotations

from typing import Any

import pytest
from django.http import StreamingHttpResponse
from django.test import Client
from django.urls import reverse
from django.utils.html import escape

from safelearn.core.types import User
from safelearn.organisations.models import Organisation

pytestmark = pytest.mark.django_db

PUBLIC_PAGES = ["accessibility", "cookies", "help", "privacy"]


@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_public_page_renders_for_anyone(client: Client, people: dict[str, User], name: str) -> None:
    for user in (None, people["reporter"], people["analyst"]):
        if user is not None:
            client.force_login(user)
        response = client.get(reverse(name))
        assert response.status_code == 200
        html = response.content.decode()
        assert html.count("<h1") == 1
        assert 'class="govuk-footer"' in html


def test_every_page_has_the_footer_meta_links_and_phase_banner_feedback(client: Client) -> None:
    html = client.get("/").content.decode()
    for name in ("help", "accessibility", "privacy", "cookies"):
        assert f'class="govuk-footer__link" href="{reverse(name)}"' in html
    assert 'href="/help/#feedback">Give your feedback</a>' in html
    assert 'id="feedback"' in client.get(reverse("help")).content.decode()


def test_accessibility_statement_states_wcag_status_and_how_to_report(client: Client, settings: Any) -> None:
    settings.SAFELEARN_SERVICE_EMAIL = "access@safelearn.example.org"
    html = client.get(reverse("accessibility")).content.decode()
    assert "partially compliant with the" in html and "2.2" in html and "AA standard" in html
    assert 'id="report-a-problem"' in html
    assert "mailto:access@safelearn.example.org" in html
    assert "Equality Advisory and Support Service" in html


def test_cookies_page_lists_exactly_the_essential_cookies_by_their_real_names(client: Client, settings: Any) -> None:
    settings.SESSION_COOKIE_NAME = "sl_session"
    html = client.get(reverse("cookies")).content.decode()
    assert "<code>sl_session</code>" in html and "<code>csrftoken</code>" in html and "<code>messages</code>" in html
    assert "only uses essential cookies" in html
    assert html.count("<code>") == 3


def test_privacy_index_links_every_organisation(client: Client, org: Organisation, other_org: Organisation) -> None:
    html = client.get(reverse("privacy")).content.decode()
    for organisation in (org, other_org):
        assert reverse("privacy_organisation", args=[organisation.slug]) in html


def test_privacy_notice_per_organisation_names_controller_basis_retention_rights(
    client: Client, org: Organisation, settings: Any
) -> None:
    settings.SAFELEARN_RAW_RETENTION_DAYS = 91
    settings.SAFELEARN_IDENTITY_RETENTION_DAYS = 31
    settings.SAFELEARN_DRAFT_RETENTION_DAYS = 29
    response = client.get(reverse("privacy_organisation", args=[org.slug]))
    assert response.status_code == 200
    html = response.content.decode()
    assert f"{escape(org.name)} is the data controller" in html
    assert "Article 6(1)(e)" in html and "Article 9(2)(g)" in html
    assert "deleted 91 days after" in html and "destroyed 31 days after" in html and "after 29 days" in html
    assert 'id="rights"' in html and "Information Commissioner" in html
    assert 'id="anonymous-and-confidential"' in html
    assert "IP address" in html  # what an anonymous report does not record


def test_privacy_notice_of_a_closed_reporting_link_is_still_public(client: Client, org: Organisation) -> None:
    Organisation.objects.filter(pk=org.pk).update(public_reporting_enabled=False)
    assert client.get(reverse("privacy_organisation", args=[org.slug])).status_code == 200


def test_national_body_privacy_notice_describes_de_identified_data_only(
    client: Client, national_org: Organisation
) -> None:
    html = client.get(reverse("privacy_organisation", args=[national_org.slug])).content.decode()
    assert "never see the original report" in html
    assert "confidential reporter’s name and contact details: destroyed" not in html


def test_privacy_notice_for_unknown_organisation_is_a_helpful_404(client: Client, org: Organisation) -> None:
    response = client.get("/privacy/no-such-council/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Privacy notice not found" in html
    assert "no-such-council" in html
    assert reverse("privacy_organisation", args=[org.slug]) in html  # the notices people may want


def test_public_pages_link_their_icons_from_govuk_frontend(client: Client) -> None:
    html = client.get(reverse("help")).content.decode()
    assert 'rel="icon" sizes="48x48" href="/static/govuk/assets/images/favicon.ico"' in html
    assert 'rel="apple-touch-icon" href="/static/govuk/assets/images/govuk-icon-180.png"' in html


def test_favicon_redirects_to_the_collected_govuk_icon(client: Client) -> None:
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"] == "/static/govuk/assets/images/favicon.ico"
    icon = client.get(response["Location"])  # served by WhiteNoise from node_modules (WHITENOISE_USE_FINDERS)
    assert icon.status_code == 200
    assert isinstance(icon, StreamingHttpResponse)
    assert b"".join(icon.streaming_content)[:4] == b"\x00\x00\x01\x00"  # an ICO file header


def test_public_reporting_link_points_to_that_organisations_privacy_notice(client: Client, org: Organisation) -> None:
    html = client.get(reverse("reporting:public_start", args=[org.slug])).content.decode()
    assert f'href="{reverse("privacy_organisation", args=[org.slug])}"' in html
