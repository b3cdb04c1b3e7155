"""Test helper: sign a user in with a session that has passed two-factor verification."""

from __future__ import annotations

from typing import Any

from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from safelearn.accounts.services import demo_device_ensure
from safelearn.core.types import User


def login_verified(client: Any, user: User) -> TOTPDevice:
    """`client.force_login(user)` plus a verified TOTP device in the session, as after a real code."""
    device = demo_device_ensure(user=user)
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return device
