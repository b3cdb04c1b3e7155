"""Who is calling: a browser session, or a system with a scoped organisation token."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from ninja.security import HttpBearer, SessionAuth

from safelearn.api.models import ApiToken, Scope
from safelearn.api.services import token_authenticate
from safelearn.organisations.models import OrganisationKind
from safelearn.organisations.selectors import is_analyst

#: Set by safelearn.api.middleware when a session still owes its two-factor step.
TWO_FACTOR_PENDING = "_safelearn_api_2fa_pending"


class TwoFactorRequired(PermissionDenied):
    """A signed-in session that has not finished two-factor sign-in may not use the API."""


@dataclass(frozen=True)
class Caller:
    user: Any
    token: ApiToken | None

    def has_scope(self, scope: str) -> bool:
        return self.token is None or scope in self.token.scopes


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> ApiToken | None:
        return token_authenticate(token)


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
        return Caller(user=auth.acting_user, token=auth)
    return Caller(user=request.user, token=None)


def reviewer_caller(request: HttpRequest, scope: str) -> Caller:
    """A caller acting as a safety lead: the token needs the scope and an acting user (the services check the role)."""
    caller = caller_of(request)
    if not caller.has_scope(scope):
        raise PermissionDenied(f"This token lacks the {scope} scope.")
    if caller.user is None:
        raise PermissionDenied("This token has no acting safety lead; ask your administrator to set one.")
    return caller


def in_token_org(caller: Caller, organisation_id: Any) -> None:
    """A token reaches only its own organisation's records; others do not exist for it."""
    if caller.token is not None and caller.token.organisation_id != organisation_id:
        raise Http404


def analyst_caller(request: HttpRequest) -> Caller:
    """National analysts by session; by token only with analytics:read, a national organisation's token,
    and an analyst as its acting user (so a council's token can never read the national pool)."""
    caller = caller_of(request)
    if caller.token is not None:
        if Scope.ANALYTICS_READ not in caller.token.scopes:
            raise PermissionDenied(f"This token lacks the {Scope.ANALYTICS_READ} scope.")
        if caller.token.organisation.kind != OrganisationKind.NATIONAL:
            raise PermissionDenied("Only a national organisation's token can read national data.")
    if caller.user is None or not is_analyst(caller.user):
        raise PermissionDenied("Only national analysts can do this.")
    return caller
