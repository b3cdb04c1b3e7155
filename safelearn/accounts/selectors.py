"""Reads about sign-in security: who must use two-factor sign-in, and which devices they have."""

from __future__ import annotations

from django_otp.plugins.otp_totp.models import TOTPDevice

# Who must use two-factor sign-in is a question about roles, answered with the other permission rules.
from safelearn.core.types import RequestUser
from safelearn.organisations.permissions import TWO_FACTOR_ROLES as TWO_FACTOR_ROLES
from safelearn.organisations.permissions import user_requires_two_factor as user_requires_two_factor


def confirmed_devices(user: RequestUser | None) -> list[TOTPDevice]:
    return list(TOTPDevice.objects.filter(user=user, confirmed=True))


def pending_device(user: RequestUser | None) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=False).order_by("-id").first()
