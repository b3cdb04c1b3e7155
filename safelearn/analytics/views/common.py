"""Shared bits of the analytics pages."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest

from safelearn.analytics import access, selectors
from safelearn.analytics.forms import DashboardFilterForm

# Re-exported: the analytics views reach these through this module.
from safelearn.core.forms import apply_errors as apply_errors
from safelearn.core.forms import form_submit as form_submit
from safelearn.core.spreadsheets import csv_response as csv_response
from safelearn.core.spreadsheets import download as download
from safelearn.organisations.models import Organisation


def dashboard_filters(
    request: HttpRequest, *, refusal: str
) -> tuple[DashboardFilterForm, selectors.PoolFilters, Organisation | None]:
    """The dashboard's filter form, the filters it chose and the organisation the user is locked to (None for an
    analyst). An organisation user who asks for another organisation is refused with ``refusal``."""
    organisation = access.dashboard_organisation_for(request.user)
    asked = request.GET.get("organisation", "")
    if organisation is not None and asked and asked != str(organisation.pk):
        raise PermissionDenied(refusal)
    form = DashboardFilterForm(request.GET or None, analyst=organisation is None)
    if request.GET:
        form.is_valid()
        filters = form.filters(organisation)
    else:
        filters = selectors.PoolFilters(organisation_id=organisation.pk if organisation else None)
    return form, filters, organisation
