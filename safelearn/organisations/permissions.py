"""Who may do what, by role in an organisation. Every view and service asks here; nothing else decides access."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import Http404

from safelearn.core.types import RequestUser
from safelearn.organisations.models import OrganisationKind, Role
from safelearn.organisations.selectors import is_analyst, memberships_for, user_has_role

STAFF_ROLES = (Role.REPORTER, Role.REVIEWER, Role.ORG_ADMIN)
REVIEW_ROLES = (Role.REVIEWER,)


def can_review(user: RequestUser | None, organisation_id: Any) -> bool:
    return user_has_role(user, organisation_id, Role.REVIEWER)


def can_report(user: RequestUser | None, organisation_id: Any) -> bool:
    return user_has_role(user, organisation_id, *STAFF_ROLES)


def require_reviewer(user: RequestUser | None, organisation_id: Any) -> None:
    """Outsiders get a 404 so that a report's existence is not revealed; insiders without the role a 403."""
    if can_review(user, organisation_id):
        return
    if can_report(user, organisation_id):
        raise PermissionDenied("Only the organisation's safety leads can do this.")
    raise Http404


def can_read_report(user: RequestUser | None, report: Any) -> bool:
    if can_review(user, report.organisation_id):
        return True
    return bool(report.reporter_id and report.reporter_id == getattr(user, "pk", None))


def require_analyst(user: RequestUser | None) -> None:
    """National, de-identified data: analysts only."""
    if not is_analyst(user):
        raise PermissionDenied("Only national analysts can do this.")


def can_print_reporting_kit(user: RequestUser | None, organisation_id: Any) -> bool:
    """The public link's poster and cards: the organisation's administrators, and its safety leads who run it."""
    return user_has_role(user, organisation_id, Role.ORG_ADMIN, Role.REVIEWER)


def require_reporting_kit(user: RequestUser | None, organisation_id: Any) -> None:
    """Outsiders get a 404 (as for reports); the organisation's reporters a 403."""
    if can_print_reporting_kit(user, organisation_id):
        return
    if can_report(user, organisation_id):
        raise PermissionDenied("Only the organisation's administrators and safety leads can print the reporting kit.")
    raise Http404


def is_national_admin(user: RequestUser | None) -> bool:
    """An administrator of the national learning body: sets up organisations (no new role, see decision 0009)."""
    return any(
        m.role == Role.ORG_ADMIN and m.organisation.kind == OrganisationKind.NATIONAL for m in memberships_for(user)
    )


def require_national_admin(user: RequestUser | None) -> None:
    if not is_national_admin(user):
        raise PermissionDenied("Only the national body's administrators can do this.")


#: Roles that can read narratives or identities of many people's reports: a stolen password alone
#: must not be enough. Reporters may add a device but are not made to.
TWO_FACTOR_ROLES = frozenset({Role.REVIEWER, Role.ORG_ADMIN, Role.ANALYST})


def user_requires_two_factor(user: RequestUser | None) -> bool:
    """Whether this person must sign in with a second factor (their roles decide; accounts enforces it)."""
    if not getattr(settings, "SAFELEARN_REQUIRE_2FA", True) or user is None or not user.is_authenticated:
        return False
    if user.is_staff or user.is_superuser:
        return True
    return any(m.role in TWO_FACTOR_ROLES for m in memberships_for(user))
