"""Who is calling: a browser session, or a system with a scoped organisation token."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from ninja.security import HttpBearer, SessionAuth

from safelearn.api.models import ApiToken, Scope
from safelearn.api.services import token_authenticate
from safelearn.core.audit import audit_context_add
from safelearn.core.types import RequestUser
from safelearn.organisations.models import OrganisationKind, Role
from safelearn.organisations.selectors import is_analyst, user_has_role
from safelearn.reporting.access import report_get_for_reviewer
from safelearn.reporting.models import Report

#: Set by safelearn.api.middleware when a session still owes its two-factor step.
TWO_FACTOR_PENDING = "_safelearn_api_2fa_pending"


class TwoFactorRequired(PermissionDenied):
    """A signed-in session that has not finished two-factor sign-in may not use the API."""


@dataclass(frozen=True)
class Caller:
    user: RequestUser | None  # None: the token's creator has been deleted
    token: ApiToken | None

    def has_scope(self, scope: str) -> bool:
        return self.token is None or scope in self.token.scopes


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> ApiToken | None:
        found = token_authenticate(token)
        if found is not None:
            # Everything this request records names the token's creator (the caller) and the token itself.
            audit_context_add(api_token=str(found.pk))
        return found


class VerifiedSessionAuth(SessionAuth):
    """The browser's session, but only once two-factor sign-in is complete (a 403 problem, not a redirect)."""

    def authenticate(self, request: HttpRequest, key: str | None) -> Any:
        if getattr(request, TWO_FACTOR_PENDING, False):
            raise TwoFactorRequired("Finish two-factor sign-in in the browser before using the API.")
        return super().authenticate(request, key)


token_auth = TokenAuth()
session_auth = VerifiedSessionAuth()

#: Most endpoints accept either; the first that succeeds wins.
STAFF_AUTH = [token_auth, session_auth]


def caller_of(request: HttpRequest) -> Caller:
    auth = getattr(request, "auth", None)
    if isinstance(auth, ApiToken):
        return Caller(user=auth.created_by, token=auth)
    return Caller(user=request.user, token=None)


def reviewer_caller(request: HttpRequest, scope: str) -> Caller:
    """A safety lead's call: a token needs the scope; the services check the caller's (its creator's) role."""
    caller = caller_of(request)
    if not caller.has_scope(scope):
        raise PermissionDenied(f"This token lacks the {scope} scope.")
    return caller


def token_organisation_id(caller: Caller) -> Any:
    """The one organisation a token reaches (None for a signed-in session, which its roles limit)."""
    return caller.token.organisation_id if caller.token is not None else None


def reviewer_report(
    request: HttpRequest, report_id: Any, scope: str, *, reads_narrative: bool
) -> tuple[Caller, Report]:
    """A safety lead's report through the web's own look-up, held to the token's organisation (others are a 404)."""
    caller = reviewer_caller(request, scope)
    report = report_get_for_reviewer(
        user=caller.user,
        report_id=report_id,
        reads_narrative=reads_narrative,
        organisation_id=token_organisation_id(caller),
    )
    return caller, report


def in_token_org(caller: Caller, organisation_id: Any) -> None:
    """A token reaches only its own organisation's records; others do not exist for it."""
    if caller.token is not None and caller.token.organisation_id != organisation_id:
        raise Http404


def analyst_caller(request: HttpRequest) -> Caller:
    """National analysts by session; by token only with analytics:read, a national organisation's token,
    created by one of that organisation's analysts who still is one (so a council's token never reads the pool)."""
    caller = caller_of(request)
    if caller.token is not None:
        if Scope.ANALYTICS_READ not in caller.token.scopes:
            raise PermissionDenied(f"This token lacks the {Scope.ANALYTICS_READ} scope.")
        if caller.token.organisation.kind != OrganisationKind.NATIONAL:
            raise PermissionDenied("Only a national organisation's token can read national data.")
        if not user_has_role(caller.user, caller.token.organisation_id, Role.ANALYST):
            raise PermissionDenied("Only national analysts can do this.")
    if caller.user is None or not is_analyst(caller.user):
        raise PermissionDenied("Only national analysts can do this.")
    return caller
