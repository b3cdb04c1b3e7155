"""Safety alerts: analysts issue and follow compliance; organisations acknowledge and record actions."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from safelearn.analytics import access, selectors, services
from safelearn.analytics.forms import AlertForm, AlertResponseForm
from safelearn.analytics.views.common import apply_errors, form_submit


@login_required
def alert_list(request: HttpRequest) -> HttpResponse:
    alerts = selectors.alert_list_for_analyst(user=request.user)
    return render(request, "analytics/alert_list.html", {"alerts": alerts})


@login_required
def alert_new(request: HttpRequest) -> HttpResponse:
    access.require_analyst(request.user)
    form = AlertForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = services.AlertInput(
            title=form.cleaned_data["title"],
            why=form.cleaned_data["why"],
            what_to_do=form.cleaned_data["what_to_do"],
            respond_by=form.cleaned_data["respond_by"],
            organisation_ids=[o.pk for o in form.cleaned_data["organisations"]],
        )
        try:
            alert = services.alert_issue(actor=request.user, data=data)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, "Safety alert issued. Each organisation has been told.")
            return redirect("analytics:alert_detail", alert.pk)
    status = 400 if form.errors else 200
    return render(request, "analytics/alert_form.html", {"form": form}, status=status)


@login_required
def alert_detail(request: HttpRequest, alert_id: str) -> HttpResponse:
    compliance = selectors.alert_compliance(user=request.user, alert_id=alert_id, today=timezone.localdate())
    return render(request, "analytics/alert_detail.html", {"c": compliance})


@login_required
def organisation_alerts(request: HttpRequest) -> HttpResponse:
    organisations = access.alert_organisations(request.user)
    if not organisations:
        raise PermissionDenied("Only safety leads and administrators respond to safety alerts.")
    recipients = selectors.alerts_for_organisations(organisation_ids=[o.pk for o in organisations])
    return render(request, "analytics/organisation_alerts.html", {"recipients": recipients})


@login_required
def alert_respond(request: HttpRequest, recipient_id: str) -> HttpResponse:
    recipient = selectors.alert_recipient_for_responder(user=request.user, recipient_id=recipient_id)
    form = AlertResponseForm(
        request.POST if request.POST.get("action") == "actions" else None,
        initial={"actions_taken": recipient.actions_taken},
    )
    if request.method == "POST":
        if request.POST.get("action") == "acknowledge":
            services.alert_acknowledge(recipient=recipient, actor=request.user)
            messages.success(request, "Alert acknowledged")
            return redirect("analytics:alert_respond", recipient.pk)

        def record() -> object:
            actions_taken = form.cleaned_data["actions_taken"]
            return services.alert_record_actions(recipient=recipient, actor=request.user, actions_taken=actions_taken)

        if form_submit(request, form, record, "Your actions are recorded"):
            return redirect("analytics:alert_respond", recipient.pk)
    status = 400 if form.errors else 200
    return render(request, "analytics/alert_respond.html", {"r": recipient, "form": form}, status=status)
