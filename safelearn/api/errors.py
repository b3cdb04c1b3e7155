"""Every error in one shape: RFC 9457 problem details (application/problem+json)."""

from __future__ import annotations

from http import HTTPStatus
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, RequestDataTooBig, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as SchemaError

PROBLEM = "application/problem+json"


class RateLimited(Exception):
    """Too many requests from this client for this action; `retry_after` is the limit's window in seconds."""

    def __init__(self, group: str, retry_after: int = 60) -> None:
        super().__init__(group)
        self.retry_after = retry_after


#: What a client is told for an error that reached us from outside the API's own handlers (Django's URL
#: resolver, a method not allowed, an unhandled exception, a body over the size limit). Never the
#: exception's text: that goes to the log only.
GENERIC: dict[int, tuple[str, str]] = {
    400: ("The request could not be read", "Check that the body is valid JSON and no larger than the limit."),
    404: ("Not found", "Nothing was found. Check the address and any id or code you sent."),
    405: ("Method not allowed", "This address does not accept that method; the Allow header lists those it does."),
    429: ("Too many requests", "Too many attempts from your address. Try again later (see Retry-After)."),
    500: ("Something went wrong on our side", "The error has been logged. Try again later."),
    503: ("Service unavailable", "The service is busy or being maintained. Try again shortly."),
}


def problem_body(status: int, title: str, detail: str = "", errors: dict[str, Any] | None = None) -> dict[str, Any]:
    body: dict[str, Any] = {"type": f"https://safelearn.invalid/problems/{status}", "title": title, "status": status}
    detail = detail or GENERIC.get(status, ("", ""))[1]
    if detail:
        body["detail"] = detail
    if errors:
        body["errors"] = errors
    return body


def problem(
    api: NinjaAPI, request: HttpRequest, status: int, title: str, detail: str = "", errors: dict[str, Any] | None = None
) -> HttpResponse:
    response = api.create_response(request, problem_body(status, title, detail, errors), status=status)
    response["Content-Type"] = PROBLEM
    return response


def generic_problem(status: int) -> HttpResponse:
    """A problem document for any error status, without the API object (used by the middleware)."""
    try:
        phrase = HTTPStatus(status).phrase
    except ValueError:
        phrase = "Error"
    fallback = "The service could not answer. Try again later." if status >= 500 else "The request was refused."
    title, detail = GENERIC.get(status, (phrase, fallback))
    return JsonResponse(problem_body(status, title, detail), status=status, content_type=PROBLEM)


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
        response = problem(api, request, 429, "Too many requests")
        response["Retry-After"] = str(exc.retry_after)
        return response

    @api.exception_handler(RequestDataTooBig)
    def too_big(request: HttpRequest, exc: RequestDataTooBig) -> HttpResponse:
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        size = f" ({limit // 1024} KB)" if limit else ""
        return problem(
            api, request, 400, "The request body is too large", f"Send a body no larger than the limit{size}."
        )

    @api.exception_handler(HttpError)
    def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        return problem(api, request, exc.status_code, str(exc))
