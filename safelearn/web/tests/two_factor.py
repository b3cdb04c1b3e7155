"""Two-factor sign-in for journey tests: safety leads must enter a TOTP code after their password."""

from __future__ import annotations

from typing import Any

from django.apps import apps

from safelearn.core.types import User

TWO_FACTOR_PATH = "/two-factor/"


def give_authenticator(user: User) -> Any:
    """A confirmed TOTP device, as if the person had already set up their authenticator app."""
    if not apps.is_installed("django_otp.plugins.otp_totp"):
        return None
    from django_otp.plugins.otp_totp.models import TOTPDevice

    return TOTPDevice.objects.create(user=user, name="Test phone", confirmed=True)


def current_code(device: Any) -> str:
    """The code the person's authenticator app would show now."""
    from django_otp.oath import TOTP

    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return str(totp.token()).zfill(device.digits)
