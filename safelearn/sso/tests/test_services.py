"""Provider configuration rules and discovery."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.core.exceptions import ValidationError

from safelearn.organisations.models import Organisation
from safelearn.sso import services
from safelearn.sso.admin import IdentityProviderForm
from safelearn.sso.models import IdentityProvider
from safelearn.sso.selectors import providers_for_email
from safelearn.sso.tests.conftest import register

pytestmark = pytest.mark.django_db


def test_discovery_fills_endpoints(oidc: Any, idp: Any) -> None:
    assert idp.token_endpoint == ""
    services.identity_provider_discover(provider=idp)
    idp.refresh_from_db()
    assert idp.authorization_endpoint == f"{oidc.issuer}/authorize"
    assert idp.jwks_uri == f"{oidc.issuer}/jwks"


def test_discovery_for_another_issuer_is_refused(oidc: Any, org: Organisation) -> None:
    provider = register(oidc, org, "northbridge.gov.uk")
    provider.issuer = "https://login.example.com/tenant"
    provider.discovery_url = f"{oidc.issuer}/.well-known/openid-configuration"
    with pytest.raises(services.DiscoveryError, match=re.escape("not 'https://login.example.com/tenant'")):
        services.identity_provider_discover(provider=provider)


def test_client_secret_is_encrypted_at_rest(oidc: Any, idp: Any) -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT client_secret FROM sso_identityprovider WHERE id = %s", [idp.pk.hex])
        raw = bytes(cursor.fetchone()[0])
    assert oidc.client_secret.encode() not in raw
    assert IdentityProvider.objects.get(pk=idp.pk).client_secret == oidc.client_secret


def test_model_validation(org: Organisation) -> None:
    provider = IdentityProvider(
        organisation=org,
        name="x",
        issuer="https://i",
        client_id="c",
        allowed_email_domains=" ",
        role_mapping={"g": "analyst"},
    )
    with pytest.raises(ValidationError) as info:
        provider.clean()
    assert set(info.value.message_dict) == {"allowed_email_domains", "role_mapping"}


def test_domains_are_normalised(oidc: Any, org: Organisation) -> None:
    register(oidc, org, "@Northbridge.gov.uk,\n nb-trust.org.uk ")
    assert len(providers_for_email(email="a@nb-trust.org.uk")) == 1
    assert len(providers_for_email(email="a@NORTHBRIDGE.gov.uk")) == 1
    assert providers_for_email(email="a@northbridge.gov.uk.evil.com") == []


def test_admin_form_keeps_the_secret_when_left_blank(oidc: Any, idp: Any) -> None:
    data = {
        "organisation": idp.organisation_id,
        "name": idp.name,
        "issuer": idp.issuer,
        "client_id": idp.client_id,
        "client_secret": "",
        "allowed_email_domains": "northbridge.gov.uk",
        "groups_claim": "groups",
        "role_mapping": "{}",
        "default_role": "reporter",
        "enabled": "on",
    }
    form = IdentityProviderForm(data, instance=idp)
    assert form.is_valid(), form.errors
    form.save()
    assert IdentityProvider.objects.get(pk=idp.pk).client_secret == oidc.client_secret
