"""The organisation's settings page: contacts for child-at-risk-now alerts, targets, retention, branding."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache

from safelearn.core.forms import apply_errors
from safelearn.organisations import services
from safelearn.organisations.branding import LOGO_MAX_BYTES
from safelearn.organisations.forms import SettingsForm
from safelearn.organisations.selectors import identity_retention_days, raw_retention_days
from safelearn.organisations.views.common import admin_organisation


@never_cache
@login_required
def organisation_settings(request: HttpRequest, org_slug: str) -> HttpResponse:
    organisation = admin_organisation(request, org_slug)
    bound = request.method == "POST"
    form = SettingsForm(
        request.POST if bound else None,
        request.FILES if bound else None,
        initial=SettingsForm.initial_for(organisation),
    )
    if bound and form.is_valid():
        data = form.cleaned_data
        upload = data.get("logo")
        logo = None
        if upload is not None:
            # Read one byte past the limit: enough to refuse a large file without holding all of it.
            logo = upload.read(LOGO_MAX_BYTES + 1)
        values = {key: data[key] for key in services.SETTING_FIELDS}
        try:
            changed = services.organisation_settings_update(
                actor=request.user, organisation=organisation, values=values, logo=logo, remove_logo=data["remove_logo"]
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, "Settings saved" if changed else "No settings were changed")
            return redirect("organisations:settings", org_slug=organisation.slug)
    context = {
        "organisation": organisation,
        "form": form,
        "identity_days": identity_retention_days(organisation),
        "raw_days": raw_retention_days(organisation),
    }
    return render(request, "organisations/settings.html", context, status=400 if form.errors else 200)
