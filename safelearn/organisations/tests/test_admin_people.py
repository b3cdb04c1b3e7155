"""Organisation administrators manage their people: invitations, roles, deactivation, two-factor resets."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.core import mail
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from safelearn.accounts.services import demo_device_ensure
from safelearn.api.models import ApiToken
from safelearn.api.services import token_create
from safelearn.core.models import AuditEvent
from safelearn.core.types import User
from safelearn.organisations import services
from safelearn.organisations.models import Invitation, Membership, Role

pytestmark = pytest.mark.django_db
GOOD_PASSWORD = "harbour lantern violet 93"


def _client(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _url(name: str, org: Any, user: User | None = None) -> str:
    kwargs = {"org_slug": org.slug}
    if user is not None:
        kwargs["user_id"] = user.pk
    return reverse(f"organisations:{name}", kwargs=kwargs)


def _invite_link() -> str:
    [message] = mail.outbox
    match = re.search(r"https?://\S+/organisation/invitations/(\S+)/", str(message.body))
    assert match, message.body
    return match.group(0)


# --- Permissions: every page, every kind of visitor -----------------------------------------------------

PAGES = ["people", "invite", "person", "person_deactivate", "person_reset_two_factor", "settings"]


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("who", ["reporter", "reviewer", "other_reviewer", "analyst", "other_admin"])
def test_only_the_organisations_own_admins_get_in(
    page: str, who: str, people: dict[str, Any], org: Any, other_org: Any, make_user: Callable[..., User]
) -> None:
    visitor = make_user("westmoor-admin", Role.ORG_ADMIN, other_org) if who == "other_admin" else people[who]
    target = people["reporter"] if page.startswith("person") else None
    url = _url(page, org, target)
    assert _client(visitor).get(url).status_code == 403
    assert _client(visitor).post(url, {"confirm": "yes", "roles": ["reviewer"]}).status_code == 403
    assert get_user_model().objects.get(pk=people["reporter"].pk).is_active
    assert set(Membership.objects.filter(user=people["reporter"]).values_list("role", flat=True)) == {"reporter"}


@pytest.mark.parametrize("page", [*PAGES, "person_reactivate"])
def test_anonymous_visitors_are_sent_to_sign_in(page: str, people: dict[str, Any], org: Any) -> None:
    target = people["reporter"] if page.startswith("person") else None
    response = Client().post(_url(page, org, target), {"confirm": "yes"})
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_reactivate_is_refused_to_other_organisations_admins(
    people: dict[str, Any], org: Any, other_org: Any, make_user: Callable[..., User]
) -> None:
    people["reporter"].is_active = False
    people["reporter"].save()
    outsider = make_user("westmoor-admin", Role.ORG_ADMIN, other_org)
    assert (
        _client(outsider).post(_url("person_reactivate", org, people["reporter"]), {"confirm": "yes"}).status_code
        == 403
    )
    assert not get_user_model().objects.get(pk=people["reporter"].pk).is_active


def test_a_person_of_another_organisation_is_not_found(people: dict[str, Any], org: Any) -> None:
    admin = _client(people["org_admin"])
    for page in ("person", "person_deactivate", "person_reset_two_factor"):
        assert admin.get(_url(page, org, people["other_reporter"])).status_code == 404
    assert admin.post(_url("person_deactivate", org, people["other_reporter"]), {"confirm": "yes"}).status_code == 404
    assert get_user_model().objects.get(pk=people["other_reporter"].pk).is_active


# --- The people list -------------------------------------------------------------------------------------


def test_people_list_shows_roles_sign_in_method_and_status(people: dict[str, Any], org: Any) -> None:
    from safelearn.sso.models import ExternalIdentity, IdentityProvider

    provider = IdentityProvider.objects.create(
        organisation=org, name="Northbridge Council account", issuer="https://idp.example.org", client_id="x"
    )
    ExternalIdentity.objects.create(provider=provider, subject="abc", user=people["reviewer"])
    body = _client(people["org_admin"]).get(_url("people", org)).content.decode()
    assert "Northbridge Council account (single sign-on)" in body
    assert people["reporter"].email in body and people["other_reporter"].email not in body
    assert "Safety lead (reviewer)" in body and "Organisation administrator" in body


# --- Invitations -----------------------------------------------------------------------------------------


def test_invited_person_creates_account_once_and_goes_to_two_factor_set_up(
    people: dict[str, Any], org: Any, settings: Any
) -> None:
    admin = _client(people["org_admin"])
    response = admin.post(_url("invite", org), {"email": "New.Lead@Northbridge.example.org", "role": "reviewer"})
    assert response.status_code == 302
    invitation = Invitation.objects.get()
    link = _invite_link()
    secret = link.rstrip("/").rsplit("/", 1)[-1]
    assert invitation.token_hash != secret and secret not in invitation.token_hash  # only a hash is kept
    assert invitation.expires_at - timezone.now() > dt.timedelta(days=6, hours=23)
    assert "new.lead@northbridge.example.org" in admin.get(_url("people", org)).content.decode()

    path = link.split("example.org", 1)[-1] if "example.org/" in link else "/" + link.split("/", 3)[3]
    settings.SAFELEARN_REQUIRE_2FA = True  # (the admin above signed in without a device)
    visitor = Client()
    page = visitor.get(path)
    assert page.status_code == 200 and b"new.lead@northbridge.example.org" in page.content

    # A weak password is refused with Django's own rules; the name typed is kept.
    weak = visitor.post(path, {"full_name": "Nia Lead", "password": "password", "password_again": "password"})
    assert weak.status_code == 400
    assert b"This password is too short" in weak.content and b'value="Nia Lead"' in weak.content
    assert not get_user_model().objects.filter(email="new.lead@northbridge.example.org").exists()

    done = visitor.post(path, {"full_name": "Nia Lead", "password": GOOD_PASSWORD, "password_again": GOOD_PASSWORD})
    assert done.status_code == 302 and done["Location"] == reverse("accounts:two_factor_setup")
    user = get_user_model().objects.get(username="new.lead@northbridge.example.org")
    assert user.check_password(GOOD_PASSWORD) and user.get_full_name() == "Nia Lead"
    assert list(Membership.objects.filter(user=user).values_list("organisation_id", "role")) == [(org.pk, "reviewer")]
    assert AuditEvent.objects.filter(verb="organisation.invitation_accepted", actor=user).exists()

    # The link works once.
    again = Client().get(path)
    assert again.status_code == 404 and b"This invitation link does not work" in again.content


def test_expired_or_replaced_invitation_links_do_not_work(people: dict[str, Any], org: Any) -> None:
    services.invitation_create(actor=people["org_admin"], organisation=org, email="a@example.org", role="reporter")
    first = _invite_link()
    mail.outbox.clear()
    services.invitation_create(actor=people["org_admin"], organisation=org, email="a@example.org", role="reporter")
    second = _invite_link()
    assert Client().get("/" + first.split("/", 3)[3]).status_code == 404
    Invitation.objects.filter(withdrawn_at__isnull=True).update(expires_at=timezone.now() - dt.timedelta(seconds=1))
    assert Client().get("/" + second.split("/", 3)[3]).status_code == 404


def test_inviting_someone_who_already_has_an_account_says_so(people: dict[str, Any], org: Any) -> None:
    response = _client(people["org_admin"]).post(
        _url("invite", org), {"email": people["reviewer"].email.upper(), "role": "reporter"}
    )
    assert response.status_code == 400 and b"already has an account here" in response.content
    assert not Invitation.objects.exists() and mail.outbox == []


def test_analyst_role_is_offered_only_by_the_national_body(people: dict[str, Any], org: Any) -> None:
    response = _client(people["org_admin"]).post(_url("invite", org), {"email": "x@example.org", "role": "analyst"})
    assert response.status_code == 400 and not Invitation.objects.exists()


# --- Roles and the last administrator -------------------------------------------------------------------


def test_roles_are_changed_and_audited(people: dict[str, Any], org: Any) -> None:
    reporter = people["reporter"]
    response = _client(people["org_admin"]).post(_url("person", org, reporter), {"roles": ["reporter", "reviewer"]})
    assert response.status_code == 302
    assert set(Membership.objects.filter(user=reporter, organisation=org).values_list("role", flat=True)) == {
        "reporter",
        "reviewer",
    }
    event = AuditEvent.objects.get(verb="organisation.roles_changed")
    assert event.target_id == str(reporter.pk) and event.payload["after"] == ["reporter", "reviewer"]


def test_the_last_admin_cannot_be_demoted_or_deactivated(
    people: dict[str, Any], org: Any, make_user: Callable[..., User]
) -> None:
    admin = people["org_admin"]
    client = _client(admin)
    response = client.post(_url("person", org, admin), {"roles": ["reviewer"]})
    assert response.status_code == 400 and b"must always have at least one active administrator" in response.content
    assert Membership.objects.filter(user=admin, role=Role.ORG_ADMIN).exists()

    # With a second administrator the first may step down; the second is then the last one.
    second = make_user("second-admin", Role.ORG_ADMIN, org)
    assert client.post(_url("person", org, admin), {"roles": ["reviewer"]}).status_code == 302
    with pytest.raises(ValidationError, match="at least one active administrator"):
        services.membership_roles_set(actor=second, organisation=org, user=second, roles=["reporter"])
    assert Membership.objects.filter(user=second, role=Role.ORG_ADMIN).exists()


def test_a_deactivated_admin_does_not_count_as_the_other_admin(
    people: dict[str, Any], org: Any, make_user: Callable[..., User]
) -> None:
    make_user("gone-admin", Role.ORG_ADMIN, org, is_active=False)
    response = _client(people["org_admin"]).post(_url("person", org, people["org_admin"]), {"roles": ["reporter"]})
    assert response.status_code == 400


# --- Deactivation and two-factor resets ------------------------------------------------------------------


def test_deactivation_ends_sessions_and_tokens_at_once(
    people: dict[str, Any], org: Any, make_user: Callable[..., User]
) -> None:
    reviewer = people["reviewer"]
    token = token_create(organisation=org, name="Case system", scopes=["review:read"], created_by=reviewer, days=30)
    theirs = _client(reviewer)
    other_session = _client(people["reporter"])
    assert theirs.get(reverse("review:inbox")).status_code == 200

    admin = _client(people["org_admin"])
    empty = admin.post(_url("person_deactivate", org, reviewer), {})
    assert empty.status_code == 400  # not confirmed: nothing changes
    assert get_user_model().objects.get(pk=reviewer.pk).is_active
    assert admin.post(_url("person_deactivate", org, reviewer), {"confirm": "yes"}).status_code == 302

    reviewer.refresh_from_db()
    assert not reviewer.is_active
    assert ApiToken.objects.get(pk=token.token.pk).revoked_at is not None
    assert theirs.get(reverse("review:inbox")).status_code == 302  # signed out: sent to sign in
    assert other_session.get(reverse("reporting:my_reports")).status_code == 200  # nobody else is touched
    event = AuditEvent.objects.get(verb="organisation.person_deactivated")
    assert event.payload["sessions_ended"] >= 1 and event.payload["tokens_revoked"] == 1
    assert b"Deactivated" in admin.get(_url("people", org)).content

    # Reactivated, they may sign in again; the token stays revoked.
    assert admin.post(_url("person_reactivate", org, reviewer), {"confirm": "yes"}).status_code == 302
    reviewer.refresh_from_db()
    assert reviewer.is_active and ApiToken.objects.get(pk=token.token.pk).revoked_at is not None


def test_an_admin_cannot_deactivate_themselves_or_a_shared_account(
    people: dict[str, Any], org: Any, other_org: Any
) -> None:
    admin = _client(people["org_admin"])
    mine = admin.post(_url("person_deactivate", org, people["org_admin"]), {"confirm": "yes"})
    assert mine.status_code == 400 and b"cannot deactivate your own account" in mine.content
    Membership.objects.create(user=people["reporter"], organisation=other_org, role=Role.REPORTER)
    shared = admin.post(_url("person_deactivate", org, people["reporter"]), {"confirm": "yes"})
    assert shared.status_code == 400 and b"also works for another organisation" in shared.content
    assert (
        get_user_model().objects.filter(pk__in=[people["reporter"].pk, people["org_admin"].pk], is_active=True).count()
        == 2
    )


def test_two_factor_reset_removes_the_device_and_signs_them_out(people: dict[str, Any], org: Any) -> None:
    reviewer = people["reviewer"]
    demo_device_ensure(user=reviewer)
    theirs = _client(reviewer)
    admin = _client(people["org_admin"])
    before = Session.objects.count()
    page = admin.get(_url("person_reset_two_factor", org, reviewer))
    assert page.status_code == 200 and b"Yes, reset two-factor sign-in" in page.content
    assert admin.post(_url("person_reset_two_factor", org, reviewer), {"confirm": "yes"}).status_code == 302
    assert not TOTPDevice.objects.filter(user=reviewer).exists()
    assert Session.objects.count() == before - 1
    assert theirs.get(reverse("review:inbox")).status_code == 302
    event = AuditEvent.objects.get(verb="account.two_factor_reset")
    assert event.target_id == str(reviewer.pk) and event.actor == people["org_admin"]
    assert event.organisation_id == org.pk
