"""Two-factor steps, the inactivity keep-alive, and the reporter's own-data pages. Thin views."""

from __future__ import annotations

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from safelearn.accounts import selectors, services
from safelearn.accounts.forms import ErasureForm, TokenForm
from safelearn.core.types import AuthenticatedHttpRequest


def _next_url(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return "/"


@never_cache
@login_required
def two_factor_setup(request: AuthenticatedHttpRequest) -> HttpResponse:
    user = request.user
    # Someone holding only the password must not add their own device to an enrolled account.
    if selectors.confirmed_devices(user) and not user.is_verified():  # type: ignore[attr-defined]  # added by django_otp's OTPMiddleware
        return redirect("accounts:two_factor_verify")
    device = services.device_enrol_start(user=user)
    form = TokenForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        if services.device_enrol_confirm(request=request, device=device, token=form.cleaned_data["token"]):
            messages.success(request, "Two-factor sign-in is set up. You will need a code each time you sign in.")
            return redirect(_next_url(request))
        form.add_error("token", "The security code is not correct or has expired – enter the code shown now")
    context = {
        "form": form,
        "qr_svg": services.qr_code_svg(device),
        "manual_key": services.two_factor.base32_key(device),
        "next": _next_url(request),
        "required": selectors.user_requires_two_factor(user),
    }
    return render(request, "accounts/two_factor_setup.html", context, status=400 if form.errors else 200)


@never_cache
@login_required
def two_factor_verify(request: AuthenticatedHttpRequest) -> HttpResponse:
    user = request.user
    if not selectors.confirmed_devices(user):
        return redirect("accounts:two_factor_setup")
    form = TokenForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        if services.device_verify(request=request, token=form.cleaned_data["token"]):
            return redirect(_next_url(request))
        form.add_error("token", "The security code is not correct or has expired – wait for a new code and try again")
    return render(
        request,
        "accounts/two_factor_verify.html",
        {"form": form, "next": _next_url(request)},
        status=400 if form.errors else 200,
    )


@require_GET
def keepalive(request: HttpRequest) -> HttpResponse:
    """Touched by the time-out warning's "Stay signed in" button; the idle middleware does the work."""
    return HttpResponse(status=204 if request.user.is_authenticated else 401)


@login_required
def my_data(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/my_data.html", {"form": ErasureForm()})


@never_cache
@login_required
def my_data_download(request: AuthenticatedHttpRequest) -> HttpResponse:
    data = services.reporter_data_export(user=request.user)
    response = HttpResponse(json.dumps(data, indent=2, ensure_ascii=False), content_type="application/json")
    # Always a download, never rendered in the browser.
    response["Content-Disposition"] = 'attachment; filename="safelearn-my-data.json"'
    return response


@never_cache
@login_required
def my_data_erase(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = ErasureForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        result = services.reporter_data_erase(user=request.user)
        count = len(result.reports_anonymised)
        messages.success(request, f"Your name has been removed from {count} report{'s' if count != 1 else ''}.")
        return redirect("accounts:my_data")
    return render(request, "accounts/my_data.html", {"form": form}, status=400 if form.errors else 200)
