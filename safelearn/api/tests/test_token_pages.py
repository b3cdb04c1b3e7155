"""The API token page: administrators only, their own rights only, the secret shown once, revocation at once."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from pytest_django import Settings

from safelearn.api.models import ApiToken
from safelearn.api.services import token_authenticate, token_create
from safelearn.core.types import User
from safelearn.organisations.models import Membership, Organisation, Role
from safelearn.reporting.services import SubmissionResult

pytestmark = pytest.mark.django_db


def _form(org: Any, people: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {
        "organisation": str(org.pk),
        "name": "Case system",
        "scopes": ["review:read", "review:write"],
        "days": "90",
        **extra,
    }


@pytest.fixture
def admin_lead(make_user: Callable[..., User], org: Any) -> User:
    """An administrator who is also a safety lead: the one kind of administrator who may issue review tokens."""
    user = make_user("admin-lead", Role.ORG_ADMIN, org)
    Membership.objects.create(user=user, organisation=org, role=Role.REVIEWER)
    return user


def test_admin_creates_a_token_and_sees_the_secret_once(
    client: Client, people: dict[str, User], org: Organisation, admin_lead: Any
) -> None:
    client.force_login(admin_lead)
    assert client.get("/api-tokens/new/").status_code == 200
    response = client.post("/api-tokens/new/", _form(org, people))
    assert response.status_code == 200 and response["Cache-Control"].startswith("max-age=0")
    secret = response.context["secret"]
    assert secret.encode() in response.content
    token = ApiToken.objects.get()
    assert token_authenticate(secret) == token and token.created_by == admin_lead
    listing = client.get("/api-tokens/")
    assert b"Case system" in listing.content and secret.encode() not in listing.content


def test_errors_are_shown_and_input_kept(client: Client, people: dict[str, User], org: Organisation) -> None:
    client.force_login(people["org_admin"])
    response = client.post("/api-tokens/new/", _form(org, people, scopes=[]))
    assert response.status_code == 400 and b"govuk-error-summary" in response.content
    assert b"Choose at least one thing the token may do" in response.content and b"Case system" in response.content
    # The service's own rule: an administrator who is not a safety lead cannot give a token a safety lead's rights.
    wrong = client.post("/api-tokens/new/", _form(org, people))
    assert wrong.status_code == 400 and b"Only a safety lead of" in wrong.content and b"Case system" in wrong.content
    national = client.post("/api-tokens/new/", _form(org, people, scopes=["analytics:read"]))
    assert national.status_code == 400 and b"national organisation" in national.content
    assert not ApiToken.objects.exists()


def test_cannot_choose_another_organisation(
    client: Client, people: dict[str, User], org: Organisation, other_org: Organisation, admin_lead: Any
) -> None:
    client.force_login(admin_lead)
    response = client.post("/api-tokens/new/", _form(other_org, people))
    assert response.status_code == 400 and not ApiToken.objects.exists()


def test_revoke(client: Client, people: dict[str, User], org: Organisation) -> None:
    issued = token_create(organisation=org, name="old", scopes=["review:read"], created_by=people["reviewer"])
    client.force_login(people["org_admin"])
    url = f"/api-tokens/{issued.token.pk}/revoke/"
    assert b"Revoke the token" in client.get(url).content
    assert client.post(url).status_code == 302
    assert token_authenticate(issued.secret) is None


@pytest.mark.parametrize("who", ["reporter", "reviewer", "other_reviewer", "analyst", "no_role"])
def test_only_administrators(client: Client, people: dict[str, User], org: Organisation, who: str) -> None:
    issued = token_create(organisation=org, name="kept", scopes=["review:read"], created_by=people["reviewer"])
    client.force_login(people[who])
    for url in ("/api-tokens/", "/api-tokens/new/", f"/api-tokens/{issued.token.pk}/revoke/"):
        response = client.get(url)
        assert response.status_code == 403 and b"kept" not in response.content
    assert client.post(f"/api-tokens/{issued.token.pk}/revoke/").status_code == 403
    assert token_authenticate(issued.secret) is not None


def test_other_organisations_admin_gets_404(
    client: Client, people: dict[str, User], org: Organisation, other_org: Organisation, make_user: Callable[..., User]
) -> None:
    issued = token_create(organisation=org, name="kept", scopes=["review:read"], created_by=people["reviewer"])
    client.force_login(make_user("other-admin", Role.ORG_ADMIN, other_org))
    assert b"kept" not in client.get("/api-tokens/").content
    assert client.post(f"/api-tokens/{issued.token.pk}/revoke/").status_code == 404
    assert token_authenticate(issued.secret) is not None


def test_signed_out_is_sent_to_sign_in(client: Client) -> None:
    assert client.get("/api-tokens/").status_code == 302


def test_half_signed_in_session_gets_a_problem_not_a_redirect(
    client: Client, people: dict[str, User], settings: Settings, submit_report: Callable[..., SubmissionResult]
) -> None:
    settings.SAFELEARN_REQUIRE_2FA = True
    report = submit_report().report
    client.force_login(people["reviewer"])  # password only: no verified device in this session
    response = client.get(f"/api/v1/review/reports/{report.pk}")
    assert response.status_code == 403 and response["Content-Type"] == "application/problem+json"
    assert "two-factor" in response.json()["detail"] and report.reference not in response.content.decode()
    # Web pages still go to the two-factor step; tokens and public endpoints still work.
    assert client.get("/review/").status_code == 302
    secret = token_create(
        organisation=report.organisation,
        name="t",
        scopes=["review:read"],
        created_by=people["reviewer"],
    ).secret
    with_token = client.get(f"/api/v1/review/reports/{report.pk}", HTTP_AUTHORIZATION=f"Bearer {secret}")
    assert with_token.status_code == 200
    assert client.get("/api/v1/openapi.json").status_code == 200
