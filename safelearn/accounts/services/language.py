"""The language a signed-in person chose, remembered on their account (issue 21).

The language select sets a cookie on one browser; for a signed-in person it also saves the choice on
their account. Signing in on any device copies the saved choice into the session, and
``AccountLanguageMiddleware`` applies it (and rewrites that device's cookie to match), so a Welsh-speaking
safety lead sees Welsh on a new laptop from the first page after signing in.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest

from safelearn.accounts.models import AccountSettings
from safelearn.core.types import User

#: Session key holding the account's language while signed in (read on every request, no query).
SESSION_LANGUAGE_KEY = "_sl_account_language"


def _known(code: str) -> bool:
    return code in dict(settings.LANGUAGES)


def account_language_get(user: User) -> str:
    """The language saved on ``user``'s account, or "" when they never chose one."""
    if not getattr(user, "is_authenticated", False):
        return ""
    code = AccountSettings.objects.filter(user=user).values_list("language", flat=True).first() or ""
    return code if _known(code) else ""


def account_language_set(*, request: HttpRequest, code: str) -> None:
    """Save ``code`` on the signed-in user's account and use it for the rest of this session."""
    if not _known(code):
        raise ValueError(f"unknown language {code!r}")
    user = request.user
    if not user.is_authenticated:
        return
    AccountSettings.objects.update_or_create(user=user, defaults={"language": code})
    request.session[SESSION_LANGUAGE_KEY] = code


def account_language_restore(*, request: HttpRequest, user: User) -> None:
    """At sign-in: copy the account's saved language into the new session (nothing saved, nothing changes)."""
    code = account_language_get(user)
    if code:
        request.session[SESSION_LANGUAGE_KEY] = code
