"""National administrators: every organisation's set-up at a glance, and setting up a new one."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache

from safelearn.core.forms import apply_errors
from safelearn.core.schedule import schedule_enabled, schedule_status
from safelearn.organisations import national
from safelearn.organisations.forms_national import OrganisationCreateForm
from safelearn.organisations.models import Role
from safelearn.organisations.permissions import require_national_admin

ROLE_COLUMNS = [(Role.ORG_ADMIN, "Administrators"), (Role.REVIEWER, "Safety leads"), (Role.REPORTER, "Reporters")]


@login_required
def organisations(request: HttpRequest) -> HttpResponse:
    require_national_admin(request.user)
    quarter, statuses = national.setup_statuses()
    rows = [
        {"status": s, "counts": [s.users(role) for role, _ in ROLE_COLUMNS], "analysts": s.users(Role.ANALYST)}
        for s in statuses
    ]
    context = {
        "quarter": quarter,
        "rows": rows,
        "role_columns": [label for _, label in ROLE_COLUMNS],
        "not_ready": sum(1 for s in statuses if not s.ready),
    }
    return render(request, "organisations/national_list.html", context)


@never_cache
@login_required
def organisation_new(request: HttpRequest) -> HttpResponse:
    require_national_admin(request.user)
    form = OrganisationCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            organisation = national.organisation_create(actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(
                request,
                f"{organisation.name} is set up. We have emailed {form.cleaned_data['admin_email']} "
                "to tell them they are its administrator.",
            )
            return redirect("national:organisations")
    status = 400 if form.errors else 200
    return render(request, "organisations/national_new.html", {"form": form}, status=status)


@login_required
def jobs(request: HttpRequest) -> HttpResponse:
    """The recurring jobs the worker runs: schedule, last run and outcome, next due."""
    require_national_admin(request.user)
    context = {"statuses": schedule_status(), "enabled": schedule_enabled()}
    return render(request, "organisations/national_jobs.html", context)
