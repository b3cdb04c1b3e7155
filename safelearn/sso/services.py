"""Writes for single sign-on: provider discovery, and turning verified claims into a user and memberships."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import requests
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from safelearn.core.audit import audit_record
from safelearn.core.types import User
from safelearn.organisations.models import Membership
from safelearn.sso.models import MAPPABLE_ROLES, ExternalIdentity, IdentityProvider, ProviderMfaDevice
from safelearn.sso.selectors import email_domain

DISCOVERY_TIMEOUT_SECONDS = 10
_MAPPABLE = {r.value for r in MAPPABLE_ROLES}


class SignInRefused(Exception):
    """Raised with a message fit to show the person signing in."""


class DiscoveryError(Exception):
    pass


@dataclass(frozen=True)
class SignInResult:
    user: User
    created: bool
    roles: frozenset[str]
    granted: list[str] = field(default_factory=list)
    revoked: list[str] = field(default_factory=list)


def identity_provider_discover(*, provider: IdentityProvider, actor: Any = "system") -> IdentityProvider:
    """Fill the provider's endpoints from its discovery document, refusing one for another issuer."""
    try:
        response = requests.get(provider.resolved_discovery_url, timeout=DISCOVERY_TIMEOUT_SECONDS)
        response.raise_for_status()
        document = response.json()
    except (requests.RequestException, ValueError) as exc:
        raise DiscoveryError(f"Could not read the provider's discovery document: {exc}") from exc
    # OpenID Connect Discovery 1.0 §4.3: the document's issuer must be the one we expect, or a
    # compromised or mistyped URL could point us at another provider's keys.
    if document.get("issuer") != provider.issuer:
        raise DiscoveryError(
            f"The discovery document is for issuer {document.get('issuer')!r}, not {provider.issuer!r}"
        )
    names = ("authorization_endpoint", "token_endpoint", "userinfo_endpoint", "jwks_uri")
    with transaction.atomic():
        for name in names:
            if not getattr(provider, name) and document.get(name):
                setattr(provider, name, document[name])
        if not (provider.authorization_endpoint and provider.token_endpoint and provider.jwks_uri):
            raise DiscoveryError("The provider did not publish authorization, token and JWKS endpoints")
        provider.save()
        audit_record(actor=actor, verb="sso.provider_discovered", target=provider, payload={"issuer": provider.issuer})
    return provider


def sso_username(*, provider: IdentityProvider, subject: str) -> str:
    """Stable, opaque and unique: sub is only unique per issuer, so both go into the hash."""
    digest = hashlib.sha256(f"{provider.issuer}\n{subject}".encode()).hexdigest()[:20]
    return f"sso-{provider.organisation.slug[:40]}-{digest}"


def roles_from_claims(*, provider: IdentityProvider, claims: dict[str, Any]) -> frozenset[str]:
    groups = claims.get(provider.groups_claim) or []
    if isinstance(groups, str):
        groups = [groups]
    mapping = provider.role_mapping if isinstance(provider.role_mapping, dict) else {}
    roles = {mapping[g] for g in groups if isinstance(g, str) and g in mapping}
    roles &= _MAPPABLE  # a hand-edited mapping must still never grant analyst
    if not roles and provider.default_role:
        roles = {provider.default_role}
    return frozenset(roles)


def _sync_memberships(*, user: User, provider: IdentityProvider, roles: Iterable[str]) -> tuple[list[str], list[str]]:
    """The provider is the source of truth for this organisation's roles: a leaver loses them at next sign-in."""
    wanted = set(roles)
    existing = {
        m.role: m for m in Membership.objects.filter(user=user, organisation=provider.organisation, role__in=_MAPPABLE)
    }
    granted, revoked = sorted(wanted - existing.keys()), sorted(existing.keys() - wanted)
    for role in granted:
        membership = Membership.objects.create(user=user, organisation=provider.organisation, role=role)
        audit_record(actor=user, verb="sso.membership_granted", target=membership, payload={"role": role})
    for role in revoked:
        membership = existing[role]
        audit_record(actor=user, verb="sso.membership_revoked", target=membership, payload={"role": role})
        membership.delete()
    return granted, revoked


def sso_sign_in(*, provider: IdentityProvider, claims: dict[str, Any]) -> SignInResult:
    """Create or update the user for verified claims and map their memberships; raise SignInRefused."""
    subject = str(claims.get("sub") or "")
    email = str(claims.get("email") or claims.get("preferred_username") or "").strip()
    if not subject:
        raise SignInRefused("Your organisation's sign-in service did not say who you are. Try again.")
    domain = email_domain(email)
    if not domain or domain not in provider.domains:
        raise SignInRefused(
            f"Your email address ({email or 'none given'}) is not one that {provider.organisation} "
            "allows to sign in to SafeLearn. Sign in with your work account, or ask your administrator."
        )
    roles = roles_from_claims(provider=provider, claims=claims)
    if not roles:
        raise SignInRefused(
            f"{provider.organisation} has not given your account access to SafeLearn yet. "
            "Ask your administrator to add you to the right group."
        )
    user_model = get_user_model()
    with transaction.atomic():
        identity = (
            ExternalIdentity.objects.select_for_update()
            .select_related("user")
            .filter(provider=provider, subject=subject)
            .first()
        )
        created = identity is None
        if identity is None:
            user = user_model.objects.create_user(username=sso_username(provider=provider, subject=subject))
            user.set_unusable_password()  # SSO people never sign in with a SafeLearn password
            identity = ExternalIdentity(provider=provider, subject=subject, user=user)
        user = identity.user
        if not user.is_active:
            raise SignInRefused("Your SafeLearn account has been switched off. Ask your administrator.")
        user.email = email
        user.first_name = str(claims.get("given_name") or "")[:150]
        user.last_name = str(claims.get("family_name") or "")[:150]
        user.save()
        identity.last_sign_in_at = timezone.now()
        identity.save()
        granted, revoked = _sync_memberships(user=user, provider=provider, roles=roles)
        audit_record(
            actor=user,
            verb="sso.user_created" if created else "sso.signed_in",
            target=provider,
            payload={"roles": sorted(roles), "granted": granted, "revoked": revoked, "mfa": provider_did_mfa(claims)},
        )
    if hasattr(user, "_safelearn_memberships"):
        del user._safelearn_memberships  # memberships_for() caches on the instance
    return SignInResult(user=user, created=created, roles=roles, granted=granted, revoked=revoked)


def sso_sign_in_refused_record(*, provider: IdentityProvider | None, reason: str) -> None:
    """Audit a refused SSO sign-in (no user yet, so the actor is a label)."""
    audit_record(
        actor="sso",
        verb="sso.sign_in_refused",
        target=provider,
        payload={"reason": reason[:500]},
    )


def provider_did_mfa(claims: dict[str, Any]) -> bool:
    """RFC 8176 'amr' values; only an explicit "mfa" counts, as documented in docs/sso.md."""
    amr = claims.get("amr") or []
    return isinstance(amr, list) and "mfa" in amr


def provider_mfa_device_ensure(*, user: User, provider: IdentityProvider) -> ProviderMfaDevice:
    device: ProviderMfaDevice
    device, _ = ProviderMfaDevice.objects.get_or_create(
        user=user,
        provider=provider,
        defaults={"name": f"Multi-factor sign-in at {provider.name}"[:64], "confirmed": True},
    )
    return device
