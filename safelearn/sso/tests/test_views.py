"""The organisation chooser and the start/callback endpoints: input handling and who may use them."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils.html import escape

from safelearn.accounts.testing import login_verified
from safelearn.core.types import User
from safelearn.organisations.models import Organisation
from safelearn.sso.models import IdentityProvider
from safelearn.sso.tests.conftest import register

pytestmark = pytest.mark.django_db


def test_chooser_shows_a_labelled_email_field(client: Client) -> None:
    response = client.get(reverse("sso:choose"))
    html = response.content.decode()
    assert response.status_code == 200
    assert '<label class="govuk-label" for="id_email">' in html
    assert "<script" not in html.split("</main>")[0].split("<main")[-1]


def test_unknown_domain_keeps_what_was_typed_and_explains(client: Client, idp: Any) -> None:
    response = client.post(reverse("sso:choose"), {"email": "jo@nowhere.example"})
    html = response.content.decode()
    assert response.status_code == 400
    assert "There is a problem" in html
    assert "does not use single sign-on" in html
    assert 'value="jo@nowhere.example"' in html


def test_invalid_email_is_explained(client: Client) -> None:
    response = client.post(reverse("sso:choose"), {"email": "not-an-email"})
    assert response.status_code == 400
    assert "in the correct format" in response.content.decode()


def test_known_domain_redirects_to_start_with_next(client: Client, idp: Any) -> None:
    response = client.post(reverse("sso:choose"), {"email": "Sam@Northbridge.gov.uk", "next": "/review/"})
    assert response.status_code == 302
    assert response["Location"] == f"/sso/start/{idp.pk}/?next=%2Freview%2F"


def test_unsafe_next_is_dropped(client: Client, idp: Any) -> None:
    response = client.post(reverse("sso:choose"), {"email": "sam@northbridge.gov.uk", "next": "https://evil.example/"})
    assert response["Location"] == f"/sso/start/{idp.pk}/"


def test_email_is_passed_as_login_hint(client: Client, oidc: Any, idp: Any) -> None:
    client.post(reverse("sso:choose"), {"email": "sam@northbridge.gov.uk"})
    response = client.get(f"/sso/start/{idp.pk}/")
    assert "login_hint=sam%40northbridge.gov.uk" in response["Location"]


def test_shared_domain_asks_which_organisation(
    client: Client, make_oidc_provider: Any, oidc: Any, idp: Any, other_org: Organisation
) -> None:
    westmoor = register(make_oidc_provider(), other_org, "northbridge.gov.uk")
    response = client.post(reverse("sso:choose"), {"email": "sam@northbridge.gov.uk"})
    html = response.content.decode()
    assert response.status_code == 400
    assert "Select the organisation you work for" in html
    assert escape(str(other_org)) in html and escape(str(idp.organisation)) in html
    chosen = client.post(reverse("sso:choose"), {"email": "sam@northbridge.gov.uk", "provider": str(westmoor.pk)})
    assert chosen["Location"] == f"/sso/start/{westmoor.pk}/"


def test_disabled_provider_is_not_offered_or_startable(client: Client, idp: Any) -> None:
    idp.enabled = False
    idp.save()
    assert client.post(reverse("sso:choose"), {"email": "sam@northbridge.gov.uk"}).status_code == 400
    assert client.get(f"/sso/start/{idp.pk}/").status_code == 404


def test_unknown_provider_is_404(client: Client, db: None) -> None:
    assert client.get("/sso/start/00000000-0000-0000-0000-000000000000/").status_code == 404


def test_unreachable_provider_says_so(client: Client, org: Organisation) -> None:
    provider = IdentityProvider.objects.create(
        organisation=org, name="Down", issuer="http://127.0.0.1:9", client_id="x", allowed_email_domains="a.org"
    )
    response = client.get(f"/sso/start/{provider.pk}/")
    assert response.status_code == 503
    assert "not available right now" in response.content.decode()


def test_callback_without_a_started_sign_in_is_refused(client: Client, db: None) -> None:
    response = client.get("/sso/callback/?code=abc&state=made-up")
    assert response.status_code == 403
    assert "expired or was already used" in response.content.decode()
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize("who", ["reporter", "reviewer", "other_reviewer", "analyst", "no_role"])
def test_signed_in_people_see_no_data_and_cannot_gain_roles_elsewhere(
    client: Client, people: dict[str, User], who: str, oidc: Any, idp: Any
) -> None:
    """The SSO pages are sign-in pages: any visitor may use them; they reveal only organisation names."""
    login_verified(client, people[who])
    response = client.get(reverse("sso:choose"))
    assert response.status_code == 200
    # A callback not started in this session changes nobody's memberships.
    before = set(people[who].memberships.values_list("organisation", "role"))
    assert client.get("/sso/callback/?code=abc&state=x").status_code == 403
    assert set(people[who].memberships.values_list("organisation", "role")) == before


def test_provider_names_only_appear_for_a_matching_domain(client: Client, idp: Any, other_org: Organisation) -> None:
    html = client.get(reverse("sso:choose")).content.decode()
    assert escape(str(idp.organisation)) not in html  # no list of organisations to browse


def test_provider_error_for_a_started_sign_in_is_audited_once(client: Client, oidc: Any, idp: Any) -> None:
    from urllib.parse import parse_qs, urlsplit

    from safelearn.core.models import AuditEvent

    state = parse_qs(urlsplit(client.get(f"/sso/start/{idp.pk}/")["Location"]).query)["state"][0]
    client.get(f"/sso/callback/?error=access_denied&state={state}")
    client.get("/sso/callback/?error=access_denied&state=forged")
    events = AuditEvent.objects.filter(verb="sso.sign_in_refused")
    assert [e.target_id for e in events] == [str(idp.pk)]
