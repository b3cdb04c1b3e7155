"""Reads about who belongs where, used by every permission check."""

from __future__ import annotations

from typing import Any

from safelearn.organisations.models import Membership, Organisation, Role


def memberships_for(user: Any) -> list[Membership]:
    if not getattr(user, "is_authenticated", False):
        return []
    cache = getattr(user, "_safelearn_memberships", None)
    if cache is None:
        cache = list(Membership.objects.filter(user=user).select_related("organisation"))
        user._safelearn_memberships = cache
    return cache


def user_roles_in(user: Any, organisation_id: Any) -> set[str]:
    return {m.role for m in memberships_for(user) if m.organisation_id == organisation_id}


def user_has_role(user: Any, organisation_id: Any, *roles: str) -> bool:
    return bool(user_roles_in(user, organisation_id) & set(roles))


def organisations_where(user: Any, *roles: str) -> list[Organisation]:
    seen: dict[Any, Organisation] = {}
    for m in memberships_for(user):
        if m.role in roles:
            seen[m.organisation_id] = m.organisation
    return list(seen.values())


def is_analyst(user: Any) -> bool:
    return any(m.role == Role.ANALYST for m in memberships_for(user))


def primary_organisation(user: Any) -> Organisation | None:
    members = [m for m in memberships_for(user) if m.role != Role.ANALYST]
    return members[0].organisation if members else None


def organisation_by_slug(slug: str) -> Organisation | None:
    return Organisation.objects.filter(slug=slug).first()
