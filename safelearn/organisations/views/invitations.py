"""The page an invited person opens from their email: set a name and password, then two-factor set-up."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import login
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache

from safelearn.core.forms import apply_errors
from safelearn.organisations import services
from safelearn.organisations.forms import AcceptInvitationForm
from safelearn.organisations.permissions import user_requires_two_factor
from safelearn.organisations.selectors import invitation_usable


@never_cache
def invitation_accept(request: HttpRequest, token: str) -> HttpResponse:
    invitation = invitation_usable(token)
    if invitation is None:
        return render(request, "organisations/invitation_invalid.html", status=404)
    form = AcceptInvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user = services.invitation_accept(
                token=token, full_name=form.cleaned_data["full_name"], password=form.cleaned_data["password"]
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            # Signed in with the password just chosen; roles that need two-factor go straight to set-up.
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            if user_requires_two_factor(user):
                return redirect("accounts:two_factor_setup")
            messages.success(request, f"Your account is ready. Your username is {user.get_username()}.")
            return redirect("home")
    context = {"form": form, "invitation": invitation}
    return render(request, "organisations/invitation_accept.html", context, status=400 if form.errors else 200)
