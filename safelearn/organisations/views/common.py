"""What every administrator page starts with: the organisation in the URL, and the caller's right to run it."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest

from safelearn.organisations.models import Organisation, Role
from safelearn.organisations.selectors import Person, organisation_by_slug, organisation_person, user_has_role


def admin_organisation(request: HttpRequest, org_slug: str) -> Organisation:
    organisation = organisation_by_slug(org_slug)
    if organisation is None:
        raise Http404
    if not user_has_role(request.user, organisation.pk, Role.ORG_ADMIN):
        raise PermissionDenied("Only the organisation's administrators can see this page.")
    return organisation


def member_or_404(organisation: Organisation, user_id: Any) -> Person:
    person = organisation_person(organisation, user_id)
    if person is None:
        raise Http404
    return person
