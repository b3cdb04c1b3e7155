"""Safety lead pages: the inbox and a report with its history and next steps."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from safelearn.core.audit import audit_history
from safelearn.organisations.models import Role
from safelearn.organisations.selectors import organisations_where
from safelearn.reporting.forms import TransitionForm
from safelearn.reporting.models import Report
from safelearn.review import selectors, workflow
from safelearn.review.forms import InboxFilterForm


@login_required
def inbox(request: HttpRequest) -> HttpResponse:
    if not organisations_where(request.user, Role.REVIEWER):
        raise PermissionDenied("Only safety leads have an inbox.")
    form = InboxFilterForm(request.GET or None)
    reports = selectors.report_list_for_reviewer(user=request.user, filters=form.filters() if form.is_bound else None)
    page = Paginator(reports, 50).get_page(request.GET.get("page"))
    return render(request, "review/inbox.html", {"form": form, "page": page})


@login_required
def report_detail(request: HttpRequest, report_id: str) -> HttpResponse:
    report = selectors.report_get_for_reviewer(user=request.user, report_id=report_id)
    return render(
        request,
        "review/report_detail.html",
        {
            "report": report,
            "transitions": workflow.allowed_transitions(report),
            "history": audit_history(report),
            "form": TransitionForm(),
        },
    )


@login_required
@require_POST
def report_transition(request: HttpRequest, report_id: str) -> HttpResponse:
    report = selectors.report_get_for_reviewer(user=request.user, report_id=report_id)
    form = TransitionForm(request.POST)
    if form.is_valid():
        primary = None
        ref = form.cleaned_data["duplicate_of"].strip()
        if ref:
            primary = Report.objects.filter(organisation_id=report.organisation_id, reference__iexact=ref).first()
        try:
            workflow.report_transition(
                report=report,
                actor=request.user,
                to_status=form.cleaned_data["to_status"],
                reason=form.cleaned_data["reason"],
                duplicate_of=primary,
            )
        except ValidationError as exc:
            for field, errors in exc.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            report.refresh_from_db()
            messages.success(request, f"Report {report.reference} is now {report.get_status_display().lower()}.")
            return redirect("review:report_detail", report_id=report.pk)
    return render(
        request,
        "review/report_detail.html",
        {
            "report": report,
            "transitions": workflow.allowed_transitions(report),
            "history": audit_history(report),
            "form": form,
        },
        status=400,
    )
