"""Equality analysis: the pool broken down by the children's details and the type of setting (issue 17)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from safelearn.analytics import selectors
from safelearn.analytics.equality import equality_csv_bytes, equality_tables
from safelearn.analytics.forms import DashboardFilterForm
from safelearn.analytics.views.common import dashboard_filters, download
from safelearn.organisations.selectors import is_analyst


def _filters(request: HttpRequest) -> tuple[DashboardFilterForm, selectors.PoolFilters, str]:
    """The dashboard's filters and rules: an organisation user sees only their own organisation."""
    form, filters, organisation = dashboard_filters(
        request, refusal="You can see only your own organisation's figures."
    )
    scope = organisation.name if organisation else "All organisations"
    return form, filters, scope


@login_required
def equality(request: HttpRequest) -> HttpResponse:
    form, filters, scope = _filters(request)
    tables = equality_tables(filters)
    context = {
        "form": form,
        "tables": tables,
        "scope": scope,
        "filters": filters,
        "query": request.GET.urlencode(),
        "is_analyst": is_analyst(request.user),
    }
    return render(request, "analytics/equality.html", context, status=400 if form.errors else 200)


@login_required
def equality_csv(request: HttpRequest) -> HttpResponse:
    _, filters, _scope = _filters(request)
    period = f"{filters.date_from or 'start'} to {filters.date_to or timezone.localdate()}"
    content = equality_csv_bytes(equality_tables(filters), period)
    return download(content, f"safelearn-equality-{timezone.localdate():%Y%m%d}.csv", "text/csv; charset=utf-8")
