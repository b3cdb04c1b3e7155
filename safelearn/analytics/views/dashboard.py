"""The dashboard (analysts: national; organisation users: their own organisation against the national picture)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from safelearn.analytics import access, selectors, services
from safelearn.analytics.aggregates import pool_count_cached
from safelearn.analytics.dashboard import dashboard_build
from safelearn.analytics.forms import ChildrenSupportedForm, DashboardFilterForm
from safelearn.analytics.models import BulletinStatus
from safelearn.analytics.tiles import dashboard_tiles
from safelearn.analytics.views.common import csv_response, dashboard_filters, form_submit
from safelearn.learning.selectors import open_signals
from safelearn.organisations.models import Role
from safelearn.organisations.selectors import is_analyst, organisations_where


@login_required
def home(request: HttpRequest) -> HttpResponse:
    if not is_analyst(request.user):
        access.dashboard_organisation_for(request.user)  # 403 for people with no organisation role
        return redirect("analytics:dashboard")
    alerts = list(selectors.alert_list_for_analyst(user=request.user)[:10])
    return render(
        request,
        "analytics/home.html",
        {
            "pool_size": pool_count_cached(filters=selectors.PoolFilters()),
            "signals": list(open_signals()),
            "drafts": selectors.bulletin_list_for_analyst(user=request.user).filter(status=BulletinStatus.DRAFT)[:10],
            "published": selectors.bulletin_list_published()[:5],
            "alerts": [
                (a, sum(1 for r in a.recipients.all() if r.acknowledged_at), len(a.recipients.all())) for a in alerts
            ],
            "tiles": dashboard_tiles(request.user),
        },
    )


def _dashboard_for(request: HttpRequest) -> tuple[DashboardFilterForm, Any]:
    refusal = "You can compare only your own organisation with the national picture."
    form, filters, organisation = dashboard_filters(request, refusal=refusal)
    return form, dashboard_build(filters=filters, compare_org=organisation)


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    form, board = _dashboard_for(request)
    return render(
        request,
        "analytics/dashboard.html",
        {
            "form": form,
            "board": board,
            "query": request.GET.urlencode(),
            "is_analyst": is_analyst(request.user),
            "can_set_children": bool(organisations_where(request.user, Role.ORG_ADMIN)),
            "can_respond_to_alerts": bool(access.alert_organisations(request.user)),
            "can_query": bool(organisations_where(request.user, Role.REVIEWER)) or is_analyst(request.user),
            "tiles": dashboard_tiles(request.user),
        },
    )


@login_required
def dashboard_csv(request: HttpRequest, figure_id: str) -> HttpResponse:
    _, board = _dashboard_for(request)
    figure = board.figures.get(figure_id)
    if figure is None:
        raise Http404
    return csv_response(f"safelearn-{figure.id}-{timezone.localdate():%Y%m%d}.csv", figure.columns, figure.rows)


@login_required
def pool(request: HttpRequest) -> HttpResponse:
    """Analysts read the approved de-identified reports, to choose what goes into a bulletin."""
    access.require_analyst(request.user)
    form = DashboardFilterForm(request.GET or None, analyst=True)
    filters = form.filters(None) if request.GET else selectors.PoolFilters()
    reports = selectors.pool_reports_for_analyst(user=request.user, filters=filters)
    drafts = selectors.bulletin_list_for_analyst(user=request.user).filter(status=BulletinStatus.DRAFT)
    return render(request, "analytics/pool.html", {"form": form, "reports": reports, "drafts": drafts})


@login_required
def children_supported(request: HttpRequest) -> HttpResponse:
    organisations = organisations_where(request.user, Role.ORG_ADMIN)
    if not organisations:
        raise PermissionDenied("Only organisation administrators can change this.")
    organisation = organisations[0]
    form = ChildrenSupportedForm(request.POST or None, initial={"children_supported": organisation.children_supported})

    def save() -> object:
        value = form.cleaned_data["children_supported"]
        return services.organisation_children_supported_set(organisation=organisation, actor=request.user, value=value)

    if request.method == "POST" and form_submit(request, form, save, "Number of children supported saved"):
        return redirect("analytics:dashboard")
    status = 400 if form.errors else 200
    return render(
        request, "analytics/children_supported.html", {"form": form, "organisation": organisation}, status=status
    )
