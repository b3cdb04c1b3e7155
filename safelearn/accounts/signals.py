"""Signal receivers of the accounts app (connected in AccountsConfig.ready)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from safelearn.accounts.services.language import account_language_restore
from safelearn.core.types import User


def restore_account_language(sender: Any, request: HttpRequest | None, user: User, **kwargs: Any) -> None:
    """Every sign-in (password, SSO, tests' force_login) brings back the language saved on the account."""
    if request is not None and hasattr(request, "session"):
        account_language_restore(request=request, user=user)
