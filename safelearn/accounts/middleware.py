"""Sign-in middleware: sign out after inactivity, and make 2FA roles verify before any other page."""

from __future__ import annotations

import time
from collections.abc import Callable
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import translation

from safelearn.accounts import selectors
from safelearn.accounts.services.language import SESSION_LANGUAGE_KEY
from safelearn.core.i18n import set_language_cookie

LAST_SEEN_KEY = "_sl_last_seen"
# Pages a half-signed-in user still needs: the 2FA steps themselves, signing out, and static files.
_EXEMPT_NAMES = ("accounts:two_factor_setup", "accounts:two_factor_verify", "accounts:keepalive", "logout")
_EXEMPT_PREFIXES = ("/static/", "/assets/")


def _with_next(url: str, request: HttpRequest) -> str:
    return f"{url}?{urlencode({'next': request.get_full_path()})}" if request.method == "GET" else url


class SessionIdleMiddleware:
    """Sign a signed-in user out after SAFELEARN_SESSION_IDLE_SECONDS without a request.

    Checked on the server (not only by cookie age), so an old cookie copied from a shared computer
    is worthless once the person has walked away.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated and not request.path.startswith(_EXEMPT_PREFIXES):
            now = time.time()
            idle = int(getattr(settings, "SAFELEARN_SESSION_IDLE_SECONDS", 1800))
            last_seen = request.session.get(LAST_SEEN_KEY)
            if isinstance(last_seen, (int, float)) and now - last_seen > idle:
                logout(request)
                messages.info(
                    request, f"You were signed out after {idle // 60} minutes without activity. Sign in again."
                )
                return redirect(_with_next(reverse(settings.LOGIN_URL), request))
            request.session[LAST_SEEN_KEY] = now
        return self.get_response(request)


class TwoFactorRequiredMiddleware:
    """A signed-in safety lead, administrator or analyst without a verified device sees only the 2FA pages."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self._exempt_paths: set[str] | None = None

    def _exempt(self, path: str) -> bool:
        if path.startswith(_EXEMPT_PREFIXES):
            return True
        if self._exempt_paths is None:
            self._exempt_paths = {reverse(name) for name in _EXEMPT_NAMES}
        return path in self._exempt_paths

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if (
            user.is_authenticated
            and not user.is_verified()  # type: ignore[attr-defined]  # added by django_otp's OTPMiddleware
            and selectors.user_requires_two_factor(user)
            and not self._exempt(request.path)
        ):
            target = "accounts:two_factor_verify" if selectors.confirmed_devices(user) else "accounts:two_factor_setup"
            return redirect(_with_next(reverse(target), request))
        return self.get_response(request)


class AccountLanguageMiddleware:
    """A signed-in person sees the language saved on their account, on every device (issue 21).

    Runs after LocaleMiddleware (which picked the cookie's or browser's language) and overrides it with
    the language copied into the session at sign-in. The device's language cookie is rewritten to match,
    so pages after signing out stay in the same language.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        code = request.session.get(SESSION_LANGUAGE_KEY, "") if request.user.is_authenticated else ""
        if code in dict(settings.LANGUAGES):
            translation.activate(code)
            request.LANGUAGE_CODE = code
        response = self.get_response(request)
        # Read again: signing in (or the language select) during this request may have just set it.
        code = request.session.get(SESSION_LANGUAGE_KEY, "") or code
        if code in dict(settings.LANGUAGES) and request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) != code:
            set_language_cookie(response, code)
        return response
