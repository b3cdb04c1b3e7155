"""Fixtures: a real OIDC provider per test, registered as Northbridge's identity provider."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import urlsplit

import pytest
import requests

from safelearn.organisations.models import Organisation, Role
from safelearn.sso.models import IdentityProvider
from safelearn.sso.tests.oidc_provider import OIDCTestProvider


@pytest.fixture
def make_oidc_provider() -> Iterator[Callable[..., OIDCTestProvider]]:
    started: list[OIDCTestProvider] = []

    def make(**kwargs: Any) -> OIDCTestProvider:
        provider = OIDCTestProvider(**kwargs).start()
        started.append(provider)
        return provider

    yield make
    for provider in started:
        provider.stop()


@pytest.fixture
def oidc(make_oidc_provider: Callable[..., OIDCTestProvider]) -> OIDCTestProvider:
    return make_oidc_provider()


def register(op: OIDCTestProvider, organisation: Organisation, domain: str, **extra: Any) -> IdentityProvider:
    """An IdentityProvider row for a running test provider (endpoints found by discovery)."""
    return IdentityProvider.objects.create(
        organisation=organisation,
        name=extra.pop("name", f"{organisation.name} account"),
        issuer=op.issuer,
        client_id=op.client_id,
        client_secret=op.client_secret,
        allowed_email_domains=domain,
        role_mapping=extra.pop(
            "role_mapping",
            {"grp-reporters": Role.REPORTER, "grp-reviewers": Role.REVIEWER, "grp-admins": Role.ORG_ADMIN},
        ),
        **extra,
    )


@pytest.fixture
def idp(oidc: OIDCTestProvider, org: Organisation) -> IdentityProvider:
    return register(oidc, org, "northbridge.gov.uk")


@pytest.fixture
def sign_in_via(client: Any) -> Callable[..., Any]:
    """Drive the whole flow: start → provider's /authorize (real HTTP) → our callback. Returns the callback response."""

    def run(provider: IdentityProvider, next_url: str = "", test_client: Any = None) -> Any:
        c = test_client or client
        start = c.get(f"/sso/start/{provider.pk}/" + (f"?next={next_url}" if next_url else ""))
        assert start.status_code == 302, start.content
        assert start["Location"].startswith(provider.authorization_endpoint)
        at_provider = requests.get(start["Location"], allow_redirects=False, timeout=10)
        assert at_provider.status_code == 302, at_provider.text
        back = urlsplit(at_provider.headers["Location"])
        return c.get(f"{back.path}?{back.query}")

    return run
