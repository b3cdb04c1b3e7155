"""Demo support: known TOTP devices for the demo users so `make run` works without a phone."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from safelearn.accounts.selectors import user_requires_two_factor
from safelearn.accounts.services import demo_device_ensure

HOW_TO_GET_CODES = (
    "Safety leads, administrators and analysts need a security code after their password.\n"
    "Demo users have a demo authenticator: get the current code with\n"
    "  .venv/bin/safelearn totp-code USERNAME"
)


def demo_two_factor_ensure(users: Iterable[Any]) -> list[str]:
    """Give every demo user a demo device (reporters too, harmlessly); returns their usernames."""
    return [demo_device_ensure(user=user).user.get_username() for user in users]


def demo_users_needing_codes(users: Iterable[Any]) -> list[str]:
    return [u.get_username() for u in users if user_requires_two_factor(u)]
