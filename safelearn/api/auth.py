"""Who is calling: a browser session, or a system with a scoped organisation token."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest
from ninja.security import HttpBearer, django_auth

from safelearn.api.models import ApiToken
from safelearn.api.services import token_authenticate


@dataclass(frozen=True)
class Caller:
    user: Any
    token: ApiToken | None

    def has_scope(self, scope: str) -> bool:
        return self.token is None or scope in self.token.scopes


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> ApiToken | None:
        return token_authenticate(token)


token_auth = TokenAuth()
session_auth = django_auth

#: Most endpoints accept either; the first that succeeds wins.
STAFF_AUTH = [token_auth, session_auth]


def caller_of(request: HttpRequest) -> Caller:
    auth = getattr(request, "auth", None)
    if isinstance(auth, ApiToken):
        return Caller(user=auth.acting_user, token=auth)
    return Caller(user=request.user, token=None)
