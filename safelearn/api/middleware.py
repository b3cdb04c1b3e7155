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

import json
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest, HttpResponse, JsonResponse

from safelearn.accounts.selectors import user_requires_two_factor
from safelearn.api.auth import TWO_FACTOR_PENDING
from safelearn.api.errors import PROBLEM, generic_problem, problem_body
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
        if _carries_nul(request):
            return JsonResponse(
                problem_body(400, "Bad request", "Text must not contain the NUL character (U+0000): remove it"),
                status=400,
                content_type=PROBLEM,
            )
        # A fresh context per request: a token's id never follows the thread into the next request.
        with audit_context():
            response = self.get_response(request)
        return as_problem(response)


def _carries_nul(request: HttpRequest) -> bool:
    """U+0000 in a query or JSON body: PostgreSQL cannot store it in text, so it is refused for every database.

    The body is parsed only when its bytes could hold one (a raw NUL or the escape \\u0000); an over-sized body
    is left for Django's own 400.
    """
    if any("\x00" in key or any("\x00" in value for value in values) for key, values in request.GET.lists()):
        return True
    if "json" not in request.META.get("CONTENT_TYPE", ""):
        return False  # uploads are binary; only JSON bodies carry text straight into the database
    length = request.META.get("CONTENT_LENGTH") or "0"
    limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    if not length.isdigit() or (limit is not None and int(length) > limit):
        return False
    body = request.body
    if b"\x00" not in body and b"\\u0000" not in body:
        return False
    try:
        return _has_nul(json.loads(body))
    except ValueError:
        return b"\x00" in body


def _has_nul(value: Any) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(_has_nul(k) or _has_nul(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_has_nul(item) for item in value)
    return False


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
            and not user.is_verified()  # type: ignore[attr-defined]  # added by django_otp's OTPMiddleware
            and user_requires_two_factor(user)
        ):
            setattr(request, TWO_FACTOR_PENDING, True)
            request.user = AnonymousUser()
        return self.get_response(request)
