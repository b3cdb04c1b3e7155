"""Sign in with your organisation: choose the provider, start the flow, handle the callback. Thin views."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import django_otp
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views import View
from django.views.decorators.cache import never_cache
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, OIDCAuthenticationRequestView

from safelearn.sso import selectors, services
from safelearn.sso.forms import ChooseOrganisationForm
from safelearn.sso.models import IdentityProvider
from safelearn.sso.oidc import (
    CLAIMS_ATTR,
    FAILURE_ATTR,
    STATE_PROVIDERS_KEY,
    SignInFailed,
    remember_provider_for_state,
    sso_setting,
)

LOGIN_HINT_KEY = "sso_login_hint"
_PROVIDER_ERROR_DEFAULT = "Your organisation's sign-in service did not sign you in. Start again."
_PROVIDER_ERRORS = {
    "access_denied": "Signing in was cancelled, or your organisation's sign-in service refused it. "
    "Start again, or ask your administrator whether you have access to SafeLearn.",
    "login_required": "You need to sign in to your work account first. Start again.",
    "temporarily_unavailable": "Your organisation's sign-in service is busy. Try again in a few minutes.",
}


def _safe_next(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return ""


def _failed(request: HttpRequest, message: str, status: int = 403) -> HttpResponse:
    return render(request, "sso/failed.html", {"message": message}, status=status)


@never_cache
def choose(request: HttpRequest) -> HttpResponse:
    """Ask for a work email, find the organisation's provider, and send the person there."""
    providers: list[IdentityProvider] = []
    if request.method == "POST":
        providers = selectors.providers_for_email(email=request.POST.get("email", ""))
    form = ChooseOrganisationForm(request.POST if request.method == "POST" else None, providers=providers)
    next_url = _safe_next(request)
    if request.method == "POST" and form.is_valid():
        chosen: IdentityProvider | None = None
        if not providers:
            form.add_error(
                "email",
                "Your organisation does not use single sign-on with SafeLearn for this address. "
                "Check the address, or sign in with your SafeLearn username and password.",
            )
        elif len(providers) == 1:
            chosen = providers[0]
        elif form.cleaned_data["provider"]:
            chosen = next(p for p in providers if str(p.pk) == form.cleaned_data["provider"])
        else:
            form.add_error("provider", "Select the organisation you work for")
        if chosen is not None:
            request.session[LOGIN_HINT_KEY] = form.cleaned_data["email"]
            url = reverse("sso:start", args=[chosen.pk])
            return redirect(f"{url}?{urlencode({'next': next_url})}" if next_url else url)
    context = {"form": form, "next": next_url, "ask_provider": len(providers) > 1}
    return render(request, "sso/choose.html", context, status=400 if form.errors else 200)


class StartView(OIDCAuthenticationRequestView):  # type: ignore[misc]  # mozilla-django-oidc has no type hints
    """Redirect to the chosen organisation's provider, remembering which provider the state belongs to."""

    def __init__(self, **kwargs: Any) -> None:
        View.__init__(self, **kwargs)  # not the library's: it reads one global provider from settings

    @staticmethod
    def get_settings(attr: str, *args: Any) -> Any:
        return sso_setting(attr, *args)

    def get_extra_params(self, request: HttpRequest) -> dict[str, str]:
        hint = request.session.pop(LOGIN_HINT_KEY, "")
        return {"login_hint": hint} if hint else {}

    def get(self, request: HttpRequest, provider_id: Any = None) -> HttpResponse:
        provider = selectors.provider_get_enabled(provider_id=provider_id)
        if provider is None:
            raise Http404("No such sign-in provider")
        if not (provider.authorization_endpoint and provider.token_endpoint and provider.jwks_uri):
            try:
                services.identity_provider_discover(provider=provider)
            except services.DiscoveryError:
                return _failed(
                    request,
                    f"Signing in with {provider.name} is not available right now. Try again later, "
                    "or sign in with your SafeLearn username and password.",
                    status=503,
                )
        self.OIDC_OP_AUTH_ENDPOINT = provider.authorization_endpoint
        self.OIDC_RP_CLIENT_ID = provider.client_id
        response: HttpResponse = super().get(request)
        state = parse_qs(urlsplit(response["Location"]).query)["state"][0]
        remember_provider_for_state(request.session, state, provider.pk)
        return response


class CallbackView(OIDCAuthenticationCallbackView):  # type: ignore[misc]  # mozilla-django-oidc has no type hints
    """The provider's redirect back: the library checks state and nonce; our backend does the rest."""

    @staticmethod
    def get_settings(attr: str, *args: Any) -> Any:
        return sso_setting(attr, *args)

    def get(self, request: HttpRequest) -> HttpResponse:
        if request.GET.get("error"):
            pending = dict(request.session.get(STATE_PROVIDERS_KEY) or {})
            provider_id = pending.pop(request.GET.get("state", ""), None)
            request.session[STATE_PROVIDERS_KEY] = pending
            error = request.GET["error"]
            if provider_id is not None:  # only for sign-ins we started, or anyone could fill the audit log
                services.sso_sign_in_refused_record(
                    provider=selectors.provider_get_enabled(provider_id=provider_id),
                    reason=f"provider error: {error[:100]}",
                )
            # error_description is not shown: anyone can craft this URL, and our page must not carry their words.
            setattr(request, FAILURE_ATTR, _PROVIDER_ERRORS.get(error, _PROVIDER_ERROR_DEFAULT))
        if (
            "code" in request.GET
            and "state" in request.GET
            and request.GET["state"] not in (request.session.get("oidc_states") or {})
        ):
            # The library raises SuspiciousOperation (a bare 400) here; a used or old link deserves words.
            setattr(request, FAILURE_ATTR, "This sign-in link has expired or was already used. Start again.")
            return self.login_failure()
        try:
            response: HttpResponse = super().get(request)
            return response
        except SignInFailed as exc:
            return _failed(request, str(exc))

    def login_failure(self) -> HttpResponse:
        message = (
            getattr(self.request, FAILURE_ATTR, None) or "Signing in with your organisation did not work. Start again."
        )
        return _failed(self.request, message)

    def login_success(self) -> HttpResponseRedirect:
        response: HttpResponseRedirect = super().login_success()
        provider_claims = getattr(self.request, CLAIMS_ATTR, None)
        if provider_claims is not None:
            provider, claims = provider_claims
            # The provider's MFA stands in for SafeLearn's own 2FA only when the token says it happened.
            if services.provider_did_mfa(claims):
                django_otp.login(self.request, services.provider_mfa_device_ensure(user=self.user, provider=provider))
        return response
