"""Reads about sign-in security: who must use two-factor sign-in, and which devices they have."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django_otp.plugins.otp_totp.models import TOTPDevice

from safelearn.organisations.models import Role
from safelearn.organisations.selectors import memberships_for

#: Roles that can read narratives or identities of many people's reports: a stolen password alone
#: must not be enough. Reporters may add a device but are not made to.
TWO_FACTOR_ROLES = frozenset({Role.REVIEWER, Role.ORG_ADMIN, Role.ANALYST})


def user_requires_two_factor(user: Any) -> bool:
    if not getattr(settings, "SAFELEARN_REQUIRE_2FA", True) or not getattr(user, "is_authenticated", False):
        return False
    if user.is_staff or user.is_superuser:
        return True
    return any(m.role in TWO_FACTOR_ROLES for m in memberships_for(user))


def confirmed_devices(user: Any) -> list[TOTPDevice]:
    return list(TOTPDevice.objects.filter(user=user, confirmed=True))


def pending_device(user: Any) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=False).order_by("-id").first()
