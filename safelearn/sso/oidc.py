"""The relying party: mozilla-django-oidc's backend, configured per organisation instead of by global settings.

mozilla-django-oidc reads one provider from settings. Here the start view picks the organisation's
provider, remembers its id in the session under the OAuth `state`, and the backend looks it up again
at the callback, so two tabs signing in to two organisations never mix.

The library leaves the id_token's `iss`, `aud` and `exp` unchecked (`verify_aud=False`); we check
them here, with the nonce (library) and PKCE (library, on by default below).
"""

from __future__ import annotations

from typing import Any

import jwt
import requests
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.sessions.backends.base import SessionBase
from django.core.exceptions import SuspiciousOperation
from django.http import HttpRequest
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from safelearn.sso import services
from safelearn.sso.models import IdentityProvider
from safelearn.sso.selectors import provider_get_enabled

SIGN_ALGORITHM = "RS256"
CLOCK_LEEWAY_SECONDS = 60
STATE_PROVIDERS_KEY = "sso_provider_by_state"
MAX_PENDING_STATES = 20

_DEFAULTS: dict[str, Any] = {
    "OIDC_RP_SCOPES": "openid email profile",
    "OIDC_AUTHENTICATION_CALLBACK_URL": "sso:callback",
    "OIDC_TIMEOUT": 10,
}
# Never weakened by settings: without these, a token could be replayed or forged.
_FORCED: dict[str, Any] = {
    "OIDC_USE_NONCE": True,
    "OIDC_USE_PKCE": True,
    "OIDC_ALLOW_UNSECURED_JWT": False,
    "OIDC_VERIFY_SSL": True,
}

FAILURE_ATTR = "_sso_failure"
CLAIMS_ATTR = "_sso_claims"


def sso_setting(attr: str, *default: Any) -> Any:
    """Like mozilla_django_oidc.utils.import_from_settings, with SafeLearn's defaults and fixed safety settings."""
    if attr in _FORCED:
        return _FORCED[attr]
    if hasattr(settings, attr):
        return getattr(settings, attr)
    if attr in _DEFAULTS:
        return _DEFAULTS[attr]
    if default:
        return default[0]
    raise AttributeError(attr)


def remember_provider_for_state(session: SessionBase, state: str, provider_id: Any) -> None:
    pending: dict[str, str] = dict(session.get(STATE_PROVIDERS_KEY) or {})
    pending[state] = str(provider_id)
    session[STATE_PROVIDERS_KEY] = dict(list(pending.items())[-MAX_PENDING_STATES:])


def pop_provider_for_state(session: SessionBase, state: str) -> str | None:
    pending: dict[str, str] = dict(session.get(STATE_PROVIDERS_KEY) or {})
    provider_id = pending.pop(state, None)
    session[STATE_PROVIDERS_KEY] = pending
    return provider_id


class SignInFailed(Exception):
    """A refused SSO callback, with a message for the person; caught by the callback view.

    Raised rather than returning None so Django sends no `user_login_failed`: django-axes would count
    it against (no username, IP address), and five refusals in one office would lock out everyone's
    single sign-on there. There is no password to guess at the callback, so lockout protects nothing.
    """


class OrganisationOIDCBackend(OIDCAuthenticationBackend):  # type: ignore[misc]  # mozilla-django-oidc has no type hints
    """Authorization-code flow against the provider chosen for this sign-in; users keyed by (issuer, sub)."""

    provider: IdentityProvider

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # Deliberately not super().__init__(): it requires one global provider in settings.
        self.UserModel = get_user_model()

    @staticmethod
    def get_settings(attr: str, *args: Any) -> Any:
        return sso_setting(attr, *args)

    def _configure(self, provider: IdentityProvider) -> None:
        self.provider = provider
        self.OIDC_OP_TOKEN_ENDPOINT = provider.token_endpoint
        self.OIDC_OP_USER_ENDPOINT = provider.userinfo_endpoint
        self.OIDC_OP_JWKS_ENDPOINT = provider.jwks_uri
        self.OIDC_RP_CLIENT_ID = provider.client_id
        self.OIDC_RP_CLIENT_SECRET = provider.client_secret or ""
        self.OIDC_RP_SIGN_ALGO = SIGN_ALGORITHM
        self.OIDC_RP_IDP_SIGN_KEY = None

    def authenticate(self, request: HttpRequest | None, **kwargs: Any) -> Any:
        # Called for every sign-in (password ones too): act only on a callback we started.
        if request is None or "code" not in request.GET or "state" not in request.GET:
            return None
        provider_id = pop_provider_for_state(request.session, request.GET["state"])
        if provider_id is None:
            return None
        provider = provider_get_enabled(provider_id=provider_id)
        if provider is None:
            raise SignInFailed("Single sign-on for your organisation has been switched off. Ask your administrator.")
        self._configure(provider)
        try:
            return super().authenticate(request, **kwargs)
        except services.SignInRefused as exc:
            message, reason = str(exc), str(exc)
        except SuspiciousOperation as exc:
            message, reason = f"The sign-in response could not be verified ({exc}). Start again.", str(exc)
        except (requests.RequestException, ValueError, jwt.PyJWTError) as exc:
            message = (
                f"{provider.organisation}'s sign-in service could not be reached or gave a bad answer. Try again later."
            )
            reason = f"{type(exc).__name__}: {exc}"
        services.sso_sign_in_refused_record(provider=provider, reason=reason)
        raise SignInFailed(message)

    def get_payload_data(self, token: bytes | str, key: Any) -> dict[str, Any]:
        """Verify signature *and* issuer, audience, expiry (OpenID Connect Core §3.1.3.7)."""
        header = jwt.get_unverified_header(token)
        if header.get("alg") != SIGN_ALGORITHM:
            raise services.SignInRefused("The sign-in token was not signed the way SafeLearn requires. Start again.")
        try:
            payload: dict[str, Any] = jwt.decode(
                token,
                key,
                algorithms=[SIGN_ALGORITHM],
                audience=self.provider.client_id,
                issuer=self.provider.issuer,
                leeway=CLOCK_LEEWAY_SECONDS,
                options={"require": ["exp", "iat", "iss", "aud", "sub"]},
            )
        except jwt.ExpiredSignatureError as exc:
            raise services.SignInRefused("Your sign-in took too long and the token has expired. Start again.") from exc
        except jwt.InvalidIssuerError as exc:
            raise services.SignInRefused(
                f"The sign-in token came from a different issuer than {self.provider.organisation}'s provider."
            ) from exc
        except jwt.InvalidAudienceError as exc:
            raise services.SignInRefused("The sign-in token was issued for a different application.") from exc
        except jwt.PyJWTError as exc:
            raise services.SignInRefused(f"The sign-in token is not valid ({exc}). Start again.") from exc
        audience = payload.get("aud")
        if isinstance(audience, list) and len(audience) > 1 and payload.get("azp") != self.provider.client_id:
            raise services.SignInRefused("The sign-in token was issued for a different application.")
        return payload

    def verify_token(self, token: Any, **kwargs: Any) -> Any:
        try:
            return super().verify_token(token, **kwargs)
        except SuspiciousOperation as exc:
            if "Nonce" in str(exc):
                raise services.SignInRefused(
                    "The sign-in response does not belong to this sign-in attempt. Start again."
                ) from exc
            raise

    def get_or_create_user(self, access_token: Any, id_token: Any, payload: dict[str, Any]) -> Any:
        # The verified id_token is authoritative; userinfo only fills claims it lacks (names, often).
        claims = dict(payload)
        if self.OIDC_OP_USER_ENDPOINT and access_token:
            info = self.get_userinfo(access_token, id_token, payload)
            if str(info.get("sub")) != str(payload.get("sub")):
                # OpenID Connect Core §5.3.2: a mismatched sub means the response must not be used.
                raise services.SignInRefused("The sign-in service described a different person. Start again.")
            for name, value in info.items():
                claims.setdefault(name, value)
        result = services.sso_sign_in(provider=self.provider, claims=claims)
        setattr(self.request, CLAIMS_ATTR, (self.provider, claims))
        return result.user
