"""Reads about who belongs where, used by every permission check."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.utils import timezone

from safelearn.core.types import RequestUser, User
from safelearn.organisations.models import Invitation, Membership, Organisation, OrganisationKind, Role

_MEMBERSHIPS_CACHE = "_safelearn_memberships"


def memberships_for(user: RequestUser | None) -> list[Membership]:
    if user is None or not user.is_authenticated:
        return []
    cache: list[Membership] | None = getattr(user, _MEMBERSHIPS_CACHE, None)
    if cache is None:
        # The logo's bytes are read only by the page that serves it, not on every request.
        cache = list(
            Membership.objects.filter(user_id=user.pk).select_related("organisation").defer("organisation__logo")
        )
        setattr(user, _MEMBERSHIPS_CACHE, cache)  # once per request: request.user lives as long as the request
    return cache


def user_roles_in(user: RequestUser | None, organisation_id: Any) -> set[str]:
    return {m.role for m in memberships_for(user) if m.organisation_id == organisation_id}


def user_has_role(user: RequestUser | None, organisation_id: Any, *roles: str) -> bool:
    return bool(user_roles_in(user, organisation_id) & set(roles))


def organisations_where(user: RequestUser | None, *roles: str) -> list[Organisation]:
    seen: dict[Any, Organisation] = {}
    for m in memberships_for(user):
        if m.role in roles:
            seen[m.organisation_id] = m.organisation
    return list(seen.values())


def is_analyst(user: RequestUser | None) -> bool:
    return any(m.role == Role.ANALYST for m in memberships_for(user))


def primary_organisation(user: RequestUser | None) -> Organisation | None:
    members = [m for m in memberships_for(user) if m.role != Role.ANALYST]
    return members[0].organisation if members else None


def organisation_by_slug(slug: str) -> Organisation | None:
    return Organisation.objects.filter(slug=slug).first()


# --- Administration (issue 16): people, invitations and per-organisation settings ---------------------


def identity_retention_days(organisation: Organisation | None) -> int:
    """Days an identity is kept after its report is final: the organisation's choice, else the installation's."""
    if organisation is not None and organisation.identity_retention_days:
        return int(organisation.identity_retention_days)
    return int(settings.SAFELEARN_IDENTITY_RETENTION_DAYS)


def raw_retention_days(organisation: Organisation | None) -> int:
    """Days a raw narrative is kept after de-identified approval: the organisation's choice, else the installation's."""
    if organisation is not None and organisation.raw_retention_days:
        return int(organisation.raw_retention_days)
    return int(settings.SAFELEARN_RAW_RETENTION_DAYS)


def assignable_roles(organisation: Organisation) -> list[Role]:
    """Roles an administrator may give in this organisation; analysts exist only in the national body."""
    roles = [Role.REPORTER, Role.REVIEWER, Role.ORG_ADMIN]
    if organisation.kind == OrganisationKind.NATIONAL:
        roles.append(Role.ANALYST)
    return roles


def active_admin_ids(organisation: Organisation) -> set[Any]:
    return set(
        Membership.objects.filter(organisation=organisation, role=Role.ORG_ADMIN, user__is_active=True).values_list(
            "user_id", flat=True
        )
    )


@dataclass(frozen=True)
class Person:
    user: User
    roles: list[str]
    role_labels: list[str]
    providers: list[str]  # single sign-on providers this person signs in with
    has_two_factor: bool
    other_organisations: list[str] = field(default_factory=list)

    @property
    def is_active(self) -> bool:
        return bool(self.user.is_active)


#: Which single sign-on providers each person uses, by user id: the sso app (above organisations) registers
#: its look-up here in ``AppConfig.ready``, so the people page can say how everyone signs in.
SignInProviders = Callable[[Iterable[Any]], dict[Any, list[str]]]
_sign_in_providers: list[SignInProviders] = []


def sign_in_providers_add(lookup: SignInProviders) -> None:
    if lookup not in _sign_in_providers:
        _sign_in_providers.append(lookup)


def organisation_people(organisation: Organisation, *, user_id: Any = None) -> list[Person]:
    """Everyone with a role in the organisation (active or not), with how they sign in."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    members = Membership.objects.filter(organisation=organisation).select_related("user")
    if user_id is not None:
        members = members.filter(user_id=user_id)
    by_user: dict[Any, list[Membership]] = {}
    for m in members:
        by_user.setdefault(m.user_id, []).append(m)
    ids = list(by_user)
    providers: dict[Any, list[str]] = {}
    for lookup in _sign_in_providers:
        for user_id, names in lookup(ids).items():
            providers.setdefault(user_id, []).extend(names)
    with_device = set(TOTPDevice.objects.filter(user_id__in=ids, confirmed=True).values_list("user_id", flat=True))
    elsewhere: dict[Any, list[str]] = {}
    for m in (
        Membership.objects.filter(user_id__in=ids).exclude(organisation=organisation).select_related("organisation")
    ):
        if m.organisation.name not in elsewhere.setdefault(m.user_id, []):
            elsewhere[m.user_id].append(m.organisation.name)
    order = {role.value: i for i, role in enumerate(Role)}
    people = []
    for uid, memberships in by_user.items():
        memberships.sort(key=lambda m: order.get(m.role, 99))
        people.append(
            Person(
                user=memberships[0].user,
                roles=[m.role for m in memberships],
                role_labels=[m.get_role_display() for m in memberships],
                providers=sorted(providers.get(uid, [])),
                has_two_factor=uid in with_device,
                other_organisations=elsewhere.get(uid, []),
            )
        )
    people.sort(key=lambda p: (not p.is_active, (p.user.get_full_name() or p.user.get_username()).lower()))
    return people


def organisation_person(organisation: Organisation, user_id: Any) -> Person | None:
    found = organisation_people(organisation, user_id=user_id)
    return found[0] if found else None


def invitations_pending(organisation: Organisation) -> list[Invitation]:
    return list(
        Invitation.objects.filter(
            organisation=organisation,
            accepted_at__isnull=True,
            withdrawn_at__isnull=True,
            expires_at__gt=timezone.now(),
        ).select_related("invited_by")
    )


def invitation_hash(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def invitation_usable(secret: str) -> Invitation | None:
    """The pending, unexpired invitation for a link's secret, or None (unknown, used, withdrawn or expired)."""
    if not secret or len(secret) > 100:
        return None
    invitation = Invitation.objects.select_related("organisation").filter(token_hash=invitation_hash(secret)).first()
    if invitation is None or invitation.accepted_at or invitation.withdrawn_at:
        return None
    if invitation.expires_at <= timezone.now():
        return None
    return invitation
