"""Middleware for /api/ paths.

ApiRequestMiddleware (near the top of the stack) gives every API request its own audit context, so that
events recorded during a token's request carry the token's id, and turns every error response under /api/
into a problem document, whichever layer produced it.

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
from safelearn.api.errors import PROBLEM, generic_problem
from safelearn.core.audit import audit_context

API_PREFIX = "/api/"


#: Headers of the original error response that describe the body, so are not carried over to the problem.
_BODY_HEADERS = {"content-type", "content-length", "content-disposition", "content-language", "content-encoding"}


class ApiRequestMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.path.startswith(API_PREFIX):
            return self.get_response(request)
        # A fresh context per request: a token's id never follows the thread into the next request.
        with audit_context():
            response = self.get_response(request)
        return as_problem(response)


def as_problem(response: HttpResponse) -> HttpResponse:
    """Any error response under /api/ becomes a problem document (RFC 9457).

    The API's own handlers already answer so; this catches what reaches a client from outside them: the URL
    resolver's 404, a 405, Django's 400 for an over-sized body, a 500 from an unhandled exception (its
    text is logged by Django, never sent), a 503. Headers such as Allow and Retry-After are kept.
    """
    if response.status_code < 400 or response.streaming:
        return response
    if response.get("Content-Type", "").startswith(PROBLEM):
        return response
    converted = generic_problem(response.status_code)
    for header, value in response.items():
        if header.lower() not in _BODY_HEADERS:
            converted[header] = value
    converted.cookies = response.cookies
    return converted


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
