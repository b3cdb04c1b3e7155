"""Pages a safety lead reads: inbox, triage queue, one report, actions across the organisation, preferences."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from safelearn.core.forms import form_submit
from safelearn.core.types import AuthenticatedHttpRequest
from safelearn.review import selectors, services
from safelearn.review.forms import ActionUpdateForm, InboxFilterForm, PreferenceForm
from safelearn.review.models import ActionStatus
from safelearn.review.services.notify import email_frequency_for
from safelearn.review.views.common import render_report, require_any_reviewer


@login_required
def inbox(request: HttpRequest) -> HttpResponse:
    require_any_reviewer(request)
    form = InboxFilterForm(request.GET or None)
    reports = selectors.report_list_for_reviewer(user=request.user, filters=form.filters() if form.is_bound else None)
    page = Paginator(reports, 50).get_page(request.GET.get("page"))
    return render(request, "review/inbox.html", {"form": form, "page": page})


@login_required
def triage(request: HttpRequest) -> HttpResponse:
    require_any_reviewer(request)
    items = selectors.triage_queue(user=request.user)
    return render(request, "review/triage.html", {"items": items, "overdue": sum(1 for i in items if i.overdue)})


@login_required
def report_detail(request: HttpRequest, report_id: str) -> HttpResponse:
    report = selectors.report_get_for_reviewer(user=request.user, report_id=report_id)
    return render_report(request, report)


STATUS_FILTERS = [("", "All"), ("overdue", "Overdue"), *ActionStatus.choices]


@login_required
def actions(request: HttpRequest) -> HttpResponse:
    require_any_reviewer(request)
    status = request.GET.get("status", "")
    if status not in dict(STATUS_FILTERS):
        status = ""
    overview = selectors.actions_for_reviewer(user=request.user, status=status)
    return render(
        request,
        "review/actions.html",
        {"overview": overview, "status": status, "filters": STATUS_FILTERS, "today": timezone.localdate()},
    )


@login_required
def action_update(request: HttpRequest, action_id: str) -> HttpResponse:
    action = selectors.action_get_for_reviewer(user=request.user, action_id=action_id)
    if request.method == "POST":
        form = ActionUpdateForm(request.POST)
        if form_submit(
            request,
            form,
            lambda: services.action_update(action=action, actor=request.user, **form.cleaned_data),
            lambda updated: f"Action updated: {updated.get_status_display().lower()}.",
        ):
            return redirect("review:report_actions", report_id=action.report_id)
    else:
        form = ActionUpdateForm(
            initial={
                "status": action.status,
                "evidence": action.evidence,
                "effectiveness_notes": action.effectiveness_notes,
            }
        )
    status = 400 if form.is_bound else 200
    return render(request, "review/action_update.html", {"action": action, "form": form}, status=status)


@login_required
def preferences(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Every signed-in person chooses their own email frequency; nobody else's can be reached from here."""
    if request.method == "POST":
        form = PreferenceForm(request.POST)
        if form.is_valid():
            services.notification_preference_set(user=request.user, **form.cleaned_data)
            messages.success(request, "Your email choice has been saved.")
            return redirect("review:preferences")
        return render(request, "review/preferences.html", {"form": form}, status=400)
    form = PreferenceForm(initial={"email_frequency": email_frequency_for(request.user)})
    return render(request, "review/preferences.html", {"form": form})
