"""Reads: which provider serves an email address, and a provider by id for the sign-in flow."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError

from safelearn.sso.models import ExternalIdentity, IdentityProvider


def email_domain(email: str) -> str:
    return email.rsplit("@", 1)[-1].strip().lower() if "@" in email else ""


def providers_for_email(*, email: str) -> list[IdentityProvider]:
    """Enabled providers whose allowed domains include the address's domain (usually one)."""
    domain = email_domain(email)
    if not domain:
        return []
    providers = IdentityProvider.objects.filter(enabled=True).select_related("organisation")
    return [p for p in providers if domain in p.domains]


def provider_get_enabled(*, provider_id: Any) -> IdentityProvider | None:
    try:
        return IdentityProvider.objects.select_related("organisation").get(pk=provider_id, enabled=True)
    except (IdentityProvider.DoesNotExist, ValidationError, ValueError, TypeError):
        return None


def provider_names_by_user(user_ids: Iterable[Any]) -> dict[Any, list[str]]:
    """The single sign-on providers each of these people has signed in with (organisations' people page)."""
    names: dict[Any, list[str]] = {}
    for identity in ExternalIdentity.objects.filter(user_id__in=list(user_ids)).select_related("provider"):
        names.setdefault(identity.user_id, []).append(identity.provider.name)
    return names
