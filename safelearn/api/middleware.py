"""Middleware for /api/ paths.

ApiRequestMiddleware (near the top of the stack) gives every API request its own audit context, so that
events recorded during a token's request carry the token's id.

ApiTwoFactorMiddleware: API calls from a half-signed-in session get a 403 problem document, not the 2FA
page's HTML redirect. Runs just before safelearn.accounts' TwoFactorRequiredMiddleware. For /api/ paths it
sets the unverified user aside (so that middleware lets the request through) and marks the request; the
API's session authentication then refuses with a 403 problem. Tokens and public endpoints work as for
anyone signed out.
"""

from __future__ import annotations

from collections.abc import Callable

from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest, HttpResponse

from safelearn.accounts.selectors import user_requires_two_factor
from safelearn.api.auth import TWO_FACTOR_PENDING
from safelearn.core.audit import audit_context

API_PREFIX = "/api/"


class ApiRequestMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.path.startswith(API_PREFIX):
            return self.get_response(request)
        # A fresh context per request: a token's id never follows the thread into the next request.
        with audit_context():
            return self.get_response(request)


class ApiTwoFactorMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if (
            request.path.startswith(API_PREFIX)
            and user.is_authenticated
            and not user.is_verified()  # type: ignore[union-attr,attr-defined]  # added by django_otp's OTPMiddleware
            and user_requires_two_factor(user)
        ):
            setattr(request, TWO_FACTOR_PENDING, True)
            request.user = AnonymousUser()
        return self.get_response(request)
