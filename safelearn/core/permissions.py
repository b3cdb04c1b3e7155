"""Who may do what. Every view and service asks here; nothing else decides access."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404

from safelearn.organisations.models import Role
from safelearn.organisations.selectors import is_analyst, user_has_role

STAFF_ROLES = (Role.REPORTER, Role.REVIEWER, Role.ORG_ADMIN)
REVIEW_ROLES = (Role.REVIEWER,)


def can_review(user: Any, organisation_id: Any) -> bool:
    return user_has_role(user, organisation_id, Role.REVIEWER)


def can_report(user: Any, organisation_id: Any) -> bool:
    return user_has_role(user, organisation_id, *STAFF_ROLES)


def require_reviewer(user: Any, organisation_id: Any) -> None:
    """Outsiders get a 404 so that a report's existence is not revealed; insiders without the role a 403."""
    if can_review(user, organisation_id):
        return
    if can_report(user, organisation_id):
        raise PermissionDenied("Only the organisation's safety leads can do this.")
    raise Http404


def can_read_report(user: Any, report: Any) -> bool:
    if can_review(user, report.organisation_id):
        return True
    return bool(report.reporter_id and report.reporter_id == getattr(user, "pk", None))


def require_analyst(user: Any) -> None:
    """National, de-identified data: analysts only."""
    if not is_analyst(user):
        raise PermissionDenied("Only national analysts can do this.")
