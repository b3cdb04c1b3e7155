"""People: the list, inviting someone, a person's roles, deactivation and resetting their two-factor sign-in."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from safelearn.core.forms import apply_errors, form_submit
from safelearn.organisations import services
from safelearn.organisations.forms import ConfirmForm, InviteForm, RolesForm
from safelearn.organisations.selectors import active_admin_ids, invitations_pending, organisation_people
from safelearn.organisations.views.common import admin_organisation, member_or_404


@login_required
def people(request: HttpRequest, org_slug: str) -> HttpResponse:
    organisation = admin_organisation(request, org_slug)
    context = {
        "organisation": organisation,
        "people": organisation_people(organisation),
        "invitations": invitations_pending(organisation),
    }
    return render(request, "organisations/people.html", context)


@never_cache
@login_required
def invite(request: HttpRequest, org_slug: str) -> HttpResponse:
    organisation = admin_organisation(request, org_slug)
    form = InviteForm(request.POST or None, organisation=organisation)
    if request.method == "POST" and form_submit(
        request,
        form,
        lambda: services.invitation_create(actor=request.user, organisation=organisation, **form.cleaned_data),
        lambda invitation: f"Invitation sent to {invitation.email}",
    ):
        return redirect("organisations:people", org_slug=organisation.slug)
    status = 400 if form.errors else 200
    return render(request, "organisations/invite.html", {"form": form, "organisation": organisation}, status=status)


@never_cache
@login_required
def person(request: HttpRequest, org_slug: str, user_id: int) -> HttpResponse:
    organisation = admin_organisation(request, org_slug)
    member = member_or_404(organisation, user_id)
    form = RolesForm(request.POST or None, organisation=organisation, initial={"roles": member.roles})
    if request.method == "POST" and form_submit(
        request,
        form,
        lambda: services.membership_roles_set(
            actor=request.user, organisation=organisation, user=member.user, roles=form.cleaned_data["roles"]
        ),
        f"Roles saved for {member.user.get_full_name() or member.user.get_username()}",
    ):
        return redirect("organisations:person", org_slug=organisation.slug, user_id=member.user.pk)
    context = {
        "organisation": organisation,
        "person": member,
        "form": form,
        "last_admin": active_admin_ids(organisation) == {member.user.pk},
        "is_self": member.user.pk == request.user.pk,
    }
    return render(request, "organisations/person.html", context, status=400 if form.errors else 200)


def _confirm_page(request: HttpRequest, org_slug: str, user_id: int, *, action: str) -> HttpResponse:
    organisation = admin_organisation(request, org_slug)
    member = member_or_404(organisation, user_id)
    name = member.user.get_full_name() or member.user.get_username()
    form = ConfirmForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            if action == "deactivate":
                services.person_deactivate(actor=request.user, organisation=organisation, user=member.user)
                messages.success(request, f"{name} can no longer sign in. Their sessions and API tokens have ended.")
            else:
                services.person_two_factor_reset(actor=request.user, organisation=organisation, user=member.user)
                messages.success(
                    request, f"{name}'s two-factor sign-in is reset. They will set it up again when they next sign in."
                )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            return redirect("organisations:person", org_slug=organisation.slug, user_id=member.user.pk)
    context = {"organisation": organisation, "person": member, "name": name, "form": form, "action": action}
    return render(request, "organisations/confirm.html", context, status=400 if form.errors else 200)


@never_cache
@login_required
def person_deactivate(request: HttpRequest, org_slug: str, user_id: int) -> HttpResponse:
    return _confirm_page(request, org_slug, user_id, action="deactivate")


@never_cache
@login_required
def person_reset_two_factor(request: HttpRequest, org_slug: str, user_id: int) -> HttpResponse:
    return _confirm_page(request, org_slug, user_id, action="reset_two_factor")


@require_POST
@login_required
def person_reactivate(request: HttpRequest, org_slug: str, user_id: int) -> HttpResponse:
    organisation = admin_organisation(request, org_slug)
    member = member_or_404(organisation, user_id)
    form = ConfirmForm(request.POST)
    if not form.is_valid():
        return redirect("organisations:person", org_slug=organisation.slug, user_id=member.user.pk)
    services.person_reactivate(actor=request.user, organisation=organisation, user=member.user)
    messages.success(request, f"{member.user.get_full_name() or member.user.get_username()} can sign in again")
    return redirect("organisations:person", org_slug=organisation.slug, user_id=member.user.pk)
