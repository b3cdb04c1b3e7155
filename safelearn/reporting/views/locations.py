"""The organisation administrator's list of locations: add, rename or re-type, retire and reinstate.

In reporting (not organisations) so imports run one way: reporting builds on organisations, never the reverse.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from safelearn.core.forms import form_submit
from safelearn.organisations.models import Organisation
from safelearn.organisations.views.common import admin_organisation
from safelearn.reporting import selectors, services
from safelearn.reporting.forms import LocationForm
from safelearn.reporting.models import Location


@login_required
def location_list(request: HttpRequest, org_slug: str) -> HttpResponse:
    organisation = admin_organisation(request, org_slug)
    locations = list(selectors.locations_of(organisation=organisation))
    context = {
        "organisation": organisation,
        "current": [loc for loc in locations if not loc.is_retired],
        "retired": [loc for loc in locations if loc.is_retired],
    }
    return render(request, "reporting/locations/list.html", context)


def _location_form(request: HttpRequest, organisation: Organisation, location: Location | None) -> HttpResponse:
    """The add page (``location`` None) and the rename page: one form; back to the list, or the form with its
    errors."""
    initial = {"name": location.name, "setting_type": location.setting_type} if location else None
    form = LocationForm(request.POST or None, initial=initial)

    def save() -> Location:
        if location is None:
            return services.location_create(actor=request.user, organisation=organisation, **form.cleaned_data)
        return services.location_update(actor=request.user, location=location, **form.cleaned_data)

    saved_words = "is on the list" if location is None else "is saved"
    if request.method == "POST" and form_submit(request, form, save, lambda saved: f"{saved.name} {saved_words}"):
        return redirect("reporting:locations", org_slug=organisation.slug)
    context = {"organisation": organisation, "form": form, "location": location}
    return render(request, "reporting/locations/form.html", context, status=400 if form.errors else 200)


@never_cache
@login_required
def location_add(request: HttpRequest, org_slug: str) -> HttpResponse:
    return _location_form(request, admin_organisation(request, org_slug), None)


@never_cache
@login_required
def location_edit(request: HttpRequest, org_slug: str, location_id: str) -> HttpResponse:
    organisation = admin_organisation(request, org_slug)
    location = selectors.location_in(organisation=organisation, location_id=location_id)
    return _location_form(request, organisation, location)


@require_POST
@login_required
def location_retire(request: HttpRequest, org_slug: str, location_id: str) -> HttpResponse:
    organisation = admin_organisation(request, org_slug)
    location = selectors.location_in(organisation=organisation, location_id=location_id)
    if request.POST.get("reinstate") == "yes":
        services.location_reinstate(actor=request.user, location=location)
        messages.success(request, f"{location.name} is offered on the report form again")
    else:
        services.location_retire(actor=request.user, location=location)
        messages.success(request, f"{location.name} is retired: reports that name it keep it")
    return redirect("reporting:locations", org_slug=organisation.slug)
