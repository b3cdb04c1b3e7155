"""The whole sign-in journey against a real local OIDC provider: happy path, refusals, 2FA and isolation."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from pytest_django import Settings

from safelearn.core.models import AuditEvent
from safelearn.core.types import User
from safelearn.organisations.models import Membership, Organisation, Role
from safelearn.sso.models import ExternalIdentity
from safelearn.sso.tests.conftest import register

pytestmark = pytest.mark.django_db


def _signed_in_user(client: Any) -> Any:
    user_id = client.session.get("_auth_user_id")
    return get_user_model().objects.get(pk=user_id) if user_id else None


def test_first_sign_in_creates_user_and_maps_groups_to_membership(
    client: Client, oidc: Any, idp: Any, sign_in_via: Any
) -> None:
    oidc.user.groups = ["grp-reviewers", "grp-unrelated"]
    response = sign_in_via(idp)

    assert response.status_code == 302
    assert response["Location"] == "/"
    user = _signed_in_user(client)
    assert user is not None
    assert user.username.startswith("sso-northbridge-")
    assert (user.email, user.first_name, user.last_name) == ("sam.patel@northbridge.gov.uk", "Sam", "Patel")
    assert not user.has_usable_password()
    assert set(Membership.objects.filter(user=user).values_list("organisation", "role")) == {
        (idp.organisation_id, Role.REVIEWER)
    }
    assert ExternalIdentity.objects.get(provider=idp, subject="user-123").user == user
    assert AuditEvent.objects.filter(verb="sso.user_created", actor=user).exists()
    assert AuditEvent.objects.filter(verb="sso.membership_granted", actor=user).exists()
    # What the relying party sent: PKCE, nonce, the profile scope, and the client's credentials.
    sent = oidc.authorize_requests[-1]
    assert sent["code_challenge_method"] == "S256" and sent["nonce"] and "profile" in sent["scope"]


def test_next_url_is_kept_through_the_round_trip(client: Client, oidc: Any, idp: Any, sign_in_via: Any) -> None:
    response = sign_in_via(idp, next_url="/review/")
    assert response.status_code == 302 and response["Location"] == "/review/"


def test_second_sign_in_updates_the_same_user_and_revokes_removed_roles(
    client: Client, oidc: Any, idp: Any, sign_in_via: Any
) -> None:
    oidc.user.groups = ["grp-reviewers", "grp-admins"]
    sign_in_via(idp)
    first = _signed_in_user(client)
    client.logout()

    oidc.user.groups = ["grp-reporters"]
    oidc.user.email = "sam.patel-smith@northbridge.gov.uk"
    sign_in_via(idp)
    second = _signed_in_user(client)

    assert second.pk == first.pk  # keyed by (issuer, sub), not by the email that changed
    assert second.email == "sam.patel-smith@northbridge.gov.uk"
    assert set(Membership.objects.filter(user=second).values_list("role", flat=True)) == {Role.REPORTER}
    assert AuditEvent.objects.filter(verb="sso.membership_revoked").count() == 2


def test_default_role_when_no_group_matches(client: Client, oidc: Any, org: Organisation, sign_in_via: Any) -> None:
    provider = register(oidc, org, "northbridge.gov.uk", default_role=Role.REPORTER)
    oidc.user.groups = []
    assert sign_in_via(provider).status_code == 302
    assert set(Membership.objects.filter(user=_signed_in_user(client)).values_list("role", flat=True)) == {
        Role.REPORTER
    }


def test_no_mapped_group_and_no_default_is_refused(client: Client, oidc: Any, idp: Any, sign_in_via: Any) -> None:
    oidc.user.groups = ["grp-unrelated"]
    response = sign_in_via(idp)
    assert response.status_code == 403
    assert "has not given your account access" in response.content.decode()
    assert _signed_in_user(client) is None
    assert not get_user_model().objects.filter(username__startswith="sso-").exists()


def _assert_refused(client: Any, response: Any, words: str) -> None:
    assert response.status_code == 403
    assert words in response.content.decode()
    assert _signed_in_user(client) is None
    assert not Membership.objects.filter(user__username__startswith="sso-").exists()
    assert AuditEvent.objects.filter(verb="sso.sign_in_refused").exists()


@pytest.mark.parametrize(
    ("part", "attribute", "value", "words"),
    [
        pytest.param("tamper", "issuer", "https://evil.example.com", "different issuer", id="wrong issuer"),
        pytest.param("tamper", "audience", "some-other-app", "issued for a different application", id="wrong audience"),
        pytest.param("tamper", "nonce", "replayed-nonce", "does not belong to this sign-in attempt", id="wrong nonce"),
        pytest.param("tamper", "expired", True, "token has expired", id="expired token"),
        pytest.param("tamper", "foreign_key", True, "not valid", id="signed by another key"),
        pytest.param(
            "tamper", "userinfo_sub", "someone-else", "described a different person", id="userinfo for another"
        ),
        pytest.param("user", "email", "sam@gmail.com", "is not one that Northbridge", id="email outside domains"),
    ],
)
def test_a_doubtful_answer_from_the_provider_is_refused(
    client: Client, oidc: Any, idp: Any, sign_in_via: Any, part: str, attribute: str, value: object, words: str
) -> None:
    setattr(getattr(oidc, part), attribute, value)
    _assert_refused(client, sign_in_via(idp), words)


def test_replaying_the_callback_is_refused(client: Client, oidc: Any, idp: Any, sign_in_via: Any) -> None:
    response = sign_in_via(idp)
    assert response.status_code == 302
    client.logout()
    callback = response.wsgi_request.get_full_path()
    replay = client.get(callback)
    assert replay.status_code == 403
    assert "expired or was already used" in replay.content.decode()


def test_provider_error_is_shown(client: Client, oidc: Any, idp: Any) -> None:
    response = client.get("/sso/callback/?error=access_denied&error_description=Call+0800+000+000&state=x")
    html = response.content.decode()
    assert response.status_code == 403
    assert "Signing in was cancelled" in html
    assert "0800" not in html  # attacker-controllable text is never echoed


def test_disabled_provider_between_start_and_callback_is_refused(
    client: Client, oidc: Any, idp: Any, sign_in_via: Any
) -> None:
    import requests

    start = client.get(f"/sso/start/{idp.pk}/")
    idp.enabled = False
    idp.save()
    back = requests.get(start["Location"], allow_redirects=False, timeout=10).headers["Location"]
    response = client.get(back.split("testserver", 1)[1])
    assert response.status_code == 403
    assert "switched off" in response.content.decode()


def test_other_organisations_provider_never_grants_membership_here(
    client: Client, make_oidc_provider: Any, oidc: Any, idp: Any, other_org: Organisation, sign_in_via: Any
) -> None:
    # Westmoor's provider asserts a Northbridge address and Northbridge-looking groups.
    westmoor_op = make_oidc_provider(client_id="westmoor-app")
    westmoor = register(westmoor_op, other_org, "westmoor.gov.uk")
    westmoor_op.user.email = "sam.patel@northbridge.gov.uk"
    westmoor_op.user.groups = ["grp-admins"]
    _assert_refused(client, sign_in_via(westmoor), "is not one that Westmoor")

    # A proper Westmoor person gets Westmoor roles only.
    westmoor_op.user.email = "ali@westmoor.gov.uk"
    assert sign_in_via(westmoor).status_code == 302
    user = _signed_in_user(client)
    assert {m.organisation_id for m in Membership.objects.filter(user=user)} == {other_org.pk}
    assert not Membership.objects.filter(organisation=idp.organisation, user__username__startswith="sso-").exists()


def test_same_sub_at_two_providers_is_two_people(
    client: Client, make_oidc_provider: Any, oidc: Any, idp: Any, other_org: Organisation, sign_in_via: Any
) -> None:
    westmoor_op = make_oidc_provider()
    westmoor = register(westmoor_op, other_org, "westmoor.gov.uk")
    westmoor_op.user.email = "x@westmoor.gov.uk"
    sign_in_via(idp)
    northbridge_user = _signed_in_user(client)
    client.logout()
    sign_in_via(westmoor)
    westmoor_user = _signed_in_user(client)
    assert northbridge_user.pk != westmoor_user.pk
    assert not Membership.objects.filter(user=westmoor_user, organisation=idp.organisation).exists()


def test_analyst_role_can_never_be_mapped(client: Client, oidc: Any, org: Organisation, sign_in_via: Any) -> None:
    provider = register(oidc, org, "northbridge.gov.uk", role_mapping={"grp-reviewers": "analyst"})
    response = sign_in_via(provider)
    assert response.status_code == 403
    assert not Membership.objects.filter(role=Role.ANALYST).exists()


class TestTwoFactor:
    @pytest.fixture(autouse=True)
    def _require_2fa(self, settings: Settings) -> None:
        settings.SAFELEARN_REQUIRE_2FA = True

    def test_provider_mfa_satisfies_two_factor(self, client: Client, oidc: Any, idp: Any, sign_in_via: Any) -> None:
        oidc.user.amr = ["pwd", "mfa"]
        sign_in_via(idp)
        assert client.session.get(DEVICE_ID_SESSION_KEY, "").startswith("sso.providermfadevice/")
        response = client.get("/")
        assert response.status_code == 200  # not sent to the 2FA set-up page

    def test_without_mfa_claim_the_two_factor_middleware_applies(
        self, client: Client, oidc: Any, idp: Any, sign_in_via: Any
    ) -> None:
        oidc.user.amr = ["pwd"]
        sign_in_via(idp)
        assert DEVICE_ID_SESSION_KEY not in client.session
        response = client.get("/")
        assert response.status_code == 302
        assert response["Location"].startswith("/account/two-factor/set-up/")

    def test_provider_mfa_device_cannot_verify_codes(
        self, client: Client, oidc: Any, idp: Any, sign_in_via: Any
    ) -> None:
        from safelearn.sso.models import ProviderMfaDevice

        oidc.user.amr = ["mfa"]
        sign_in_via(idp)
        device = ProviderMfaDevice.objects.get()
        assert device.verify_token("123456") is False


def test_password_sign_in_still_works(client: Client, people: dict[str, User]) -> None:
    from conftest import PASSWORD

    response = client.post("/sign-in/", {"username": "reporter", "password": PASSWORD})
    assert response.status_code == 302
    assert _signed_in_user(client) == people["reporter"]


def test_refusals_do_not_lock_out_the_office(
    client: Client, oidc: Any, idp: Any, sign_in_via: Any, settings: Settings
) -> None:
    """django-axes counts failed sign-ins per (username, IP); SSO refusals must not lock a shared IP."""
    from axes.models import AccessAttempt

    oidc.user.email = "someone@gmail.com"
    for _ in range(settings.AXES_FAILURE_LIMIT + 1):
        assert sign_in_via(idp).status_code == 403
    assert not AccessAttempt.objects.exists()
    oidc.user.email = "sam@northbridge.gov.uk"
    assert sign_in_via(idp).status_code == 302
