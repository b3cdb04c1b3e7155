"""Every error in one shape: RFC 9457 problem details (application/problem+json)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as SchemaError

PROBLEM = "application/problem+json"


class RateLimited(Exception):
    """Too many requests from this client for this action."""


def problem(
    api: NinjaAPI, request: HttpRequest, status: int, title: str, detail: str = "", errors: dict[str, Any] | None = None
) -> HttpResponse:
    body: dict[str, Any] = {"type": f"https://safelearn.invalid/problems/{status}", "title": title, "status": status}
    if detail:
        body["detail"] = detail
    if errors:
        body["errors"] = errors
    response = api.create_response(request, body, status=status)
    response["Content-Type"] = PROBLEM
    return response


def install(api: NinjaAPI) -> None:
    @api.exception_handler(SchemaError)
    def schema_error(request: HttpRequest, exc: SchemaError) -> HttpResponse:
        errors: dict[str, list[str]] = {}
        for item in exc.errors:
            loc = ".".join(str(p) for p in item.get("loc", [])[1:] if p not in ("body", "payload")) or "body"
            errors.setdefault(loc, []).append(str(item.get("msg", "invalid")))
        return problem(api, request, 422, "The request is not valid", "Check the fields named in errors.", errors)

    @api.exception_handler(ValidationError)
    def rule_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
        errors = exc.message_dict if hasattr(exc, "error_dict") else {"body": exc.messages}
        return problem(api, request, 400, "The request breaks a rule", "See errors for what to change.", errors)

    @api.exception_handler(AuthenticationError)
    def unauthenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
        return problem(
            api,
            request,
            401,
            "Authentication required",
            "Send a valid organisation token (Authorization: Bearer ...) or sign in.",
        )

    @api.exception_handler(PermissionDenied)
    def forbidden(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
        return problem(api, request, 403, "Not allowed", str(exc) or "You do not have permission to do this.")

    @api.exception_handler(Http404)
    def not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
        return problem(api, request, 404, "Not found")

    @api.exception_handler(RateLimited)
    def too_many(request: HttpRequest, exc: RateLimited) -> HttpResponse:
        response = problem(api, request, 429, "Too many requests", "Wait a minute and try again.")
        response["Retry-After"] = "60"
        return response

    @api.exception_handler(HttpError)
    def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        return problem(api, request, exc.status_code, str(exc))
